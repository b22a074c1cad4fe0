package dev.jwtflights.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An audit event as the events page shows it. Times are kept to the second: what a person reads.
 *
 * @param username the account concerned (for a failed login, the name as typed, made safe and capped)
 * @param actor who did it when that was an administrator, or {@code null}
 * @param sessionId the session concerned, when it was one session
 * @param detail a few words more (a count, a reason), or {@code null}
 */
public record AuditEntry(Instant occurredAt, AuthEventType type, String username, String actor, String sessionId,
        String ipAddress, String userAgent, String detail) {

    public AuditEntry {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.SECONDS);
    }

}
