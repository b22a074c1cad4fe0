package dev.jwtflights.sessions;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the sessions do, as meters: the timer {@value #REFRESHES}{@code {outcome}} of every renewal (Prometheus:
 * {@code jwtflights_refreshes_seconds_count}, {@code _sum} and {@code _max}), and the counter
 * {@value #ENDED}{@code {cause}} of the sessions that ended (Prometheus: {@code jwtflights_sessions_ended_total}).
 * Every outcome and cause is registered at zero. No tag carries a username, a session id, an address or a token.
 */
@Component
class SessionMeters {

    static final String REFRESHES = "jwtflights.refreshes";

    static final String ENDED = "jwtflights.sessions.ended";

    /** How a renewal ended. */
    enum Outcome {

        /** New tokens; the presented refresh token is used up. */
        ROTATED,

        /** The token or its session had reached its end of life. */
        EXPIRED,

        /** The session had ended: signed out, ended by its person or an administrator, its user disabled. */
        REVOKED,

        /** The token had been rotated already: a replay, which ended the session. */
        REPLAYED,

        /** No token, or one that was never issued. */
        UNKNOWN,

        /** The renewal could not be made (the database is down, say). */
        ERROR

    }

    private final MeterRegistry registry;

    private final Map<Outcome, Timer> refreshes = new EnumMap<>(Outcome.class);

    private final Map<EndCause, Counter> ended = new EnumMap<>(EndCause.class);

    SessionMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            this.refreshes.put(outcome, Timer.builder(REFRESHES)
                .description("Refresh-token renewals, by outcome")
                .tag("outcome", tagOf(outcome))
                .register(registry));
        }
        for (EndCause cause : EndCause.values()) {
            this.ended.put(cause, Counter.builder(ENDED)
                .description("Sessions the application ended, by cause")
                .tag("cause", tagOf(cause))
                .register(registry));
        }
    }

    /** Starts timing a renewal. */
    Timer.Sample start() {
        return Timer.start(this.registry);
    }

    /** Stops timing a renewal, under the outcome of its answer. */
    void renewed(Timer.Sample sample, TokenGrant grant) {
        sample.stop(this.refreshes.get(outcomeOf(grant)));
    }

    /** Counts sessions that ended, once their ending is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionEvent.Ended event) {
        this.ended.get(event.cause()).increment(event.sessionIds().size());
    }

    static Outcome outcomeOf(TokenGrant grant) {
        if (!(grant instanceof TokenGrant.Refused refused)) {
            return Outcome.ROTATED;
        }
        return switch (refused.reason()) {
            case MISSING, UNKNOWN -> Outcome.UNKNOWN;
            case EXPIRED -> Outcome.EXPIRED;
            case REUSED -> Outcome.REPLAYED;
            case ERROR -> Outcome.ERROR;
            case REVOKED, SIGNED_OUT, ENDED_ELSEWHERE, PASSWORD_CHANGED, SESSION_LIMIT, USER_DISABLED ->
                Outcome.REVOKED;
        };
    }

    private static String tagOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
