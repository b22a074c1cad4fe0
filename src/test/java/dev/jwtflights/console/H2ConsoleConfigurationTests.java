package dev.jwtflights.console;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.h2console.autoconfigure.H2ConsoleProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The console's account and guard exist only while the console is on, and only for an H2 database: with the console
 * on and another database (PostgreSQL), the application does not start, and says which setting to change.
 */
class H2ConsoleConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withUserConfiguration(H2ConsoleConfiguration.class, BootsProperties.class)
        .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class));

    @Test
    void consoleOnWithH2ThenItsAccountAndGuard() {
        this.contexts.withPropertyValues("spring.h2.console.enabled=true", "spring.datasource.url=jdbc:h2:mem:flights")
            .run((context) -> {
                assertThat(context).hasSingleBean(ConsoleAccount.class);
                assertThat(context).hasSingleBean(FilterRegistrationBean.class);
            });
    }

    @Test
    void consoleOnWithPostgresThenTheApplicationDoesNotStartAndSaysWhatToChange() {
        this.contexts
            .withPropertyValues("spring.h2.console.enabled=true",
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/flights")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.h2.console.enabled=false")
                .hasMessageContaining("SPRING_H2_CONSOLE_ENABLED=false")
                .hasMessageNotContaining("127.0.0.1"));
    }

    @Test
    void consoleOffThenNothingOfItWhateverTheDatabase() {
        this.contexts
            .withPropertyValues("spring.h2.console.enabled=false",
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/flights")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(ConsoleAccount.class);
                assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
            });
    }

    /** The two properties classes that the console's beans read, bound as Boot binds them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ DataSourceProperties.class, H2ConsoleProperties.class })
    static class BootsProperties {

    }

}
