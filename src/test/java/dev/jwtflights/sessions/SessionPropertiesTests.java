package dev.jwtflights.sessions;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh-token settings are checked when the application starts: a bad value stops it, naming the property.
 */
class SessionPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withUserConfiguration(Config.class);

    @Test
    void startWhenGraceNegativeThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.refresh-reuse-grace=-1s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("app.jwt.refresh-reuse-grace");
        });
    }

    @Test
    void startWhenGraceZeroThenStarts() {
        this.contextRunner.withPropertyValues("app.jwt.refresh-reuse-grace=0s")
            .run((context) -> assertThat(context.getBean(SessionProperties.class).refreshReuseGrace()).isZero());
    }

    @Test
    void startWhenRefreshTokenTtlZeroThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.refresh-token-ttl=0s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("app.jwt.refresh-token-ttl");
        });
    }

    @Test
    void startWhenSessionMaxLifetimeNegativeThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.session-max-lifetime=-1d").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("app.jwt.session-max-lifetime");
        });
    }

    @Test
    void startWithNoSettingsThenTheDocumentedDefaults() {
        this.contextRunner.run((context) -> {
            SessionProperties properties = context.getBean(SessionProperties.class);
            assertThat(properties.refreshTokenTtl()).hasDays(7);
            assertThat(properties.sessionMaxLifetime()).hasDays(30);
            assertThat(properties.refreshReuseGrace()).hasSeconds(10);
            assertThat(properties.maxSessionsPerUser()).isEqualTo(20);
        });
    }

    @Test
    void startWhenMaxSessionsPerUserZeroThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.max-sessions-per-user=0").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("app.jwt.max-sessions-per-user");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SessionProperties.class)
    static class Config {

    }

}
