package dev.jwtflights;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auth system did, as an operator scrapes it from {@code /actuator/prometheus} with an ADMIN token: sign-ins,
 * renewals and access-token refusals by outcome, and ended sessions by cause, each driven over real HTTP and read as
 * the change in its series. No series names a user, an address or a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, BearerTokens.class })
class MetricsIntegrationTests {

    private static final String LOGINS = "jwtflights_logins_seconds_count";

    private static final String REFRESHES = "jwtflights_refreshes_seconds_count";

    private static final String REFUSALS = "jwtflights_access_token_refusals_total";

    private static final String ENDED = "jwtflights_sessions_ended_total";

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private BearerTokens bearerTokens;

    private ApiClient api;

    @BeforeEach
    void apiClient() {
        this.api = new ApiClient(this.port);
    }

    @Test
    void loginsAreCountedAndTimedByOutcome() {
        String user = TestUsers.create(this.jdbc, "USER");
        Map<String, Double> before = scrape();

        this.api.logIn(user, TestUsers.passwordOf(user));
        CookieJarClient.signedIn(this.port, user, TestUsers.passwordOf(user));
        assertThat(passwordGrant(user, "wrong-password").status()).isEqualTo(400);
        Map<String, Double> after = scrape();

        assertThat(change(before, after, LOGINS, "outcome", "succeeded")).isEqualTo(2);
        assertThat(change(before, after, LOGINS, "outcome", "failed")).isEqualTo(1);
        assertThat(after).containsKeys(series(LOGINS, "outcome", "throttled"), series(LOGINS, "outcome", "error"),
                series("jwtflights_logins_seconds_sum", "outcome", "succeeded"),
                series("jwtflights_logins_seconds_max", "outcome", "succeeded"));
    }

    @Test
    void loginsBeyondTheUsernameLimitAreCountedAsThrottled() {
        String user = TestUsers.create(this.jdbc, "USER");
        Map<String, Double> before = scrape();

        int failures = 0;
        Page answer = passwordGrant(user, "wrong-password");
        while (answer.status() == 400) {
            failures++;
            answer = passwordGrant(user, "wrong-password");
        }
        Map<String, Double> after = scrape();

        assertThat(answer.status()).isEqualTo(429);
        assertThat(change(before, after, LOGINS, "outcome", "failed")).isEqualTo(failures);
        assertThat(change(before, after, LOGINS, "outcome", "throttled")).isEqualTo(1);
    }

    @Test
    void refreshesAreCountedAndTimedByOutcome() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession first = this.api.logIn(user, TestUsers.passwordOf(user));
        ApiSession expiring = this.api.logIn(user, TestUsers.passwordOf(user));
        ApiSession revoked = this.api.logIn(user, TestUsers.passwordOf(user));
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE family_id = ?", revoked.sessionId());
        Map<String, Double> before = scrape();

        this.api.renew(first.refreshToken());
        this.clock.advance(Duration.ofMinutes(1));
        assertThat(refresh(first.refreshToken()).status()).isEqualTo(400);
        assertThat(refresh(revoked.refreshToken()).status()).isEqualTo(400);
        assertThat(refresh("A".repeat(43)).status()).isEqualTo(400);
        this.clock.advance(Duration.ofDays(7));
        assertThat(refresh(expiring.refreshToken()).status()).isEqualTo(400);
        Map<String, Double> after = scrape();

