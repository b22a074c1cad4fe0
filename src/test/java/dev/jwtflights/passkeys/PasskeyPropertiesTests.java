package dev.jwtflights.passkeys;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The relying party's settings: their defaults, and every value that stops the start with a message naming the
 * property.
 */
class PasskeyPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withUserConfiguration(Binding.class);

    @Test
    void bindWhenNothingSetThenTheDefaultsForThisMachine() {
        this.context.run((started) -> {
            PasskeyProperties properties = started.getBean(PasskeyProperties.class);
            assertThat(properties.rpId()).isEqualTo("localhost");
            assertThat(properties.rpName()).isEqualTo("jwt-flights");
            assertThat(properties.allowedOrigins()).containsExactly("http://localhost:8080");
        });
    }

    @Test
    void bindWhenARealHostThenItsDomainAndHttpsOrigins() {
        this.context
            .withPropertyValues("app.passkeys.rp-id=example.com", "app.passkeys.rp-name=Flights",
                    "app.passkeys.allowed-origins=https://flights.example.com,https://example.com")
            .run((started) -> assertThat(started.getBean(PasskeyProperties.class).allowedOrigins())
                .containsExactly("https://flights.example.com", "https://example.com"));
    }

    @Test
    void bindWhenAnOriginOnAnotherDomainThenTheStartFailsNamingIt() {
        this.context
            .withPropertyValues("app.passkeys.rp-id=example.com",
                    "app.passkeys.allowed-origins=https://flights.example.com,https://example.org")
            .run((started) -> assertThat(started).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("app.passkeys.allowed-origins[1] must be on app.passkeys.rp-id"));
    }

    @Test
    void createWhenRpIdBlankThenRefusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasskeyProperties(" ", "jwt-flights",
                List.of("http://localhost:8080")))
            .withMessageContaining("app.passkeys.rp-id");
    }

    @Test
    void createWhenRpIdIsAUrlThenRefused() {
        for (String rpId : List.of("https://example.com", "example.com:8443", "example.com/", ".example.com")) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasskeyProperties(rpId, "jwt-flights", List.of("https://example.com")))
                .withMessageContaining("app.passkeys.rp-id must be a host name");
        }
    }

    @Test
    void createWhenRpNameBlankThenRefusedNamingIt() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PasskeyProperties("localhost", "", List.of("http://localhost:8080")))
            .withMessageContaining("app.passkeys.rp-name");
    }

    @Test
    void createWhenNoOriginThenRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PasskeyProperties("localhost", "jwt-flights", List.of()))
            .withMessageContaining("app.passkeys.allowed-origins must list at least one origin");
    }

    @Test
    void createWhenAnOriginHasAPathOrIsNoUrlThenRefusedNamingIt() {
        for (String origin : List.of("http://localhost:8080/", "http://localhost:8080/login", "localhost:8080",
                "ftp://localhost")) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasskeyProperties("localhost", "jwt-flights", List.of(origin)))
                .withMessageContaining("app.passkeys.allowed-origins[0]");
        }
    }

    @Test
    void createWhenAnOriginOnASubdomainThenAccepted() {
        assertThat(new PasskeyProperties("example.com", "Flights", List.of("https://a.b.example.com")).allowedOrigins())
            .containsExactly("https://a.b.example.com");
    }

    @Test
    void createWhenAHostOnlyEndingLikeTheRpIdThenRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PasskeyProperties("example.com", "Flights", List.of("https://badexample.com")))
            .withMessageContaining("app.passkeys.allowed-origins[0] must be on app.passkeys.rp-id");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PasskeyProperties.class)
    static class Binding {

    }

}
