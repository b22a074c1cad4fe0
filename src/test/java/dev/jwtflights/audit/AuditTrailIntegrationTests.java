package dev.jwtflights.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jwtflights.sessions.SessionEvent;
import dev.jwtflights.system.Client;
import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.Sha256;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.users.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The audit trail of real journeys over HTTP: one event of each type, with who, from where and which session; never
 * a token, a hash of one or a password; and none for a change that rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.jwt.max-sessions-per-user=2")
@Import(TestClockConfiguration.class)
class AuditTrailIntegrationTests {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MutableClock clock;

    @Autowired
    private UserAccounts accounts;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ApplicationEventPublisher events;

    private ApiClient api;

    @BeforeEach
    void apiClient() {
        this.api = new ApiClient(this.port);
    }

    @Test
    void aLoginThroughTheFormIsRecordedWithItsSessionAddressAndBrowser() {
        String user = TestUsers.create(this.jdbc, "USER");
        CookieJarClient browser = new CookieJarClient(this.port);
        browser.post("/login", Map.of("username", user, "password", TestUsers.passwordOf(user), "_csrf",
                browser.get("/login", "User-Agent", FIREFOX).csrfToken()), "User-Agent", FIREFOX);

        Map<String, Object> event = single(user, "LOGIN_SUCCEEDED");

        assertThat(event.get("session_id")).isEqualTo(this.jdbc
            .queryForObject("SELECT DISTINCT family_id FROM refresh_token WHERE username = ?", String.class, user));
        assertThat(event.get("ip_address")).isEqualTo("127.0.0.1");
        assertThat(event.get("user_agent")).isEqualTo(FIREFOX);
        assertThat(event.get("actor")).isNull();
    }

    @Test
    void aFailedLoginKeepsTheTypedNameMadeSafeAndCappedAndNeverThePassword() {
        String typed = "mallory\nINFO forged" + "x".repeat(200);
        new CookieJarClient(this.port).logIn(typed, "the-wrong-password");
        this.api.post("/api/auth/token", Map.of("grant_type", "password", "username", "nobody-at-all", "password",
                "another-wrong-password"));

        List<Map<String, Object>> failed = this.jdbc
            .queryForList("SELECT * FROM auth_event WHERE type = 'LOGIN_FAILED' AND username LIKE 'mallory%'");

        assertThat(failed).singleElement().satisfies((event) -> {
            assertThat((String) event.get("username")).startsWith("mallory?INFO forged")
                .hasSize(AuditTrail.MAX_TYPED_USERNAME + 3)
                .endsWith("...");
            assertThat(event.get("detail")).isEqualTo("bad credentials");
            assertThat(event.get("ip_address")).isEqualTo("127.0.0.1");
        });
        assertThat(single("nobody-at-all", "LOGIN_FAILED").get("detail")).isEqualTo("bad credentials");
        assertThat(everyValue()).noneMatch((value) -> value.contains("wrong-password"));
    }

    @Test
    void aFailedLoginOfADisabledUserWithTheRightPasswordSaysSo() {
        String user = TestUsers.create(this.jdbc, "USER");
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", user);

        new CookieJarClient(this.port).logIn(user, TestUsers.passwordOf(user));

        assertThat(single(user, "LOGIN_FAILED").get("detail")).isEqualTo("account disabled");
    }

