package dev.jwtflights.revocation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.TestTokenServices;
import dev.jwtflights.tokens.TokenService;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
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
 * What checking an access token costs, from the floor up, in one run so that the ratios are read side by side:
 * <ul>
 * <li>{@link #hmacFloor}: the HMAC-SHA256 of a real token's signing input ({@code header.payload}), nothing else:
 * no check can cost less;</li>
 * <li>{@link #issue}: signing a new access token, as every login and renewal does;</li>
 * <li>{@link #jjwtAlone}: jjwt's plain parse-and-verify of the same token (key, issuer, audience, expiry), with
 * none of our checks: what "jjwt alone" means in the targets;</li>
 * <li>{@link #verifyFirstTime}: the token service and the revocation check on a token this instance has not seen
 * yet: the first request of every new token (a token service that remembers no token, so that every check is a
 * first one, with its look-up and its insertion);</li>
 * <li>{@link #verifySteadyState}: the same again for a token seen before: every later request within its life.</li>
 * </ul>
 * Each check starts from the {@code Authorization} header's text, as the bearer filter does, so that the token is a
 * new string every time, whose hash code is not known yet.
 * The revocation view holds 10,000 ended sessions, as in {@link RevocationCheckBenchmark}. The time is fixed, so
 * the one-minute tokens stay valid however long the run. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Djmh.args='TokenCheckBenchmark'} (see README, <em>Benchmarks</em>).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenCheckBenchmark {

    private static final String SECRET = "benchmark-only-secret-0123456789abcdefghijkl";

    private TokenService tokenService;

    private TokenService forgetfulTokenService;

    private EndedSessions endedSessions;

    private JwtParser plainParser;

    private Mac mac;

    private byte[] signingInput;

    private String token;

    private String header;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
        this.tokenService = TestTokenServices.create(SECRET, clock);
        this.forgetfulTokenService = TestTokenServices.create(SECRET, clock, 0);
        Sessions sessions = mock(Sessions.class);
        given(sessions.endedSessionsIssuingSince(any())).willReturn(
                java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(10_000).toList());
        this.endedSessions = new EndedSessions(sessions, this.tokenService, new ThreadPoolTaskScheduler(),
                new RevocationProperties(Duration.ofSeconds(5)), clock);
        this.endedSessions.refresh();

        SecretKey key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.plainParser = Jwts.parser()
            .verifyWith(key)
            .requireIssuer(this.tokenService.issuer())
            .requireAudience("jwt-flights")
            .clock(() -> java.util.Date.from(clock.instant()))
            .build();
        this.mac = Mac.getInstance("HmacSHA256");
        this.mac.init(key);

        this.token = newToken();
        this.signingInput = this.token.substring(0, this.token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        this.header = "Bearer " + this.token;
        if (!(jjwtAlone() instanceof Claims) || verifySteadyState() || verifyFirstTime()) {
            throw new IllegalStateException("The benchmark's tokens are not what they should be");
        }
    }

    private String newToken() {
        return this.tokenService.issue("benchmark-user", List.of("USER"), UUID.randomUUID().toString()).value();
    }

    /** HMAC-SHA256 of a typical signing input (about 300 bytes): the floor of any check of an HS256 token. */
    @Benchmark
    public byte[] hmacFloor() {
        return this.mac.doFinal(this.signingInput);
    }

    /** A new access token, signed. */
    @Benchmark
    public AccessToken issue() {
        return this.tokenService.issue("benchmark-user", List.of("USER"), "2b0c7c5e-9a4f-4a57-9f62-3c2f1d0e8b11");
    }

    /** jjwt's own parse-and-verify, with none of our checks. */
    @Benchmark
    public Object jjwtAlone() {
        return this.plainParser.parseSignedClaims(this.token).getPayload();
    }

    /** A token not seen before: the token service, then the revocation check, as the bearer filter does. */
    @Benchmark
    public boolean verifyFirstTime() {
        return this.endedSessions.contains(this.forgetfulTokenService.verify(this.header.substring(7)).sessionId());
    }

    /** The same token again within its life: the token service, then the revocation check. */
    @Benchmark
    public boolean verifySteadyState() {
        return this.endedSessions.contains(this.tokenService.verify(this.header.substring(7)).sessionId());
    }

}
