package dev.jwtflights.revocation;

import java.time.Duration;

import dev.jwtflights.system.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the revocation view ({@code app.jwt.*}, beside the token settings).
 *
 * @param revocationCheckInterval how often the view of ended sessions is read again from the database: the longest a
 * revocation made elsewhere (another instance, SQL) takes to reach the access tokens of this one
 */
@ConfigurationProperties("app.jwt")
record RevocationProperties(@DefaultValue("5s") Duration revocationCheckInterval) {

    RevocationProperties {
        Settings.requirePositive(revocationCheckInterval, "app.jwt.revocation-check-interval");
    }

}
