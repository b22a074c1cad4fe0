package dev.jwtflights.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;

/** The options of passkey sign-ins between their two requests, in a {@link CeremonyStore}. */
final class AuthenticationCeremonies implements PublicKeyCredentialRequestOptionsRepository {

    static final String COOKIE = "passkeySignIn";

    private final CeremonyStore<PublicKeyCredentialRequestOptions> store = new CeremonyStore<>(COOKIE);

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            PublicKeyCredentialRequestOptions options) {
        this.store.save(request, response, options);
    }

    @Override
    public PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
        return this.store.load(request);
    }

}
