package dev.jwtflights.test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.h2console.autoconfigure.H2ConsoleProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.management.MapPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.MapUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * For {@code @WebMvcTest}s: the application's real API filter chains (the bearer chain and the API description's), the
 * password check and its throttle, strict JSON and the real token service, with a movable clock, and a revocation view in which no
 * session has ended. A test of the pages
 * imports the browser side's chains beside it.
 * <p>
 * The configurations are package-private in their modules, so they are named here rather than referenced; a renamed
 * one fails every test that uses this configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ WebSecurityTestConfiguration.ApplicationSecurity.class, TestClockConfiguration.class })
@EnableConfigurationProperties(H2ConsoleProperties.class)
public class WebSecurityTestConfiguration {

    /** The meters of the filter chains and the password check, which a test slice does not configure. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** No passkeys here: Spring Security's in-memory stores, for the page chain's {@code webAuthn()}. */
    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities() {
        return new MapPublicKeyCredentialUserEntityRepository();
    }

    @Bean
    UserCredentialRepository passkeyCredentials() {
        return new MapUserCredentialRepository();
    }

    /** No database here: the ceremonies' options in Spring Security's HTTP-session stores. */
    @Bean
    PublicKeyCredentialRequestOptionsRepository passkeySignInCeremonies() {
        return new HttpSessionPublicKeyCredentialRequestOptionsRepository();
    }

    @Bean
    PublicKeyCredentialCreationOptionsRepository passkeyRegistrationCeremonies() {
        return new HttpSessionPublicKeyCredentialCreationOptionsRepository();
    }

    /** Nobody can log in with a password here: these tests mint their tokens with the token service. */
    @Bean
    UserDetailsService userDetailsService() {
        return (username) -> {
            throw new UsernameNotFoundException("no users in this test");
        };
    }

    static class ApplicationSecurity implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata importingClassMetadata) {
            return new String[] { "dev.jwtflights.oauth.ApiSecurityConfiguration",
                    "dev.jwtflights.api.ApiDocsSecurityConfiguration", "dev.jwtflights.api.StrictJsonConfiguration",
                    "dev.jwtflights.users.PasswordConfiguration", "dev.jwtflights.users.SignInLog",
                    "dev.jwtflights.throttle.LoginThrottle",
                    "dev.jwtflights.tokens.TokenService", "dev.jwtflights.tokens.AccessTokenRefusals",
                    "dev.jwtflights.passkeys.PasskeyConfiguration",
                    "dev.jwtflights.test.revocation.NoEndedSessions" };
        }

    }

}
