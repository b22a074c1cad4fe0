package dev.jwtflights.revocation;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revocation view's setting is checked when the application starts.
 */
class RevocationPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withUserConfiguration(Config.class);

    @Test
    void startWithNoSettingThenEveryFiveSeconds() {
        this.contextRunner.run((context) -> assertThat(
                context.getBean(RevocationProperties.class).revocationCheckInterval()).hasSeconds(5));
    }

    @Test
    void startWhenTheIntervalIsZeroThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.jwt.revocation-check-interval=0s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("app.jwt.revocation-check-interval");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RevocationProperties.class)
    static class Config {

    }

}
