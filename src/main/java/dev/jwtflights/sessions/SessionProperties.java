package dev.jwtflights.sessions;

import java.time.Duration;

import dev.jwtflights.system.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the refresh tokens ({@code app.jwt.*}, beside the access-token settings of the same prefix).
 *
 * @param refreshTokenTtl lifetime of a refresh token from its issue
 * @param sessionMaxLifetime no refresh token outlives its login by more than this
 * @param refreshReuseGrace how long after its rotation a refresh token may be rotated again without counting as a
 * replay; zero turns the grace off
 * @param maxSessionsPerUser how many sessions one user may have at once: a login beyond that ends their oldest
 */
@ConfigurationProperties("app.jwt")
record SessionProperties(
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration sessionMaxLifetime,
        @DefaultValue("10s") Duration refreshReuseGrace,
        @DefaultValue("20") int maxSessionsPerUser) {

    SessionProperties {
        Settings.requirePositive(refreshTokenTtl, "app.jwt.refresh-token-ttl");
        Settings.requirePositive(sessionMaxLifetime, "app.jwt.session-max-lifetime");
        Settings.requireNotNegative(refreshReuseGrace, "app.jwt.refresh-reuse-grace");
        Settings.requirePositive(maxSessionsPerUser, "app.jwt.max-sessions-per-user");
    }

}
