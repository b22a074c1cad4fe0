package dev.jwtflights.sessions;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.jwtflights.JwtFlightsApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A refresh-token rotation at the service level ({@link Sessions#renew}), on the application's own context and an
 * in-memory H2 database: the session's lock, the lookup by hash, the revocation check of the family, the
 * conditional {@code UPDATE}, the new row, the new access token and the audit event, in one transaction. No HTTP.
 * <p>
 * Each thread keeps one session and renews it again and again, each time with the refresh token the last renewal
 * returned: every token is used once. With two threads, each renews the session of another user (the demo users), so
 * they share the database, not a lock. Measured in operations per second; the application logs at WARN here, where
 * it would write one INFO line per renewal. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Djmh.args='RotationBenchmark'} (see README, <em>Benchmarks</em>).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RotationBenchmark {

    private static final String[] USERS = { "secret", "admin" };

    @State(Scope.Benchmark)
    public static class Application {

        ConfigurableApplicationContext context;

        Sessions sessions;

        final AtomicInteger threads = new AtomicInteger();

        @Setup(Level.Trial)
        public void start() {
            this.context = SpringApplication.run(JwtFlightsApplication.class, "--server.port=0",
                    "--spring.datasource.url=jdbc:h2:mem:rotation-benchmark;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    "--app.demo-users=true", "--logging.level.root=WARN", "--logging.level.dev.jwtflights=WARN");
            this.sessions = this.context.getBean(Sessions.class);
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.context.close();
        }

    }

    /** One session per thread, and the refresh token it is at. */
    @State(Scope.Thread)
    public static class Session {

        String refreshToken;

        @Setup(Level.Trial)
        public void start(Application application) {
            String user = USERS[application.threads.getAndIncrement() % USERS.length];
            this.refreshToken = SessionsTestSupport.issued(application.sessions.start(user, SessionsTestSupport.CLIENT))
                .value();
        }

    }

    @Benchmark
    @Threads(1)
    public String rotateOneThread(Application application, Session session) {
        return rotate(application, session);
    }

    @Benchmark
    @Threads(2)
    public String rotateTwoThreads(Application application, Session session) {
        return rotate(application, session);
    }

    private static String rotate(Application application, Session session) {
        TokenGrant grant = application.sessions.renew(session.refreshToken, SessionsTestSupport.CLIENT);
        if (!(grant instanceof TokenGrant.Granted granted)) {
            throw new IllegalStateException("A renewal was refused: " + grant);
        }
        session.refreshToken = granted.tokens().refresh().value();
        return session.refreshToken;
    }

}
