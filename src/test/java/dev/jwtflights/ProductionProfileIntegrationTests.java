package dev.jwtflights;

import org.junit.jupiter.api.Test;

import dev.jwtflights.users.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The prod profile as the application runs it: application-prod.properties turns off what only a developer's machine
 * should run with, and setting one of those back on stops the start.
 */
@SpringBootTest
@ActiveProfiles("prod")
class ProductionProfileIntegrationTests {

    @Autowired
    private Environment environment;

    @Autowired
    private UserAccounts accounts;

    @Test
    void prodProfileThenSecureCookiesNoDemoUsersNoConsoleNoErrorDetail() {
        assertThat(this.environment.getProperty("app.cookies.secure", Boolean.class)).isTrue();
        assertThat(this.environment.getProperty("app.demo-users", Boolean.class)).isFalse();
        assertThat(this.environment.getProperty("spring.h2.console.enabled", Boolean.class)).isFalse();
        assertThat(this.environment.getProperty("server.error.include-message")).isEqualTo("never");
        assertThat(this.environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(this.environment.getProperty("server.error.include-binding-errors")).isEqualTo("never");
        assertThat(this.environment.getProperty("server.error.include-exception", Boolean.class)).isFalse();
        assertThat(this.accounts.list()).isEmpty();
    }

    @Test
    void prodProfileWhenDemoUsersSetBackOnThenStartRefused() {
        SpringApplication application = new SpringApplication(JwtFlightsApplication.class);
        application.setAdditionalProfiles("prod");

        assertThatException()
            .isThrownBy(() -> application.run("--server.port=0", "--app.demo-users=true")
                .close())
            .havingRootCause()
            .withMessageContaining("app.demo-users must be false");
    }

}
