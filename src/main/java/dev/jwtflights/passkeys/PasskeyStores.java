package dev.jwtflights.passkeys;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Where passkeys are kept: Spring Security's JDBC repositories on the Flyway tables ({@code user_entities},
 * {@code user_credentials}), the credentials' one telling the audit trail about new passkeys; and where a ceremony's
 * options wait for its answer, found by {@code webAuthn()} by their types: the {@code passkey_ceremony} table, which
 * every instance shares ({@link CeremonyStore}).
 */
@Configuration(proxyBeanMethods = false)
class PasskeyStores {

    @Bean
    PublicKeyCredentialRequestOptionsRepository passkeyAuthenticationCeremonies(JdbcTemplate jdbc, JsonMapper json,
            Clock clock) {
        return new AuthenticationCeremonies(new CeremonyStore(jdbc, json, clock));
    }

    @Bean
    PublicKeyCredentialCreationOptionsRepository passkeyRegistrationCeremonies(JdbcTemplate jdbc, JsonMapper json,
            Clock clock) {
        return new RegistrationCeremonies(new CeremonyStore(jdbc, json, clock));
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcTemplate jdbc, PublicKeyCredentialUserEntityRepository userEntities,
            ApplicationEventPublisher events, Clock clock) {
        return new PasskeyCredentials(new JdbcUserCredentialRepository(jdbc), userEntities, events, clock);
    }

}