    @Test
    void aFailedPasskeySignInIsRecordedWithoutAUsernameAndNeverTheAssertionOrTheCeremony() {
        CookieJarClient browser = new CookieJarClient(this.port);
        Page login = browser.get("/login");
        Page options = browser.submit(login, "/webauthn/authenticate/options", Map.of());
        String challenge = options.body().replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1");
        String ceremonyKey = browser.cookie("passkeySignIn").orElseThrow();
        String signature = "c2lnbmVkLWJ5LW5vYm9keS1hdC1hbGw";

        Page answer = browser.postJson(login, "/login/webauthn", "{\"id\":\"AAAA\",\"rawId\":\"AAAA\","
                + "\"response\":{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\""
                + signature + "\"},\"credType\":\"public-key\",\"clientExtensionResults\":{}}");

        assertThat(answer.status()).isEqualTo(401);
        List<Map<String, Object>> failed = this.jdbc
            .queryForList("SELECT * FROM auth_event WHERE type = 'LOGIN_FAILED' AND detail = 'passkey'");
        assertThat(failed).singleElement().satisfies((event) -> {
            assertThat(event.get("username")).isNull();
            assertThat(event.get("detail")).isEqualTo("passkey");
            assertThat(event.get("ip_address")).isEqualTo("127.0.0.1");
            assertThat(event.get("session_id")).isNull();
        });
        assertThat(everyValue()).noneMatch((value) -> value.contains(signature) || value.contains(challenge)
                || value.contains(ceremonyKey) || value.contains(Sha256.hex(ceremonyKey)));
    }

    @Test
    void aPasskeySignInOfADisabledUserIsRecordedAsSuch() {
        WebAuthnAuthenticationRequestToken assertion = new WebAuthnAuthenticationRequestToken(
                mock(RelyingPartyAuthenticationRequest.class));

        this.events.publishEvent(new AuthenticationFailureBadCredentialsEvent(assertion,
                new BadCredentialsException("User account is disabled", new DisabledException("disabled"))));

        assertThat(this.jdbc.queryForList("SELECT username FROM auth_event WHERE type = 'LOGIN_FAILED' "
                + "AND detail = 'passkey, account disabled'")).singleElement()
            .satisfies((event) -> assertThat(event.get("username")).isNull());
    }

    @Test
    void refreshReuseAndSignOutAreRecordedWithTheirSession() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession login = this.api.logIn(user, TestUsers.passwordOf(user));
        ApiSession renewed = this.api.renew(login.refreshToken());
        this.clock.advance(Duration.ofSeconds(11));
        this.api.post("/api/auth/refresh", Map.of("refresh_token", login.refreshToken()));
        ApiSession other = this.api.logIn(user, TestUsers.passwordOf(user));
        this.api.post("/api/auth/revoke", Map.of("token", other.refreshToken()));

