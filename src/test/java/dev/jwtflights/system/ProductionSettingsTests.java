package dev.jwtflights.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile's start-up check: each setting only fit for a developer's machine stops the start with a message
 * that names the property, and the safe settings start.
 */
class ProductionSettingsTests {

    private static final String SECRET = "a-production-secret-long-enough-for-hs256";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(ProductionSettings.class)
        .withPropertyValues("spring.profiles.active=prod", "app.jwt.secret=" + SECRET, "app.demo-users=false",
                "spring.h2.console.enabled=false", "app.cookies.secure=true");

    @Test
    void startWhenSafeSettingsThenRuns() {
        this.runner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ProductionSettings.class));
    }

    @Test
    void startWhenNamedKeysInsteadOfSecretThenRuns() {
        this.runner.withPropertyValues("app.jwt.secret=", "app.jwt.keys[0].kid=2026-07", "app.jwt.keys[0].secret=" + SECRET)
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void startWhenNotProdThenNoCheck() {
        this.runner.withPropertyValues("spring.profiles.active=", "app.jwt.secret=", "app.demo-users=true")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ProductionSettings.class));
    }

    @Test
    void startWhenNoSigningKeyThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("app.jwt.secret="), "app.jwt.secret");
    }

    @Test
    void startWhenDemoUsersOnThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("app.demo-users=true"), "app.demo-users");
    }

    @Test
    void startWhenDemoUsersUnsetThenRefusedBecauseTheirDefaultIsOn() {
        assertRefused(new ApplicationContextRunner().withUserConfiguration(ProductionSettings.class)
            .withPropertyValues("spring.profiles.active=prod", "app.jwt.secret=" + SECRET, "app.cookies.secure=true"),
                "app.demo-users");
    }

    @Test
    void startWhenH2ConsoleOnThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("spring.h2.console.enabled=true"), "spring.h2.console.enabled");
    }

    @Test
    void startWhenCookiesNotSecureThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("app.cookies.secure=false"), "app.cookies.secure");
    }

    @Test
    void startWhenErrorMessageShownThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("server.error.include-message=always"),
                "server.error.include-message");
    }

    @Test
    void startWhenBindingErrorsShownThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("server.error.include-binding-errors=on_param"),
                "server.error.include-binding-errors");
    }

    @Test
    void startWhenStackTraceShownThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("server.error.include-stacktrace=always"),
                "server.error.include-stacktrace");
    }

    @Test
    void startWhenExceptionShownThenRefusedNamingTheProperty() {
        assertRefused(this.runner.withPropertyValues("server.error.include-exception=true"),
                "server.error.include-exception");
    }

    private static void assertRefused(ApplicationContextRunner runner, String property) {
        runner.run((context) -> assertThat(context).hasFailed()
            .getFailure()
            .rootCause()
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("prod profile")
            .hasMessageContaining(property + " must")
            .hasMessageNotContaining(SECRET));
    }

}
