package dev.jwtflights.passkeys;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.jwtflights.system.Purge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes the passkey ceremonies that timed out unanswered (run by the housekeeping: as soon as the application is
 * ready, then every hour). A timed-out ceremony is refused whether or not its row is still there, so this changes no
 * answer; it only keeps {@code passkey_ceremony} small. Several instances may purge at once: each deletes what is
 * still there.
 */
@Component
class CeremonyPurge implements Purge {

    private static final Logger log = LoggerFactory.getLogger(CeremonyPurge.class);

    private final JdbcTemplate jdbc;

    private final Clock clock;

    CeremonyPurge(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int purge() {
        int deleted = deleteExpired(this.jdbc, this.clock.instant());
        if (deleted > 0) {
            log.info("Purged {} passkey ceremonies that timed out", deleted);
        }
        return deleted;
    }

    static int deleteExpired(JdbcTemplate jdbc, Instant now) {
        return jdbc.update("DELETE FROM passkey_ceremony WHERE expires_at <= ?",
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

}
