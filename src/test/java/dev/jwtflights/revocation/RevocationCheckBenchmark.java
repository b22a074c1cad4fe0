package dev.jwtflights.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.jwtflights.sessions.EndCause;
import dev.jwtflights.sessions.SessionEvent;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.system.Client;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.TestTokenServices;
import dev.jwtflights.tokens.TokenService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the revocation check adds to an API request: the bearer filter verifies the token with the token service, then
 * asks {@link EndedSessions#contains(String)} about its session. Measured here side by side, with the real token
 * service (HS256, jjwt) and the real view, filled as the database would fill it under load: 10,000 sessions ended
 * within the last access-token lifetime, 100 more ended through this instance.
 * <p>
 * The time is fixed, so the one-minute token stays valid however long the run; the view's scheduler is never started,
 * so nothing changes it while it is measured. The token check gets the longer warm-up: jjwt and Jackson take seconds
 * to be compiled on two cores. Two forks, since each JVM salts the hashes of the immutable set anew, and so its probe
 * sequences: a lookup costs a little more in one JVM than in another. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec} (see README, <em>Benchmarks</em>).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RevocationCheckBenchmark {

    static final int ENDED_IN_DATABASE = 10_000;

    static final int ENDED_HERE = 100;

    private static final String SECRET = "benchmark-only-secret-0123456789abcdefghijkl";

    private TokenService tokenService;

    private EndedSessions endedSessions;

    /** A token of a live session, as on almost every request. */
    private String token;

    private String endedSession;

    private String liveSession;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
        this.tokenService = TestTokenServices.create(SECRET, clock);

        List<String> ended = new ArrayList<>(ENDED_IN_DATABASE);
        for (int i = 0; i < ENDED_IN_DATABASE; i++) {
            ended.add(UUID.randomUUID().toString());
        }
        Sessions sessions = mock(Sessions.class);
        given(sessions.endedSessionsIssuingSince(any())).willReturn(ended);
        this.endedSessions = new EndedSessions(sessions, this.tokenService, new ThreadPoolTaskScheduler(),
                new RevocationProperties(Duration.ofSeconds(5)), clock);
        this.endedSessions.refresh();
        for (int i = 0; i < ENDED_HERE; i++) {
            this.endedSessions.onEnded(new SessionEvent.Ended("user-" + i, List.of(UUID.randomUUID().toString()),
                    EndCause.LOGGED_OUT, null, clock.instant(), Client.UNKNOWN));
        }

        this.liveSession = UUID.randomUUID().toString();
        this.endedSession = ended.get(ENDED_IN_DATABASE / 2);
        this.token = this.tokenService.issue("benchmark-user", List.of("USER"), this.liveSession).value();
        if (!this.endedSessions.contains(this.endedSession) || this.endedSessions.contains(this.liveSession)
                || !this.liveSession.equals(this.tokenService.verify(this.token).sessionId())) {
            throw new IllegalStateException("The benchmark's view or token is not what it should be");
        }
    }

    /** The token check alone: what every API request paid before the revocation check. */
    @Benchmark
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public AccessToken verify() {
        return this.tokenService.verify(this.token);
    }

    /**
     * The bearer filter's work: the token check, then the revocation check with the session id just read from the
     * token (a new string, whose hash code is computed here, as in a real request).
     */
    @Benchmark
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public boolean verifyAndCheckRevocation() {
        AccessToken accessToken = this.tokenService.verify(this.token);
        return this.endedSessions.contains(accessToken.sessionId());
    }

    /** The revocation check alone, for a session that has ended (its hash code is cached in the string). */
    @Benchmark
    public boolean containsEnded() {
        return this.endedSessions.contains(this.endedSession);
    }

    /** The revocation check alone, for a live session: the answer for almost every request. */
    @Benchmark
    public boolean containsLive() {
        return this.endedSessions.contains(this.liveSession);
    }

}
