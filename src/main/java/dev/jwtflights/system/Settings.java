package dev.jwtflights.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Start-up checks of our {@code app.*} settings: a bad value stops the application with a message that names the
 * property.
 */
public final class Settings {

    private Settings() {
    }

    public static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    public static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    public static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive number");
        }
    }

    public static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    /**
     * An origin: {@code http} or {@code https}, a host, an optional port other than the scheme's own, and nothing
     * else (no path, not even a trailing {@code /}, no query, fragment or user name): one spelling per origin, so that
     * it can be compared as a string.
     */
    public static void requireOrigin(String value, String name) {
        requireText(value, name);
        URI uri;
        try {
            uri = new URI(value);
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException(name + " must be a URL such as https://flights.example.com");
        }
        boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
        if (!web || uri.getHost() == null || uri.getPort() == defaultPort || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an http or https URL with a host, no path and no "
                    + "default port, such as https://flights.example.com");
        }
    }

}
