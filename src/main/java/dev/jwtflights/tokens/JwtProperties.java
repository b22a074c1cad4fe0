package dev.jwtflights.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.jwtflights.system.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access tokens ({@code app.jwt.*}; the refresh-token settings under the same prefix belong to the
 * sessions).
 *
 * @param secret the HMAC key as text; its UTF-8 bytes must be at least 32 bytes long; when unset a random key is
 * generated at startup
 * @param issuer the {@code iss} claim, and the issuer identifier of the OAuth metadata (RFC 8414, RFC 9068): the URL
 * that clients reach the application at, an origin with no path
 * @param audience the {@code aud} claim
 */
@ConfigurationProperties("app.jwt")
record JwtProperties(
        String secret,
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("jwt-flights") String audience,
        @DefaultValue("1m") Duration accessTokenTtl,
        @DefaultValue("0s") Duration clockSkew) {

    static final int MIN_SECRET_BYTES = 32;

    JwtProperties {
        if (secret != null && !secret.isBlank() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("app.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (UTF-8) long for HS256; leave app.jwt.secret unset to use a random key");
        }
        Settings.requireOrigin(issuer, "app.jwt.issuer");
        Settings.requireText(audience, "app.jwt.audience");
        Settings.requirePositive(accessTokenTtl, "app.jwt.access-token-ttl");
        Settings.requireNotNegative(clockSkew, "app.jwt.clock-skew");
    }

    /** A blank secret counts as none: it would be a key anyone can guess. */
    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "JwtProperties[secret=" + (hasSecret() ? "(set)" : "(unset)") + ", issuer=" + issuer + ", audience="
                + audience + ", accessTokenTtl=" + accessTokenTtl + ", clockSkew=" + clockSkew + "]";
    }

}
