package dev.jwtflights.throttle;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle's settings are checked when the application starts: a bad value stops it, naming the property.
 */
class ThrottlePropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withUserConfiguration(Config.class);

    @Test
    void startWithNoSettingsThenTheDocumentedDefaults() {
        this.contextRunner.run((context) -> {
            ThrottleProperties properties = context.getBean(ThrottleProperties.class);
            assertThat(properties.failuresPerUsername()).isEqualTo(5);
            assertThat(properties.failuresPerIp()).isEqualTo(30);
            assertThat(properties.window()).hasMinutes(1);
            assertThat(properties.maxTracked()).isEqualTo(10_000);
        });
    }

    @ParameterizedTest
    @CsvSource({ "app.throttle.failures-per-username, 0", "app.throttle.failures-per-ip, -1",
            "app.throttle.window, 0s", "app.throttle.window, -1m", "app.throttle.max-tracked, 0" })
    void startWhenASettingIsNotPositiveThenFailsNamingTheProperty(String property, String value) {
        this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(property);
        });
    }

    @Test
    void startWithOtherSettingsThenThoseAreUsed() {
        this.contextRunner
            .withPropertyValues("app.throttle.failures-per-username=3", "app.throttle.failures-per-ip=100",
                    "app.throttle.window=5m", "app.throttle.max-tracked=500")
            .run((context) -> assertThat(context.getBean(ThrottleProperties.class))
                .isEqualTo(new ThrottleProperties(3, 100, Duration.ofMinutes(5), 500)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ThrottleProperties.class)
    static class Config {

    }

}
