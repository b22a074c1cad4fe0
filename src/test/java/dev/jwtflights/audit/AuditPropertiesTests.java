package dev.jwtflights.audit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's setting is checked when the application starts.
 */
class AuditPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withUserConfiguration(Config.class);

    @Test
    void startWithNoSettingThenNinetyDays() {
        this.contextRunner
            .run((context) -> assertThat(context.getBean(AuditProperties.class).retention()).hasDays(90));
    }

    @Test
    void startWhenTheRetentionIsNegativeThenFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues("app.audit.retention=-1d").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("app.audit.retention");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditProperties.class)
    static class Config {

    }

}
