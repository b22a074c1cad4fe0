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
import dev.jwtflights.tokens.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ending a session reaches its access tokens: at once for every way the application ends one (sign-out, the person's
 * account page, an administrator, reuse detection, a disabled user, a new password), and at the next reading of the
 * revocation view for an {@code UPDATE} typed in SQL. Over real HTTP, with real tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class RevocationIntegrationTests {

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

    private ApiClient api;

    @BeforeEach
    void apiClient() {
        this.api = new ApiClient(this.port);
    }

    @Test
    void revokeEndpointThenTheAccessTokenIsRefusedAtOnce() {
        String user = newUser("USER");
        ApiSession session = apiLogin(user);
        assertThat(reservations(session.accessToken()).status()).isEqualTo(200);

        this.api.post("/api/auth/revoke", Map.of("token", session.refreshToken()));

        assertRefused(session.accessToken());
    }

    @Test
    void revokeEndpointWithTheAccessTokenItselfThenItIsRefusedAtOnce() {
        ApiSession session = apiLogin(newUser("USER"));

        this.api.post("/api/auth/revoke", Map.of("token", session.accessToken()));

        assertRefused(session.accessToken());
    }

    @Test
    void browserSignOutThenItsAccessTokenIsRefusedAtOnce() {
        String user = newUser("USER");
        CookieJarClient browser = signedIn(user);
        String accessToken = browser.cookie("accessToken").orElseThrow();
        assertThat(reservations(accessToken).status()).isEqualTo(200);

        browser.submit(browser.get("/flights"), "/logout", Map.of());

        assertRefused(accessToken);
    }

    @Test
    void endedFromTheAccountPageThenItsAccessTokenIsRefusedAtOnceAndTheOthersWork() {
        String user = newUser("USER");
        ApiSession phone = apiLogin(user);
        CookieJarClient laptop = signedIn(user);

        Page answer = laptop.submit(laptop.get("/account/sessions"), "/account/sessions/end",
                Map.of("sessionId", phone.sessionId()));

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/account/sessions?notice=ended"));
        assertRefused(phone.accessToken());
        assertThat(reservations(laptop.cookie("accessToken").orElseThrow()).status()).isEqualTo(200);
    }

    @Test
    void endedByAnAdministratorThenItsAccessTokenIsRefusedAtOnce() {
        ApiSession session = apiLogin(newUser("USER"));
        CookieJarClient admin = signedIn(newUser("ADMIN"));

        admin.submit(admin.get("/admin/sessions"), "/admin/sessions/end", Map.of("sessionId", session.sessionId()));

        assertRefused(session.accessToken());
    }

    @Test
    void reuseDetectedThenTheNewestAccessTokenIsRefusedAtOnce() {
        ApiSession stolen = apiLogin(newUser("USER"));
        ApiSession current = renew(stolen.refreshToken());
        this.clock.advance(Duration.ofSeconds(11));

        Page replay = this.api.post("/api/auth/refresh", Map.of("refresh_token", stolen.refreshToken()));

        assertThat(replay.status()).isEqualTo(400);
        assertRefused(current.accessToken());
    }

    @Test
    void userDisabledThenTheirAccessTokensAreRefusedAtOnce() {
        String user = newUser("USER");
        ApiSession first = apiLogin(user);
        ApiSession second = apiLogin(user);
        CookieJarClient admin = signedIn(newUser("ADMIN"));

        admin.submit(admin.get("/admin/users"), "/admin/users/disable", Map.of("username", user));

        assertRefused(first.accessToken());
        assertRefused(second.accessToken());
    }

    @Test
    void passwordSetThenTheUsersAccessTokensAreRefusedAtOnce() {
        String user = newUser("USER");
        ApiSession session = apiLogin(user);
        CookieJarClient admin = signedIn(newUser("ADMIN"));

        admin.submit(admin.get("/admin/users/password?username=" + user), "/admin/users/password",
                Map.of("username", user, "password", "a-new-password", "confirmation", "a-new-password"));

        assertRefused(session.accessToken());
    }

    @Test
    void revocationTypedInSqlThenRefusedOnceTheViewIsReadAgain() {
        String user = newUser("USER");
        ApiSession session = apiLogin(user);

        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = ?", user);
        // No database query per request: until the view is read again (every few seconds), the token still works.
        assertThat(reservations(session.accessToken()).status()).isEqualTo(200);
        this.endedSessions.refresh();

        assertRefused(session.accessToken());
    }

    @Test
    void revocationTypedInSqlThenTheBrowserLandsOnTheLoginPageSayingAnAdministratorEndedIt() {
        String user = newUser("USER");
        CookieJarClient browser = signedIn(user);

        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = ?", user);
        this.endedSessions.refresh();
        Page answer = browser.get("/flights");

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?revoked"));
        assertThat(browser.follow(answer).body()).contains("Your session was ended by an administrator.");
    }

    @Test
    void anEndedSessionIsForgottenOnceNoAccessTokenOfItCanStillWork() {
        String user = newUser("USER");
        ApiSession byApplication = apiLogin(user);
        ApiSession bySql = apiLogin(user);
        this.api.post("/api/auth/revoke", Map.of("token", byApplication.refreshToken()));
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE family_id = ?", bySql.sessionId());
        this.endedSessions.refresh();
        assertThat(this.endedSessions.contains(byApplication.sessionId())).isTrue();
        assertThat(this.endedSessions.contains(bySql.sessionId())).isTrue();

        this.clock.advance(this.tokenService.maxAcceptedAge().plus(Duration.ofMinutes(1)).plusSeconds(1));
        this.endedSessions.refresh();

        assertThat(this.endedSessions.contains(byApplication.sessionId())).isFalse();
        assertThat(this.endedSessions.contains(bySql.sessionId())).isFalse();
        assertThat(reservations(bySql.accessToken()).status()).as("expired by now").isEqualTo(401);
    }

    @Test
    void aSessionRenewedAfterItsFirstTokenIsRememberedByItsNewestToken() {
        String user = newUser("USER");
        ApiSession login = apiLogin(user);
        this.clock.advance(Duration.ofSeconds(50));
        ApiSession renewed = renew(login.refreshToken());
        this.clock.advance(Duration.ofSeconds(50));

        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE family_id = ?", login.sessionId());
        this.endedSessions.refresh();

        assertRefused(renewed.accessToken());
    }

    private void assertRefused(String accessToken) {
        Page answer = reservations(accessToken);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains(BearerChallenge.INVALID_TOKEN);
    }

    private Page reservations(String accessToken) {
        return this.api.reservations(accessToken);
    }

    private ApiSession apiLogin(String username) {
        return this.api.logIn(username, TestUsers.passwordOf(username));
    }

    private ApiSession renew(String refreshToken) {
        return this.api.renew(refreshToken);
    }

    private CookieJarClient signedIn(String username) {
        return CookieJarClient.signedIn(this.port, username, TestUsers.passwordOf(username));
    }

    private CookieJarClient client() {
        return new CookieJarClient(this.port);
    }

    private String newUser(String role) {
        return TestUsers.create(this.jdbc, role);
    }


}
