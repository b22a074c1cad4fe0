package dev.jwtflights.system;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start with a setting that is only fit for a developer's machine: no
 * signing key of our own (a random key per start signs everybody out at every restart, and differs between
 * instances), the demo users, the H2 console, cookies sent over plain HTTP, or error details shown to clients.
 * {@code application-prod.properties} sets the safe values; this check stops a start that sets one of them back. Each
 * message names the property, never its value. Reads the settings as properties, so that it depends on no module.
 */
@Component
@Profile(ProductionSettings.PROFILE)
class ProductionSettings {

    static final String PROFILE = "prod";

    private static final List<String> ERROR_DETAILS = List.of("server.error.include-message",
            "server.error.include-binding-errors", "server.error.include-stacktrace");

    ProductionSettings(Environment environment) {
        check(Binder.get(environment));
    }

    private static void check(Binder settings) {
        boolean secret = !settings.bind("app.jwt.secret", String.class).orElse("").isBlank();
        boolean keys = !settings.bind("app.jwt.keys", Bindable.listOf(Map.class)).orElse(List.of()).isEmpty();
        if (!secret && !keys) {
            refuse("app.jwt.secret must be set, or app.jwt.keys: without a key of our own every start signs with a new random "
                    + "key, and every instance with its own");
        }
        if (flag(settings, "app.demo-users", true)) {
            refuse("app.demo-users must be false: the demo users have well-known passwords");
        }
        if (flag(settings, "spring.h2.console.enabled", false)) {
            refuse("spring.h2.console.enabled must be false");
        }
        if (!flag(settings, "app.cookies.secure", false)) {
            refuse("app.cookies.secure must be true: the token cookies go over HTTPS only");
        }
        for (String property : ERROR_DETAILS) {
            if (!"never".equalsIgnoreCase(settings.bind(property, String.class).orElse("never"))) {
                refuse(property + " must be never: error responses show no detail");
            }
        }
        if (flag(settings, "server.error.include-exception", false)) {
            refuse("server.error.include-exception must be false: error responses show no detail");
        }
    }

    private static boolean flag(Binder settings, String property, boolean unset) {
        return settings.bind(property, Boolean.class).orElse(unset);
    }

    private static void refuse(String reason) {
        throw new IllegalStateException("The " + PROFILE + " profile is active: " + reason);
    }

}
