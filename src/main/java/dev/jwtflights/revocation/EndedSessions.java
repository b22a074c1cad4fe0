package dev.jwtflights.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import dev.jwtflights.sessions.SessionEvent;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.tokens.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The login sessions that have ended while an access token of theirs may still be unexpired: a request whose token
 * belongs to one is refused, although the token itself is valid. Read on every authenticated request, from memory.
 * <p>
 * Two sources keep it current:
 * <ul>
 * <li>a session ended through this instance (sign-out, an administrator, reuse detection, a disabled user) is added
 * as soon as the change is committed;</li>
 * <li>every {@code app.jwt.revocation-check-interval}, and once before the web server takes requests, the whole view
 * is read again from {@code refresh_token}: the sessions with a token revoked and a token issued within the last
 * access-token lifetime. That brings in what other instances and {@code UPDATE}s typed in SQL ended, so every
 * instance converges on the database within the interval.</li>
 * </ul>
 * Its size is bounded by the access-token lifetime: a session whose last token was issued longer ago than that (plus a
 * margin) has no access token left that works, and is forgotten.
 */
@Component
@EnableConfigurationProperties(RevocationProperties.class)
public class EndedSessions implements SmartLifecycle {

    /**
     * Added to the access-token lifetime when deciding what to remember: covers the moment between a refresh token's
     * row and its access token, and clocks of several instances that differ by up to this much.
     */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);

    private final Sessions sessions;

    private final TaskScheduler scheduler;

    private final Clock clock;

    private final Duration interval;

    private final Duration remembered;

    /** What the database said at the last reading. Replaced whole, never changed in place. */
    private volatile Set<String> fromDatabase = Set.of();

    /** Sessions ended through this instance, each with the time it may be forgotten. */
    private final Map<String, Instant> endedHere = new ConcurrentHashMap<>();

    private volatile ScheduledFuture<?> refreshing;

    EndedSessions(Sessions sessions, TokenService tokens, TaskScheduler scheduler, RevocationProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.clock = clock;
        this.interval = properties.revocationCheckInterval();
        this.remembered = tokens.maxAcceptedAge().plus(MARGIN);
    }

    /**
     * Whether the session has ended: its access tokens are no longer accepted.
     */
    public boolean contains(String sessionId) {
        return this.endedHere.containsKey(sessionId) || this.fromDatabase.contains(sessionId);
    }

    /**
     * Reads the view again from the database, and forgets what this instance ended long enough ago.
     */
    public void refresh() {
        Instant now = this.clock.instant();
        this.fromDatabase = Set.copyOf(this.sessions.endedSessionsIssuingSince(now.minus(this.remembered)));
        this.endedHere.values().removeIf((forgetAt) -> !forgetAt.isAfter(now));
    }

    /** Sessions ended here are refused from the moment their end is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void onEnded(SessionEvent.Ended event) {
        Instant forgetAt = event.at().plus(this.remembered);
        for (String sessionId : event.sessionIds()) {
            this.endedHere.put(sessionId, forgetAt);
        }
    }

    /** The first reading, before the web server takes requests; then one every interval. */
    @Override
    public void start() {
        refresh();
        this.refreshing = this.scheduler.scheduleWithFixedDelay(this::refreshOrKeep,
                this.scheduler.getClock().instant().plus(this.interval), this.interval);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> current = this.refreshing;
        if (current != null) {
            current.cancel(false);
            this.refreshing = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.refreshing != null;
    }

    /** Before the web server, which starts in a phase below {@code Integer.MAX_VALUE}. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** A failed reading keeps the last view (and what this instance ended since); the next one tries again. */
    private void refreshOrKeep() {
        try {
            refresh();
        }
        catch (RuntimeException ex) {
            log.warn("Could not read the ended sessions from the database ({}); keeping the last view",
                    ex.getClass().getSimpleName(), ex);
        }
    }

}
