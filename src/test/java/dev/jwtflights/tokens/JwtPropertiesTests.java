package dev.jwtflights.tokens;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings are checked when the application starts: a weak secret, or a key without a kid of its own, stops it,
 * naming the property and never showing a secret.
 */
class JwtPropertiesTests {

    private static final String NEW_SECRET = "the-new-key-of-more-than-32-bytes!!!";

    private static final String OLD_SECRET = "the-old-key-of-more-than-32-bytes!!!";

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

    @Test
    void startWhenKeysSetAsPropertiesThenBoundInTheirOrder() {
        this.contextRunner.withPropertyValues(keys("2026-07", NEW_SECRET, "2026-01", OLD_SECRET)).run((context) -> {
            JwtProperties properties = context.getBean(JwtProperties.class);
            assertThat(properties.hasKeys()).isTrue();
            assertThat(properties.hasSecret()).isFalse();
            assertThat(properties.keys()).extracting(JwtProperties.SigningKey::kid)
                .containsExactly("2026-07", "2026-01");
            assertThat(properties.keys()).extracting(JwtProperties.SigningKey::secret)
                .containsExactly(NEW_SECRET, OLD_SECRET);
        });
    }

    @Test
    void startWhenKeysSetAsEnvironmentVariablesThenBoundInTheirOrder() {
        Map<String, Object> environment = Map.of("APP_JWT_KEYS_0_KID", "2026-07", "APP_JWT_KEYS_0_SECRET", NEW_SECRET,
                "APP_JWT_KEYS_1_KID", "2026-01", "APP_JWT_KEYS_1_SECRET", OLD_SECRET);
        // Named like the real one, so that Boot reads it with the rules of environment variables.
        String name = "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        this.contextRunner.withInitializer((context) -> context.getEnvironment().getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource(name, environment)))
            .run((context) -> assertThat(context.getBean(JwtProperties.class).keys())
                .containsExactly(new JwtProperties.SigningKey("2026-07", NEW_SECRET),
                        new JwtProperties.SigningKey("2026-01", OLD_SECRET)));
    }

    @Test
    void startWhenNoKeysThenNoneAndTheSecretAlone() {
        this.contextRunner.withPropertyValues("app.jwt.secret=" + OLD_SECRET).run((context) -> {
            JwtProperties properties = context.getBean(JwtProperties.class);
            assertThat(properties.keys()).isEmpty();
            assertThat(properties.hasKeys()).isFalse();
            assertThat(properties.hasSecret()).isTrue();
        });
    }

    @Test
    void startWhenSecretAndKeysBothSetThenFailsNamingBoth() {
        this.contextRunner.withPropertyValues(keys("2026-07", NEW_SECRET))
            .withPropertyValues("app.jwt.secret=" + OLD_SECRET)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("app.jwt.secret and app.jwt.keys are both set")
                    .message().doesNotContain(OLD_SECRET, NEW_SECRET);
            });
    }

    @Test
    void startWhenKeysSetAndTheSecretBlankThenTheKeys() {
        this.contextRunner.withPropertyValues(keys("2026-07", NEW_SECRET))
            .withPropertyValues("app.jwt.secret= ")
            .run((context) -> assertThat(context.getBean(JwtProperties.class).hasKeys()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "only-31-bytes-long-secret-value" })
    void startWhenAKeySecretShorterThan32BytesThenFailsNamingIt(String secret) {
        this.contextRunner.withPropertyValues(keys("2026-07", NEW_SECRET, "2026-01", secret)).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("app.jwt.keys[1].secret must be at least 32 bytes")
                .message().doesNotContain(NEW_SECRET).doesNotContain("only-31-bytes");
        });
    }

    @Test
    void startWhenAKeyHasNoSecretThenFailsNamingIt() {
        this.contextRunner.withPropertyValues("app.jwt.keys[0].kid=2026-07").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("app.jwt.keys[0].secret must be at least 32 bytes");
        });
    }

    @Test
    void startWhenAKeySecretHas32MultiByteCharactersCountsBytes() {
        this.contextRunner.withPropertyValues(keys("2026-07", "€".repeat(11)))
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " " })
    void startWhenAKidIsBlankThenFailsNamingIt(String kid) {
        this.contextRunner.withPropertyValues(keys("2026-07", NEW_SECRET, kid, OLD_SECRET)).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("app.jwt.keys[1].kid must not be blank");
        });
    }

    @Test
    void startWhenAKeyHasNoKidThenFailsNamingIt() {
        this.contextRunner.withPropertyValues("app.jwt.keys[0].secret=" + NEW_SECRET).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("app.jwt.keys[0].kid must not be blank")
                .message().doesNotContain(NEW_SECRET);
        });
    }

    @Test
    void startWhenTwoKeysHaveTheSameKidThenFailsNamingBoth() {
        this.contextRunner.withPropertyValues(keys("2026-07", NEW_SECRET, "2026-01", OLD_SECRET, "2026-07", OLD_SECRET))
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("app.jwt.keys[2].kid is the same as app.jwt.keys[0].kid")
                    .message().doesNotContain(NEW_SECRET, OLD_SECRET);
            });
    }

    @Test
    void toStringNeverShowsTheSecretsOfTheKeys() {
        this.contextRunner.withPropertyValues(keys("2026-07", NEW_SECRET, "2026-01", OLD_SECRET))
            .run((context) -> assertThat(context.getBean(JwtProperties.class).toString()).contains("2026-07", "2026-01")
                .doesNotContain(NEW_SECRET)
                .doesNotContain(OLD_SECRET));
    }

    /** {@code app.jwt.keys[N].kid} and {@code .secret} properties of the given kids and secrets, in their order. */
    private static String[] keys(String... kidsAndSecrets) {
        String[] properties = new String[kidsAndSecrets.length];
        for (int index = 0; index < kidsAndSecrets.length; index += 2) {
            properties[index] = "app.jwt.keys[" + (index / 2) + "].kid=" + kidsAndSecrets[index];
            properties[index + 1] = "app.jwt.keys[" + (index / 2) + "].secret=" + kidsAndSecrets[index + 1];
        }
        return properties;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JwtProperties.class)
    static class Config {

    }

}
