package dev.jwtflights;

import java.time.Duration;
import java.util.Map;

import dev.jwtflights.revocation.EndedSessions;
import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.test.postgres.OnPostgres;
import dev.jwtflights.tokens.TokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on PostgreSQL, over real HTTP: the demo users and the flights that the migrations create, a
 * login, the pages, a silent renewal, the revocations of the README typed in SQL (read back by the revocation view),
 * an API client's sign-in, renewal and revocation, the session listings and the audit trail. The H2 console is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@OnPostgres
@ExtendWith(OutputCaptureExtension.class)
class SessionJourneyPostgresIntegrationTests {

    static final Duration PAST_ACCESS_EXPIRY = Duration.ofSeconds(61);

    static final Duration PAST_REUSE_GRACE = Duration.ofSeconds(11);

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TokenService tokenService;

    @Autowired
    private EndedSessions endedSessions;

    @Test
    void signInWhenUsernameHasANulCharacterThenAFailedSignInNotADatabaseFailure(CapturedOutput output) {
        Page refused = new CookieJarClient(this.port).post("/api/auth/token",
                Map.of("grant_type", "password", "username", "sec\u0000ret", "password", "secret"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
        assertThat(output).doesNotContain(" ERROR ");
    }

    @Test
    void theTutorialJourneyFromLoginToARevocationTypedInPsql() {
        assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL ");
        CookieJarClient browser = new CookieJarClient(this.port);
        Page flights = browser.follow(browser.logIn("secret", "secret"));
        assertThat(flights.body()).contains("Ada Lovelace").contains("Niklaus Wirth");
        String session = sessionOf(browser);
        String firstAccessToken = browser.cookie("accessToken").orElseThrow();

        this.clock.advance(PAST_ACCESS_EXPIRY);
        flights = browser.get("/flights");
        assertThat(flights.status()).isEqualTo(200);
        assertThat(flights.body()).contains("Ada Lovelace");
        String renewedAccessToken = browser.cookie("accessToken").orElseThrow();
        assertThat(renewedAccessToken).isNotEqualTo(firstAccessToken);
        assertThat(sessionOf(browser)).isEqualTo(session);
        assertThat(this.jdbc.queryForList("SELECT generation FROM refresh_token WHERE family_id = ? ORDER BY id",
                Integer.class, session)).containsExactly(0, 1);
        assertThat(browser.get("/account/sessions").body()).contains("data-session-id=\"" + session + "\"");
        assertThat(reservations(renewedAccessToken).status()).isEqualTo(200);

        // The README's statement for psql, as an administrator types it.
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret';");
        this.endedSessions.refresh();

        assertRefused(renewedAccessToken);
        Page answer = browser.get("/flights");
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?revoked"));
        assertThat(browser.follow(answer).body()).contains("name=\"password\"");
    }

    @Test
    void anApiClientSignsInRenewsAndRevokesAndASessionEndsInSqlByItsId() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiClient api = new ApiClient(this.port);
        ApiSession phone = api.logIn(user, TestUsers.passwordOf(user));
        ApiSession laptop = api.logIn(user, TestUsers.passwordOf(user));
        ApiSession tablet = api.logIn(user, TestUsers.passwordOf(user));
        ApiSession desktop = api.logIn(user, TestUsers.passwordOf(user));

        ApiSession renewed = api.renew(phone.refreshToken());
        assertThat(renewed.sessionId()).isEqualTo(phone.sessionId());
        this.clock.advance(PAST_REUSE_GRACE);
        assertThat(api.post("/api/auth/refresh", Map.of("refresh_token", phone.refreshToken())).body())
            .as("a replay of the used refresh token").contains("\"error\":\"invalid_grant\"");
        assertRefused(renewed.accessToken());

        assertThat(api.post("/api/auth/revoke", Map.of("token", laptop.refreshToken())).status()).isEqualTo(200);
        assertRefused(laptop.accessToken());
        assertThat(api.post("/api/auth/refresh", Map.of("refresh_token", laptop.refreshToken())).body())
            .contains("\"error\":\"invalid_grant\"");

        // The README's statement for one session, by its id (the access token's sid).
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE family_id = '" + tablet.sessionId() + "';");
        this.endedSessions.refresh();
        assertRefused(tablet.accessToken());

        assertThat(reservations(desktop.accessToken()).status()).isEqualTo(200);
        assertThat(api.renew(desktop.refreshToken()).sessionId()).isEqualTo(desktop.sessionId());
        assertThat(this.jdbc.queryForList("SELECT DISTINCT family_id FROM refresh_token WHERE username = ? "
                + "AND is_active = TRUE", String.class, user)).containsExactly(desktop.sessionId());
    }

    @Test
    void theSessionListingsAndTheAuditTrailAreReadFromPostgres() {
        String user = TestUsers.create(this.jdbc, "USER");
        String admin = TestUsers.create(this.jdbc, "ADMIN");
        CookieJarClient laptop = CookieJarClient.signedIn(this.port, user, TestUsers.passwordOf(user));
        ApiSession phone = new ApiClient(this.port).logIn(user, TestUsers.passwordOf(user));
        CookieJarClient adminBrowser = CookieJarClient.signedIn(this.port, admin, TestUsers.passwordOf(admin));

        Page own = laptop.get("/account/sessions");
        assertThat(own.body()).contains("data-session-id=\"" + phone.sessionId() + "\"")
            .contains("data-session-id=\"" + sessionOf(laptop) + "\"");
        Page all = adminBrowser.get("/admin/sessions?username=" + user);
        assertThat(all.body()).contains("data-session-id=\"" + phone.sessionId() + "\"")
            .contains("data-session-id=\"" + sessionOf(laptop) + "\"");
        Page ended = laptop.submit(own, "/account/sessions/end", Map.of("sessionId", phone.sessionId()));
        assertThat(ended.location()).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/account/sessions?notice=ended"));

        assertThat(this.jdbc.queryForList("SELECT type FROM auth_event WHERE username = ? ORDER BY id", String.class,
                user)).containsExactly("LOGIN_SUCCEEDED", "LOGIN_SUCCEEDED", "SESSION_ENDED_BY_USER");
        Page events = adminBrowser.get("/admin/events?username=" + user);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).contains(phone.sessionId());
    }

    @Test
    void theH2ConsoleIsOff() {
        String admin = TestUsers.create(this.jdbc, "ADMIN");
        CookieJarClient adminBrowser = CookieJarClient.signedIn(this.port, admin, TestUsers.passwordOf(admin));

        assertThat(adminBrowser.get("/h2-console/").status()).isEqualTo(404);
        assertThat(adminBrowser.get("/flights").body()).doesNotContain("/h2-console");
    }

    private String sessionOf(CookieJarClient browser) {
        return this.tokenService.verify(browser.cookie("accessToken").orElseThrow()).sessionId();
    }

    private Page reservations(String accessToken) {
        return new ApiClient(this.port).reservations(accessToken);
    }

    private void assertRefused(String accessToken) {
        Page answer = reservations(accessToken);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains(BearerChallenge.INVALID_TOKEN);
    }

}
