package dev.jwtflights.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.jwtflights.sessions.store.RefreshTokenRepository;
import dev.jwtflights.system.Purge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the sessions whose refresh tokens all expired more than a day ago (run by the housekeeping: as soon as the
 * application is ready, then every hour). An expired token is refused whether or not its row is still there, so this
 * changes no answer; it only keeps {@code refresh_token} from growing forever. A session that is still alive keeps
 * every row. Several instances may purge at once: each deletes what is still there.
 */
@Component
class ExpiredRefreshTokenPurge implements Purge {

    /** Kept a day after expiry, for whoever reads the table. */
    static final Duration RETENTION = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ExpiredRefreshTokenPurge.class);

    private final RefreshTokenRepository refreshTokens;

    private final Clock clock;

    ExpiredRefreshTokenPurge(RefreshTokenRepository refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int purge() {
        Instant cutoff = this.clock.instant().minus(RETENTION);
        int deleted = this.refreshTokens.deleteSessionsExpiredBefore(cutoff);
        if (deleted > 0) {
            log.info("Purged {} refresh tokens of sessions that ended before {}", deleted, cutoff);
        }
        return deleted;
    }

}
