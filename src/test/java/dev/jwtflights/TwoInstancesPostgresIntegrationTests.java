package dev.jwtflights;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import dev.jwtflights.revocation.EndedSessions;
import dev.jwtflights.system.Purge;
import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.test.postgres.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application, as behind a load balancer without sticky sessions: two Spring applications in
 * this JVM, each with its own web server, on one PostgreSQL database and one signing key. Whatever one instance
 * issued, the other accepts; whatever ended on one (or in SQL) is refused by both once each has read its view of the
 * ended sessions again; a passkey ceremony started on one is answered on the other, once; concurrent refreshes and
 * purges split across them follow the rules of one instance.
 * <p>
 * Both share one {@link MutableClock}, as servers that keep the same time. Their views of the ended sessions are read
 * again only when a test says so ({@link EndedSessions#refresh()}): the interval is an hour, so that what a test sees
 * never depends on when a timer fired.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TwoInstancesPostgresIntegrationTests {

    /** Presenting one refresh token this many times at once, half on each instance. */
    static final int REFRESHES = 20;

    private final MutableClock clock = MutableClock.startingNow();

    private Instance a;

    private Instance b;

    private JdbcTemplate jdbc;

    @BeforeAll
    void startBothOnOneDatabase() {
        EmbeddedPostgresDatabase.Database database = EmbeddedPostgresDatabase.create();
        this.a = Instance.start(database, this.clock);
        this.b = Instance.start(database, this.clock);
        this.jdbc = this.a.context().getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stopBoth() {
        if (this.a != null) {
            this.a.context().close();
        }
        if (this.b != null) {
            this.b.context().close();
        }
    }

    @Test
    void signInOnOneInstanceThenTheOtherAcceptsTheAccessTokenAndRenewsTheSession() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession signedIn = this.a.api().logIn(user, TestUsers.passwordOf(user));

        assertThat(this.b.api().reservations(signedIn.accessToken()).status()).isEqualTo(200);
        ApiSession renewed = this.b.api().renew(signedIn.refreshToken());
        assertThat(renewed.sessionId()).isEqualTo(signedIn.sessionId());
        assertThat(this.a.api().reservations(renewed.accessToken()).status()).isEqualTo(200);
        ApiSession renewedAgain = this.a.api().renew(renewed.refreshToken());
        assertThat(renewedAgain.sessionId()).isEqualTo(signedIn.sessionId());
        assertThat(this.jdbc.queryForList("SELECT generation FROM refresh_token WHERE family_id = ? ORDER BY id",
                Integer.class, signedIn.sessionId())).containsExactly(0, 1, 2);
    }

    @Test
    void reservationAddedOrDeletedThenInTheNextAnswerOfEachInstance() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession signedIn = this.a.api().logIn(user, TestUsers.passwordOf(user));
        assertThat(this.a.api().reservations(signedIn.accessToken()).body()).doesNotContain("Barbara Liskov-Two");
        assertThat(this.b.api().reservations(signedIn.accessToken()).body()).doesNotContain("Barbara Liskov-Two");

        this.jdbc.update("INSERT INTO reservation (name, start_location, end_location) "
                + "VALUES ('Barbara Liskov-Two', 'Boston', 'Lisbon')");
        assertThat(this.a.api().reservations(signedIn.accessToken()).body()).contains("Barbara Liskov-Two");
        assertThat(this.b.api().reservations(signedIn.accessToken()).body()).contains("Barbara Liskov-Two");

        this.jdbc.update("DELETE FROM reservation WHERE name = 'Barbara Liskov-Two'");
        assertThat(this.a.api().reservations(signedIn.accessToken()).body()).doesNotContain("Barbara Liskov-Two");
        assertThat(this.b.api().reservations(signedIn.accessToken()).body()).doesNotContain("Barbara Liskov-Two");
    }

    @Test
    void revocationInSqlThenEachInstanceRefusesTheSessionOnceItsViewIsReadAgain() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession onA = this.a.api().logIn(user, TestUsers.passwordOf(user));
        ApiSession onB = this.b.api().logIn(user, TestUsers.passwordOf(user));

        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = ?", user);

        // Refresh tokens are read from the database on every use: refused at once, on either instance.
        assertInvalidGrant(this.a, onB.refreshToken());
        assertInvalidGrant(this.b, onA.refreshToken());
        this.a.endedSessions().refresh();
        assertRefused(this.a, onA.accessToken());
        assertRefused(this.a, onB.accessToken());
        // Until its own view is read again (every app.jwt.revocation-check-interval), B still accepts them.
        assertThat(this.b.api().reservations(onA.accessToken()).status()).isEqualTo(200);
        this.b.endedSessions().refresh();
        assertRefused(this.b, onA.accessToken());
        assertRefused(this.b, onB.accessToken());
    }

    @Test
    void sessionRevokedThroughOneInstanceThenTheOtherRefusesItAfterItsViewIsReadAgain() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession revoked = this.a.api().logIn(user, TestUsers.passwordOf(user));
        ApiSession kept = this.b.api().logIn(user, TestUsers.passwordOf(user));

        assertThat(this.a.api().post("/api/auth/revoke", Map.of("token", revoked.refreshToken())).status())
            .isEqualTo(200);

        assertRefused(this.a, revoked.accessToken());
        assertInvalidGrant(this.b, revoked.refreshToken());
        this.b.endedSessions().refresh();
        assertRefused(this.b, revoked.accessToken());
        assertThat(this.b.api().reservations(kept.accessToken()).status()).isEqualTo(200);
        assertThat(this.a.api().renew(kept.refreshToken()).sessionId()).isEqualTo(kept.sessionId());
    }

    /**
     * As {@code RefreshTokenConcurrencyIntegrationTests.WithoutGrace} on one instance: the instances have no grace
     * (the class's setting), so every use after the first is a replay and ends the session.
     */
    @Test
    void concurrentRefreshesOfOneTokenOnBothInstancesThenExactlyOneWinsAndTheSessionEnds(CapturedOutput output)
            throws Exception {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession signedIn = this.a.api().logIn(user, TestUsers.passwordOf(user));

        List<Page> answers = allAtOnce(REFRESHES, (i) -> ((i % 2 == 0) ? this.a : this.b).api()
            .post("/api/auth/refresh", Map.of("refresh_token", signedIn.refreshToken())));

        assertThat(answers).extracting(Page::status).allMatch((status) -> status == 200 || status == 400);
        assertThat(answers).filteredOn((answer) -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn((answer) -> answer.status() == 400)
            .hasSize(REFRESHES - 1)
            .allSatisfy((answer) -> assertThat(answer.body()).contains("\"error\":\"invalid_grant\""));
        assertThat(output).as("no refresh failed inside (a refusal for an error)").doesNotContain("failed (");
        assertThat(this.jdbc.queryForList("SELECT is_active FROM refresh_token WHERE family_id = ? ORDER BY id",
                Boolean.class, signedIn.sessionId())).containsExactly(false, false);
        this.a.endedSessions().refresh();
        this.b.endedSessions().refresh();
        Page won = answers.stream().filter((answer) -> answer.status() == 200).findFirst().orElseThrow();
        String winnersAccessToken = (String) JsonMapper.builder().build().readValue(won.body(), Map.class)
            .get("access_token");
        assertRefused(this.a, winnersAccessToken);
        assertRefused(this.b, winnersAccessToken);
    }

    @Test
    void purgesOnBothInstancesAtOnceThenEachRowIsDeletedOnceAndNeitherFails() throws Exception {
        String user = TestUsers.create(this.jdbc, "USER");
        Instant now = this.clock.instant();
        // Sessions whose every token expired two days ago (past the purge's day), and one that is alive.
        insertSessions(user, 200, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(2)));
        insertSessions(user, 3, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)));
        // Events older than the audit trail's 90 days, and recent ones.
        insertEvents(user, 500, now.minus(Duration.ofDays(91)));
        insertEvents(user, 7, now.minus(Duration.ofDays(89)));
        // Passkey ceremonies that timed out unanswered.
        this.jdbc.update("INSERT INTO passkey_ceremony (key_hash, kind, options, expires_at) "
                + "SELECT md5(g::text), 'SIGN_IN', '{}', ? FROM generate_series(1, 30) g", at(now.minusSeconds(1)));
        long tokensBefore = count("refresh_token");
        long eventsBefore = count("auth_event");

        List<Map<String, Integer>> deleted = allAtOnce(2,
                (i) -> purgeAll(((i == 0) ? this.a : this.b).context().getBeansOfType(Purge.class)));

        assertThat(deleted).allSatisfy((byPurge) -> assertThat(byPurge).hasSize(3));
        int tokensDeleted = deleted.stream().mapToInt((byPurge) -> byPurge.get("expiredRefreshTokenPurge")).sum();
        int eventsDeleted = deleted.stream().mapToInt((byPurge) -> byPurge.get("auditRetention")).sum();
        assertThat(tokensDeleted).isEqualTo(400).isEqualTo(tokensBefore - count("refresh_token"));
        assertThat(eventsDeleted).isEqualTo(500).isEqualTo(eventsBefore - count("auth_event"));
        assertThat(deleted.stream().mapToInt((byPurge) -> byPurge.get("ceremonyPurge")).sum()).isEqualTo(30);
        assertThat(count("passkey_ceremony")).isZero();
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM refresh_token WHERE username = ?", Long.class, user))
            .isEqualTo(6);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auth_event WHERE username = ?", Long.class, user))
            .isEqualTo(7);
    }

    @Test
    void passkeyCeremonyStartedOnOneInstanceThenAnsweredOnTheOtherOnceOnly() {
        MockHttpServletResponse optionsAnswer = new MockHttpServletResponse();
        PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
            .challenge(Bytes.random())
            .rpId("localhost")
            .build();
        this.a.context()
            .getBean(PublicKeyCredentialRequestOptionsRepository.class)
            .save(new MockHttpServletRequest(), optionsAnswer, options);
        Cookie cookie = optionsAnswer.getCookie("passkeySignIn");
        MockHttpServletRequest answer = new MockHttpServletRequest("POST", "/login/webauthn");
        answer.setCookies(cookie);

        PublicKeyCredentialRequestOptions onB = this.b.context()
            .getBean(PublicKeyCredentialRequestOptionsRepository.class)
            .load(answer);

        assertThat(onB).isNotNull();
        assertThat(onB.getChallenge().getBytes()).isEqualTo(options.getChallenge().getBytes());
        assertThat(this.a.context().getBean(PublicKeyCredentialRequestOptionsRepository.class).load(answer)).isNull();
    }

    /** Runs every purge of one instance, by bean name: what each deleted. */
    private static Map<String, Integer> purgeAll(Map<String, Purge> purges) {
        Map<String, Integer> deleted = new TreeMap<>();
        purges.forEach((name, purge) -> deleted.put(name, purge.purge()));
        return deleted;
    }

    /** Sessions of two tokens each (the first one used), all started and ending at the given times. */
    private void insertSessions(String user, int sessions, Instant started, Instant expires) {
        for (int generation = 0; generation < 2; generation++) {
            this.jdbc.update("INSERT INTO refresh_token (username, token_hash, family_id, is_active, created_at, "
                    + "expires_at, session_started_at, generation) SELECT ?, md5(random()::text) || md5(g::text), "
                    + "md5(? || g::text)::uuid::text, TRUE, ?, ?, ?, ? FROM generate_series(1, ?) g", user,
                    user + expires, at(started), at(expires), at(started), generation, sessions);
        }
    }

    private void insertEvents(String user, int events, Instant occurred) {
        this.jdbc.update("INSERT INTO auth_event (occurred_at, type, username) "
                + "SELECT ?, 'LOGIN_SUCCEEDED', ? FROM generate_series(1, ?)", at(occurred), user, events);
    }

    private long count(String table) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Runs the work on as many threads, released together; what each returned, in order. */
    private static <T> List<T> allAtOnce(int threads, IndexedWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return work.run(index);
                };
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static void assertRefused(Instance instance, String accessToken) {
        Page answer = instance.api().reservations(accessToken);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(
                (challenge) -> assertThat(challenge).contains(BearerChallenge.INVALID_TOKEN));
    }

    private static void assertInvalidGrant(Instance instance, String refreshToken) {
        Page answer = instance.api().post("/api/auth/refresh", Map.of("refresh_token", refreshToken));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"invalid_grant\"");
    }

    @FunctionalInterface
    private interface IndexedWork<T> {

        T run(int index) throws Exception;

    }

    /** One running application: its context, and an API client of its web server. */
    private record Instance(ConfigurableApplicationContext context, ApiClient api) {

        static Instance start(EmbeddedPostgresDatabase.Database database, MutableClock clock) {
            // Above every file, the tests' config/application.properties (an H2 database) included.
            Map<String, Object> settings = Map.of("server.port", "0", "spring.datasource.url", database.url(),
                    "spring.datasource.username", database.username(), "spring.datasource.password",
                    database.password(), "spring.h2.console.enabled", "false",
                    // The one key of every instance (the tests' key, said again here for the reader).
                    "app.jwt.secret", "test-secret-that-is-long-enough-for-hs256!",
                    "app.jwt.refresh-reuse-grace", "0s", "app.jwt.revocation-check-interval", "1h");
            ConfigurableApplicationContext context = new SpringApplicationBuilder(JwtFlightsApplication.class)
                .initializers((ConfigurableApplicationContext starting) -> {
                    starting.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("oneOfTwoInstances", settings));
                    ((GenericApplicationContext) starting).registerBean("sharedClock", MutableClock.class,
                            () -> clock, (definition) -> definition.setPrimary(true));
                })
                .run();
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            return new Instance(context, new ApiClient(port));
        }

        EndedSessions endedSessions() {
            return this.context.getBean(EndedSessions.class);
        }

    }

}
