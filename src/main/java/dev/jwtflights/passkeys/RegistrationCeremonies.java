package dev.jwtflights.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/** The options of passkey registrations between their two requests, in a {@link CeremonyStore}. */
final class RegistrationCeremonies implements PublicKeyCredentialCreationOptionsRepository {

    static final String COOKIE = "passkeyRegistration";

    private final CeremonyStore<PublicKeyCredentialCreationOptions> store = new CeremonyStore<>(COOKIE);

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            PublicKeyCredentialCreationOptions options) {
        this.store.save(request, response, options);
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        return this.store.load(request);
    }

}
