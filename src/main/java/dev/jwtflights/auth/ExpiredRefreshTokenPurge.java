package dev.jwtflights.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the rows of refresh tokens that expired more than a day ago, every hour. An expired token is refused
 * whether or not its row is still there, so this changes no answer; it only keeps {@code refresh_token} from growing
 * by one row per renewal forever.
 */
@Component
class ExpiredRefreshTokenPurge {

    /** Kept a day after expiry, for whoever reads the table. */
    static final Duration RETENTION = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ExpiredRefreshTokenPurge.class);

    private final RefreshTokenRepository tokens;

    private final Clock clock;

    ExpiredRefreshTokenPurge(RefreshTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    @Transactional
    public int purge() {
        Instant cutoff = this.clock.instant().minus(RETENTION);
        int deleted = this.tokens.deleteExpiredBefore(cutoff);
        if (deleted > 0) {
            log.info("Purged {} refresh tokens that expired before {}", deleted, cutoff);
        }
        return deleted;
    }

}