        assertThat(change(before, after, REFRESHES, "outcome", "rotated")).isEqualTo(1);
        assertThat(change(before, after, REFRESHES, "outcome", "replayed")).isEqualTo(1);
        assertThat(change(before, after, REFRESHES, "outcome", "revoked")).isEqualTo(1);
        assertThat(change(before, after, REFRESHES, "outcome", "unknown")).isEqualTo(1);
        assertThat(change(before, after, REFRESHES, "outcome", "expired")).isEqualTo(1);
        assertThat(change(before, after, REFRESHES, "outcome", "error")).isZero();
    }

    @Test
    void accessTokenRefusalsAreCountedByReason() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession signedOut = this.api.logIn(user, TestUsers.passwordOf(user));
        ApiSession expiring = this.api.logIn(user, TestUsers.passwordOf(user));
        this.api.post("/api/auth/revoke", Map.of("token", signedOut.refreshToken()));
        Map<String, Double> before = scrape();

        assertThat(this.api.reservations(signedOut.accessToken()).status()).isEqualTo(401);
        assertThat(this.api.reservations("not-a-token").status()).isEqualTo(401);
        this.clock.advance(Duration.ofMinutes(2));
        assertThat(this.api.reservations(expiring.accessToken()).status()).isEqualTo(401);
        Map<String, Double> after = scrape();

        assertThat(change(before, after, REFUSALS, "reason", "revoked")).isEqualTo(1);
        assertThat(change(before, after, REFUSALS, "reason", "invalid")).isEqualTo(1);
        assertThat(change(before, after, REFUSALS, "reason", "expired")).isEqualTo(1);
    }

    @Test
    void endedSessionsAreCountedByCause() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession signedOut = this.api.logIn(user, TestUsers.passwordOf(user));
        ApiSession replayed = this.api.logIn(user, TestUsers.passwordOf(user));
        Map<String, Double> before = scrape();

        assertThat(this.api.post("/api/auth/revoke", Map.of("token", signedOut.refreshToken())).status())
            .isEqualTo(200);
        this.api.renew(replayed.refreshToken());
        this.clock.advance(Duration.ofMinutes(1));
        refresh(replayed.refreshToken());
        Map<String, Double> after = scrape();

        assertThat(change(before, after, ENDED, "cause", "logged_out")).isEqualTo(1);
        assertThat(change(before, after, ENDED, "cause", "reuse_detected")).isEqualTo(1);
        assertThat(after).containsKeys(series(ENDED, "cause", "ended_by_admin"),
                series(ENDED, "cause", "user_disabled"), series(ENDED, "cause", "session_limit"));
    }

    @Test
    void scrapeWhenSessionsWereUsedThenNoUsernameOrTokenInIt() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));
        this.api.renew(session.refreshToken());

        String body = prometheus().body();

        assertThat(body).contains("jwtflights_logins_seconds_count")
            .doesNotContain(user)
            .doesNotContain(session.sessionId())
            .doesNotContain(session.refreshToken())
            .doesNotContain(session.accessToken());
    }

    @Test
    void everyRequestIsTimedAndSpringSecurityObservesNothingOfItsOwn() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));
        assertThat(new CookieJarClient(this.port).get("/reservation", "Authorization", "Bearer " + session.accessToken())
            .status()).isEqualTo(200);

        String body = prometheus().body();

        assertThat(body).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/reservation\"")
            .doesNotContain("spring_security_");
    }

    private Page passwordGrant(String username, String password) {
        return this.api.post("/api/auth/token",
                Map.of("grant_type", "password", "username", username, "password", password));
    }

    private Page refresh(String refreshToken) {
        return this.api.post("/api/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    private Page prometheus() {
        Page page = new CookieJarClient(this.port).get("/actuator/prometheus", "Authorization",
                "Bearer " + this.bearerTokens.forRole(Role.ADMIN));
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    /** Our series of the scrape, by name and labels as written ({@code name{label="value"}}). */
    private Map<String, Double> scrape() {
        Map<String, Double> values = new HashMap<>();
        Matcher line = Pattern.compile("^(jwtflights_\\S+) (\\S+)$", Pattern.MULTILINE).matcher(prometheus().body());
        while (line.find()) {
            values.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return values;
    }

    private static String series(String name, String label, String value) {
        return name + "{" + label + "=\"" + value + "\"}";
    }

    private static double change(Map<String, Double> before, Map<String, Double> after, String name, String label,
            String value) {
        String key = series(name, label, value);
        assertThat(after).containsKey(key);
        return after.get(key) - before.getOrDefault(key, 0.0);
    }

}
