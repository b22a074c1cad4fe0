package dev.jwtflights.passkeys;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Where passkeys are kept: Spring Security's JDBC repositories on the Flyway tables ({@code user_entities},
 * {@code user_credentials}), the credentials' one telling the audit trail about new passkeys.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyStores {

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