        assertThat(single(user, "REFRESHED").get("session_id")).isEqualTo(login.sessionId());
        assertThat(single(user, "REUSE_DETECTED").get("session_id")).isEqualTo(login.sessionId());
        assertThat(single(user, "LOGGED_OUT").get("session_id")).isEqualTo(other.sessionId());
        assertThat(everyValue()).noneMatch((value) -> value.contains(login.refreshToken())
                || value.contains(renewed.refreshToken()) || value.contains(renewed.accessToken())
                || value.contains(Sha256.hex(login.refreshToken())) || value.contains(Sha256.hex(other.refreshToken())));
    }

    @Test
    void sessionsEndedByTheUserAndByAnAdministratorAreRecordedWithWhoDidIt() {
        String user = TestUsers.create(this.jdbc, "USER");
        String admin = TestUsers.create(this.jdbc, "ADMIN");
        ApiSession phone = this.api.logIn(user, TestUsers.passwordOf(user));
        CookieJarClient laptop = CookieJarClient.signedIn(this.port, user, TestUsers.passwordOf(user));
        laptop.submit(laptop.get("/account/sessions"), "/account/sessions/end", Map.of("sessionId", phone.sessionId()));
        CookieJarClient adminBrowser = CookieJarClient.signedIn(this.port, admin, TestUsers.passwordOf(admin));

        adminBrowser.submit(adminBrowser.get("/admin/sessions"), "/admin/sessions/end-user", Map.of("username", user));

        Map<String, Object> byUser = single(user, "SESSION_ENDED_BY_USER");
        assertThat(byUser.get("session_id")).isEqualTo(phone.sessionId());
        assertThat(byUser.get("actor")).isNull();
        Map<String, Object> byAdmin = single(user, "SESSIONS_ENDED_BY_ADMIN");
        assertThat(byAdmin.get("actor")).isEqualTo(admin);
        assertThat(byAdmin.get("detail")).isEqualTo("1 session");
    }

    @Test
    void aLoginOverTheLimitRecordsTheOldestSessionEnding() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession oldest = this.api.logIn(user, TestUsers.passwordOf(user));
        this.api.logIn(user, TestUsers.passwordOf(user));

        this.api.logIn(user, TestUsers.passwordOf(user));

        Map<String, Object> event = single(user, "SESSION_LIMIT_REACHED");
        assertThat(event.get("session_id")).isEqualTo(oldest.sessionId());
        assertThat(event.get("detail")).isEqualTo("1 session; the oldest, to make room for a new login");
    }

    @Test
    void disablingEnablingAndSettingAPasswordAreRecordedWithTheAdministratorAndTheSessionsThatEnded() {
        String user = TestUsers.create(this.jdbc, "USER");
        String admin = TestUsers.create(this.jdbc, "ADMIN");
        this.api.logIn(user, TestUsers.passwordOf(user));
        CookieJarClient adminBrowser = CookieJarClient.signedIn(this.port, admin, TestUsers.passwordOf(admin));

        adminBrowser.submit(adminBrowser.get("/admin/users"), "/admin/users/disable", Map.of("username", user));
        adminBrowser.submit(adminBrowser.get("/admin/users"), "/admin/users/enable", Map.of("username", user));
        this.api.logIn(user, TestUsers.passwordOf(user));
        adminBrowser.submit(adminBrowser.get("/admin/users"), "/admin/users/password",
                Map.of("username", user, "password", "the-new-password", "confirmation", "the-new-password"));

        assertThat(single(user, "USER_DISABLED").get("actor")).isEqualTo(admin);
        assertThat(single(user, "USER_ENABLED").get("actor")).isEqualTo(admin);
        assertThat(single(user, "PASSWORD_SET").get("actor")).isEqualTo(admin);
        assertThat(this.jdbc.queryForList(
                "SELECT detail FROM auth_event WHERE username = ? AND type = 'SESSIONS_ENDED_BY_ADMIN' ORDER BY id",
                String.class, user))
            .containsExactly("1 session; the user was disabled", "1 session; a new password was set");
        assertThat(everyValue()).noneMatch((value) -> value.contains("the-new-password"));
    }

    @Test
    void aChangeThatRollsBackLeavesNoEventAndEndsNoSession() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));

        this.transactions.executeWithoutResult((status) -> {
            this.accounts.setEnabled(user, false, "admin", Client.UNKNOWN);
            this.accounts.setPassword(user, "rolled-back-password", "admin", Client.UNKNOWN);
            status.setRollbackOnly();
        });

        assertThat(this.jdbc.queryForList("SELECT type FROM auth_event WHERE username = ?", String.class, user))
            .containsExactly("LOGIN_SUCCEEDED");
        assertThat(this.jdbc.queryForObject("SELECT enabled FROM app_user WHERE username = ?", Boolean.class, user))
            .isTrue();
        assertThat(this.api.reservations(session.accessToken()).status()).isEqualTo(200);
        assertThat(this.api.renew(session.refreshToken()).sessionId()).isEqualTo(session.sessionId());
    }

    @Test
    void anEventKeepsItsTimeToTheMicrosecond() {
        String user = TestUsers.create(this.jdbc, "USER");
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");

        this.events.publishEvent(new SessionEvent.Renewed(user, UUID.randomUUID().toString(), at, Client.UNKNOWN));

        assertThat(this.jdbc.queryForObject("SELECT occurred_at FROM auth_event WHERE username = ? AND type = ?",
                OffsetDateTime.class, user, "REFRESHED").toInstant()).isEqualTo(at);
    }

    private Map<String, Object> single(String username, String type) {
        List<Map<String, Object>> events = this.jdbc
            .queryForList("SELECT * FROM auth_event WHERE username = ? AND type = ?", username, type);
        assertThat(events).as(type + " of " + username).hasSize(1);
        return events.get(0);
    }

    /** Every value of every audit event, as text. */
    private List<String> everyValue() {
        return this.jdbc.queryForList("SELECT * FROM auth_event")
            .stream()
            .flatMap((row) -> row.values().stream())
            .map(String::valueOf)
            .toList();
    }

}
