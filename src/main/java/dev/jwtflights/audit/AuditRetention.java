package dev.jwtflights.audit;

import java.time.Clock;
import java.time.Instant;

import dev.jwtflights.system.Purge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the audit trail within {@code app.audit.retention}: deletes older events (run by the housekeeping, as soon as
 * the application is ready and then every hour). Several instances may purge at once: each deletes what is still
 * there, and none fails for the rows another one deleted.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class AuditRetention implements Purge {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuthEventRepository events;

    private final AuditProperties properties;

    private final Clock clock;

    AuditRetention(AuthEventRepository events, AuditProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int purge() {
        Instant cutoff = this.clock.instant().minus(this.properties.retention());
        int deleted = this.events.deleteOccurredBefore(cutoff);
        if (deleted > 0) {
            log.info("Purged {} audit events from before {}", deleted, cutoff);
        }
        return deleted;
    }

}
