package dev.jwtflights.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access and refresh tokens ({@code app.jwt.*}).
 *
 * @param secret the HMAC key as text; its UTF-8 bytes must be at least 32 bytes long; when unset a random key is
 * generated at startup
 */
@ConfigurationProperties("app.jwt")
record JwtProperties(
        String secret,
        @DefaultValue("jwt-flights") String issuer,
        @DefaultValue("jwt-flights") String audience,
        @DefaultValue("1m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration sessionMaxLifetime,
        @DefaultValue("10s") Duration refreshReuseGrace,
        @DefaultValue("0s") Duration clockSkew) {

    static final int MIN_SECRET_BYTES = 32;

    JwtProperties {
        if (secret != null && !secret.isBlank() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("app.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (UTF-8) long for HS256; leave app.jwt.secret unset to use a random key");
        }
        requireText(issuer, "app.jwt.issuer");
        requireText(audience, "app.jwt.audience");
        requirePositive(accessTokenTtl, "app.jwt.access-token-ttl");
        requirePositive(refreshTokenTtl, "app.jwt.refresh-token-ttl");
        requirePositive(sessionMaxLifetime, "app.jwt.session-max-lifetime");
        requireNotNegative(refreshReuseGrace, "app.jwt.refresh-reuse-grace");
        requireNotNegative(clockSkew, "app.jwt.clock-skew");
    }

    /** A blank secret counts as none: it would be a key anyone can guess. */
    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    @Override
    public String toString() {
        return "JwtProperties[secret=" + (hasSecret() ? "(set)" : "(unset)") + ", issuer=" + issuer + ", audience="
                + audience + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", sessionMaxLifetime=" + sessionMaxLifetime + ", refreshReuseGrace=" + refreshReuseGrace
                + ", clockSkew=" + clockSkew + "]";
    }

}
