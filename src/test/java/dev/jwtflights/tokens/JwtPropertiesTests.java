package dev.jwtflights.tokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings are checked when the application starts: a weak secret stops it, naming the property.
 */
class JwtPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withUserConfiguration(Config.class);

    @Test
    void startWhenSecretShorterThan32BytesThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.secret=too-short").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("app.jwt.secret");
        });
    }

    @Test
    void startWhenSecretHas32MultiByteCharactersCountsBytes() {
        // 11 characters of 3 UTF-8 bytes each: 33 bytes.
        this.contextRunner.withPropertyValues("app.jwt.secret=" + "€".repeat(11))
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void startWhenSecretIsBlankThenTreatedAsUnset() {
        this.contextRunner.withPropertyValues("app.jwt.secret=" + " ".repeat(40))
            .run((context) -> assertThat(context.getBean(JwtProperties.class).hasSecret()).isFalse());
    }

    @Test
    void startWhenDurationNegativeThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.clock-skew=-1s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("app.jwt.clock-skew");
        });
    }

    @Test
    void startWhenIssuerOrAudienceBlankThenFailsNamingTheProperty() {
        for (String property : new String[] { "app.jwt.issuer", "app.jwt.audience" }) {
            this.contextRunner.withPropertyValues(property + "= ").run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(property);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "jwt-flights", "http://localhost:8080/", "https://flights.example.com/app",
            "ftp://flights.example.com", "https://flights.example.com?x=1" })
    void startWhenIssuerNotAnOriginThenFailsNamingTheProperty(String issuer) {
        this.contextRunner.withPropertyValues("app.jwt.issuer=" + issuer).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("app.jwt.issuer");
        });
    }

    @Test
    void startWhenIssuerAnHttpsOriginWithPortThenTaken() {
        this.contextRunner.withPropertyValues("app.jwt.issuer=https://flights.example.com:8443")
            .run((context) -> assertThat(context.getBean(JwtProperties.class).issuer())
                .isEqualTo("https://flights.example.com:8443"));
    }

    @Test
    void startWhenAccessTokenTtlZeroThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.access-token-ttl=0s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("app.jwt.access-token-ttl");
        });
    }

    @Test
    void startWithNoSettingsThenTheDocumentedDefaults() {
        this.contextRunner.run((context) -> {
            JwtProperties properties = context.getBean(JwtProperties.class);
            assertThat(properties.hasSecret()).isFalse();
            assertThat(properties.accessTokenTtl()).hasMinutes(1);
            assertThat(properties.clockSkew()).isZero();
            assertThat(properties.issuer()).isEqualTo("http://localhost:8080");
            assertThat(properties.audience()).isEqualTo("jwt-flights");
        });
    }

    @Test
    void toStringNeverShowsTheSecret() {
        this.contextRunner.withPropertyValues("app.jwt.secret=a-secret-that-is-long-enough-for-hs256")
            .run((context) -> assertThat(context.getBean(JwtProperties.class).toString())
                .doesNotContain("a-secret-that-is-long-enough-for-hs256"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JwtProperties.class)
    static class Config {

    }

}
