package dev.jwtflights.sessions;

import java.time.Instant;
import java.util.List;

import dev.jwtflights.system.Client;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of a renewal has its outcome, and the five outcomes of the issue are the ones a dashboard sees; every
 * ending of sessions is counted under its cause, once per session.
 */
class SessionMetersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final SessionMeters meters = new SessionMeters(this.registry);

    @ParameterizedTest
    @EnumSource(value = Refusal.class, names = { "REVOKED", "SIGNED_OUT", "ENDED_ELSEWHERE", "PASSWORD_CHANGED",
            "SESSION_LIMIT", "USER_DISABLED" })
    void outcomeWhenTheSessionHadEndedThenRevoked(Refusal refusal) {
        assertThat(SessionMeters.outcomeOf(new TokenGrant.Refused(refusal))).isEqualTo(SessionMeters.Outcome.REVOKED);
    }

    @Test
    void outcomeOfEachOtherAnswer() {
        assertThat(SessionMeters.outcomeOf(new TokenGrant.Granted(null))).isEqualTo(SessionMeters.Outcome.ROTATED);
        assertThat(SessionMeters.outcomeOf(new TokenGrant.Refused(Refusal.EXPIRED)))
            .isEqualTo(SessionMeters.Outcome.EXPIRED);
        assertThat(SessionMeters.outcomeOf(new TokenGrant.Refused(Refusal.REUSED)))
            .isEqualTo(SessionMeters.Outcome.REPLAYED);
        assertThat(SessionMeters.outcomeOf(new TokenGrant.Refused(Refusal.UNKNOWN)))
            .isEqualTo(SessionMeters.Outcome.UNKNOWN);
        assertThat(SessionMeters.outcomeOf(new TokenGrant.Refused(Refusal.MISSING)))
            .isEqualTo(SessionMeters.Outcome.UNKNOWN);
        assertThat(SessionMeters.outcomeOf(new TokenGrant.Refused(Refusal.ERROR)))
            .isEqualTo(SessionMeters.Outcome.ERROR);
    }

    @Test
    void renewedThenTimedUnderItsOutcomeOnly() {
        this.meters.renewed(this.meters.start(), new TokenGrant.Refused(Refusal.REUSED));

        assertThat(timed("replayed")).isEqualTo(1);
        assertThat(timed("rotated")).isZero();
        assertThat(this.registry.find(SessionMeters.REFRESHES).timers()).extracting((timer) -> timer.getId()
            .getTag("outcome")).containsExactlyInAnyOrder("rotated", "expired", "revoked", "replayed", "unknown", "error");
    }

    @Test
    void endedThenEachSessionCountedUnderItsCause() {
        this.meters.on(new SessionEvent.Ended("alice", List.of("s1", "s2", "s3"), EndCause.USER_DISABLED, "admin",
                Instant.EPOCH, Client.UNKNOWN));

        assertThat(this.registry.get(SessionMeters.ENDED).tag("cause", "user_disabled").counter().count())
            .isEqualTo(3);
        assertThat(this.registry.get(SessionMeters.ENDED).tag("cause", "logged_out").counter().count()).isZero();
        assertThat(this.registry.find(SessionMeters.ENDED).counters()).hasSize(EndCause.values().length);
    }

    private long timed(String outcome) {
        return this.registry.get(SessionMeters.REFRESHES).tag("outcome", outcome).timer().count();
    }

}
