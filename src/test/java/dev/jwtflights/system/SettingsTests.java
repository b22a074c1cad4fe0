package dev.jwtflights.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The start-up checks of settings name the property they refuse.
 */
class SettingsTests {

    @Test
    void requireTextRefusesNullAndBlankNamingTheProperty() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> Settings.requireText(null, "app.x"))
            .withMessage("app.x must not be blank");
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> Settings.requireText(" \t", "app.x"))
            .withMessage("app.x must not be blank");
        assertThatNoException().isThrownBy(() -> Settings.requireText(" a ", "app.x"));
    }

    @Test
    void requirePositiveRefusesNullZeroAndNegative() {
        for (Duration refused : new Duration[] { null, Duration.ZERO, Duration.ofNanos(-1) }) {
            assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> Settings.requirePositive(refused, "app.ttl"))
                .withMessage("app.ttl must be a positive duration");
        }
        assertThatNoException().isThrownBy(() -> Settings.requirePositive(Duration.ofNanos(1), "app.ttl"));
    }

    @Test
    void requirePositiveNumberRefusesZeroAndNegativeNamingTheProperty() {
        for (int bad : new int[] { 0, -1 }) {
            assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> Settings.requirePositive(bad, "app.x"))
                .withMessage("app.x must be a positive number");
        }
        Settings.requirePositive(1, "app.x");
    }

    @Test
    void requireNotNegativeRefusesNullAndNegativeButTakesZero() {
        for (Duration refused : new Duration[] { null, Duration.ofNanos(-1) }) {
            assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> Settings.requireNotNegative(refused, "app.grace"))
                .withMessage("app.grace must not be negative");
        }
        assertThatNoException().isThrownBy(() -> Settings.requireNotNegative(Duration.ZERO, "app.grace"));
    }

    @Test
    void requireOriginTakesHttpAndHttpsOriginsOnly() {
        assertThatNoException().isThrownBy(() -> Settings.requireOrigin("http://localhost:8080", "app.x"));
        assertThatNoException().isThrownBy(() -> Settings.requireOrigin("https://flights.example.com", "app.x"));
        for (String value : new String[] { "", "flights", "https://", "https://flights.example.com/",
                "https://flights.example.com/app", "https://flights.example.com?a=b", "https://flights.example.com#x",
                "https://user@flights.example.com", "javascript:alert(1)", "http://[bad", "https://flights.example.com:443",
                "http://localhost:80" }) {
            assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> Settings.requireOrigin(value, "app.x"))
                .withMessageStartingWith("app.x ");
        }
    }

}
