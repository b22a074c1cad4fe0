package dev.jwtflights.passkeys;

import java.net.URI;
import java.util.List;

import dev.jwtflights.system.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebAuthn relying party: who the passkeys are for, checked at start.
 *
 * @param rpId the relying party id: the host name the passkeys are bound to, the registrable domain of the site
 * ({@code example.com} for {@code https://flights.example.com}), without scheme or port
 * @param rpName the name an authenticator shows when a passkey is created
 * @param allowedOrigins the origins the ceremonies may come from (the browser's {@code origin} of the page); each
 * host must be the rp id or a subdomain of it
 */
@ConfigurationProperties("app.passkeys")
public record PasskeyProperties(
        @DefaultValue("localhost") String rpId,
        @DefaultValue("jwt-flights") String rpName,
        @DefaultValue("http://localhost:8080") List<String> allowedOrigins) {

    public PasskeyProperties {
        Settings.requireText(rpId, "app.passkeys.rp-id");
        if (!rpId.matches("[A-Za-z0-9.-]+") || rpId.startsWith(".") || rpId.endsWith(".")) {
            throw new IllegalArgumentException("app.passkeys.rp-id must be a host name such as example.com, without "
                    + "a scheme, a port or a path");
        }
        Settings.requireText(rpName, "app.passkeys.rp-name");
        if (allowedOrigins == null || allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException("app.passkeys.allowed-origins must list at least one origin");
        }
        for (int i = 0; i < allowedOrigins.size(); i++) {
            String name = "app.passkeys.allowed-origins[" + i + "]";
            String origin = allowedOrigins.get(i);
            Settings.requireOrigin(origin, name);
            String host = URI.create(origin).getHost();
            if (!host.equalsIgnoreCase(rpId) && !host.toLowerCase().endsWith("." + rpId.toLowerCase())) {
                throw new IllegalArgumentException(name + " must be on app.passkeys.rp-id (" + rpId
                        + ") or a subdomain of it");
            }
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

}
