package dev.jwtflights.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;

/** The options of passkey sign-ins between their two requests, in the {@link CeremonyStore}. */
final class AuthenticationCeremonies implements PublicKeyCredentialRequestOptionsRepository {

    static final String COOKIE = "passkeySignIn";

    private final CeremonyStore store;

    AuthenticationCeremonies(CeremonyStore store) {
        this.store = store;
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            PublicKeyCredentialRequestOptions options) {
        this.store.save(CeremonyStore.Kind.SIGN_IN, COOKIE, request, response,
                (options != null) ? CeremonyOptions.Request.of(options) : null);
    }

    /** Takes the options out: a second load of the same ceremony finds none. */
    @Override
    public PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
        CeremonyOptions.Request options = this.store.take(CeremonyStore.Kind.SIGN_IN, COOKIE, request,
                CeremonyOptions.Request.class);
        return (options != null) ? options.options() : null;
    }

}
