package dev.jwtflights.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/** The options of passkey registrations between their two requests, in the {@link CeremonyStore}. */
final class RegistrationCeremonies implements PublicKeyCredentialCreationOptionsRepository {

    static final String COOKIE = "passkeyRegistration";

    private final CeremonyStore store;

    RegistrationCeremonies(CeremonyStore store) {
        this.store = store;
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            PublicKeyCredentialCreationOptions options) {
        this.store.save(CeremonyStore.Kind.REGISTRATION, COOKIE, request, response,
                (options != null) ? CeremonyOptions.Creation.of(options) : null);
    }

    /** Takes the options out: a second load of the same ceremony finds none. */
    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        CeremonyOptions.Creation options = this.store.take(CeremonyStore.Kind.REGISTRATION, COOKIE, request,
                CeremonyOptions.Creation.class);
        return (options != null) ? options.options() : null;
    }

}
