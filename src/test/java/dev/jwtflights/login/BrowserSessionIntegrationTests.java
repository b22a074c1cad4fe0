package dev.jwtflights.login;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.jwtflights.console.NoStoreFilter;
import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestJwts;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.test.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys of a person in a browser, over real HTTP: login, pages, expiry, silent refresh, revocation, logout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class BrowserSessionIntegrationTests {

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

    private CookieJarClient browser() {
        return new CookieJarClient(this.port);
    }

    private CookieJarClient loggedIn(String username) {
        CookieJarClient browser = browser();
        Page answer = browser.logIn(username, username);
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/flights"));
        return browser;
    }

    private int activeTokens(String sessionId) {
        return this.jdbc.queryForObject(
                "SELECT COUNT(*) FROM refresh_token WHERE family_id = ? AND is_active = TRUE", Integer.class,
                sessionId);
    }

    private String sessionOf(CookieJarClient browser) {
        return this.tokenService.verify(browser.cookie("accessToken").orElseThrow()).sessionId();
    }

    @Test
    void theTutorialJourneyFromLoginToRevocation() {
        CookieJarClient browser = browser();
        Page flights = browser.follow(browser.logIn("secret", "secret"));
        assertThat(flights.body()).contains("Ada Lovelace");
        String firstAccessToken = browser.cookie("accessToken").orElseThrow();

        this.clock.advance(PAST_ACCESS_EXPIRY);
        flights = browser.get("/flights");
        assertThat(flights.body()).contains("Ada Lovelace");
        assertThat(browser.cookie("accessToken")).isPresent().get().isNotEqualTo(firstAccessToken);
        Page api = browser().get("/reservation", "Authorization",
                "Bearer " + browser.cookie("accessToken").orElseThrow());
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"startLocation\":\"London\"");

        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret';");
        this.clock.advance(PAST_ACCESS_EXPIRY);
        Page answer = browser.get("/flights");
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?revoked"));
        assertThat(browser.follow(answer).body()).contains("name=\"password\"");
    }

    @Test
    void loginThenRedirectToFlightsWithBothTokenCookies() {
        CookieJarClient browser = browser();

        Page answer = browser.logIn("secret", "secret");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).hasValue("/flights");
        assertThat(answer.setCookie("accessToken")).hasValueSatisfying((cookie) -> assertThat(cookie)
            .matches("accessToken=[\\w-]+\\.[\\w-]+\\.[\\w-]+; Path=/; Max-Age=60; Expires=.*; HttpOnly; SameSite=Strict"));
        assertThat(answer.setCookie("refreshToken")).hasValueSatisfying((cookie) -> assertThat(cookie)
            .matches("refreshToken=[\\w-]{43}; Path=/; Max-Age=604800; Expires=.*; HttpOnly; SameSite=Strict"));
    }

    @Test
    void loginThenFlightsPageListsTheReservationsAndShowsNoToken() {
        CookieJarClient browser = loggedIn("secret");

        Page flights = browser.get("/flights");

        assertThat(flights.status()).isEqualTo(200);
        assertThat(flights.body()).contains("<th scope=\"col\">Start Location</th>")
            .contains("Ada Lovelace")
            .contains("Niklaus Wirth")
            .doesNotContain(browser.cookie("accessToken").orElseThrow())
            .doesNotContain(browser.cookie("refreshToken").orElseThrow());
        assertThat(flights.header("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
    }

    @Test
    void loginWithWrongPasswordThenLoginFailedAndNoTokenCookie() {
        CookieJarClient browser = browser();

        Page answer = browser.logIn("secret", "wrong");

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
        assertThat(answer.setCookie("accessToken")).isEmpty();
        assertThat(answer.setCookie("refreshToken")).isEmpty();
        assertThat(browser.follow(answer).body()).contains("Login failed");
    }

    @Test
    void loginWithUnknownUserThenTheSameAnswerAsAWrongPassword() {
        Page wrongPassword = browser().logIn("secret", "wrong");
        Page unknownUser = browser().logIn("nobody", "wrong");

        assertThat(unknownUser.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownUser.location()).isEqualTo(wrongPassword.location());
        assertThat(unknownUser.setCookies()).noneMatch((cookie) -> cookie.startsWith("accessToken")
                || cookie.startsWith("refreshToken"));
    }

    @Test
    void loginWithoutCsrfTokenThenRefusedWithoutCookies() {
        Page answer = browser().post("/login", Map.of("username", "secret", "password", "secret"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.setCookie("accessToken")).isEmpty();
        assertThat(answer.setCookie("refreshToken")).isEmpty();
    }

    @Test
    void flightsWithoutCookiesThenLoginPage() {
        Page answer = browser().get("/flights");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).hasValue("/login");
    }

    @Test
    void reloadWhenAccessTokenExpiredThenFlightsUnderNewTokens() {
        CookieJarClient browser = loggedIn("secret");
        String oldAccess = browser.cookie("accessToken").orElseThrow();
        String oldRefresh = browser.cookie("refreshToken").orElseThrow();
        String session = sessionOf(browser);
        this.clock.advance(PAST_ACCESS_EXPIRY);

        Page flights = browser.get("/flights");

        assertThat(flights.status()).isEqualTo(200);
        assertThat(flights.body()).contains("Ada Lovelace");
        assertThat(browser.cookie("accessToken")).isPresent().get().isNotEqualTo(oldAccess);
        assertThat(browser.cookie("refreshToken")).isPresent().get().isNotEqualTo(oldRefresh);
        assertThat(sessionOf(browser)).isEqualTo(session);
        assertThat(this.jdbc.queryForObject(
                "SELECT COUNT(*) FROM refresh_token WHERE family_id = ? AND used_at IS NOT NULL", Integer.class,
                session)).isEqualTo(1);
    }

    @Test
    void reloadWhenTheBrowserDroppedTheAccessCookieThenRefreshed() {
        CookieJarClient browser = loggedIn("secret");
        browser.removeCookie("accessToken");

        Page flights = browser.get("/flights");

        assertThat(flights.status()).isEqualTo(200);
        assertThat(flights.body()).contains("Ada Lovelace");
        assertThat(browser.cookie("accessToken")).isPresent();
    }

    @Test
    void reloadWhenAccessTokenFromAnotherKeyThenRefreshedAsAfterARestart() {
        CookieJarClient browser = loggedIn("secret");
        // What the token service of an earlier start, with its own random key, would have issued.
        Instant now = this.clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "http://localhost:8080");
        claims.put("aud", "jwt-flights");
        claims.put("sub", "secret");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(60).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.of("USER"));
        claims.put("sid", "s");
        byte[] otherKey = "another-start-another-random-key-of-32-bytes".getBytes(StandardCharsets.UTF_8);
        browser.setCookie("accessToken", TestJwts.hmac(TestJwts.header("HS256"), claims, "HmacSHA256", otherKey));

        Page flights = browser.get("/flights");

        assertThat(flights.status()).isEqualTo(200);
        assertThat(this.tokenService.verify(browser.cookie("accessToken").orElseThrow()).username()).isEqualTo("secret");
    }

    @Test
    void reloadWhenForgedRefreshCookieThenLoginPage() {
        CookieJarClient browser = browser();
        browser.setCookie("refreshToken", "A".repeat(43));

        Page answer = browser.get("/flights");

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?expired"));
        assertThat(answer.setCookie("refreshToken")).hasValueSatisfying((cookie) -> assertThat(cookie)
            .startsWith("refreshToken=; Path=/; Max-Age=0"));
    }

    @Test
    void reloadWhenRefreshTokenExpiredThenLoginPage() {
        CookieJarClient browser = loggedIn("secret");
        this.clock.advance(Duration.ofDays(7));

        Page answer = browser.get("/flights");

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?expired"));
        assertThat(browser.follow(answer).body()).contains("Your session has expired");
    }

    @Test
    void reloadAfterSqlRevocationThenLoginPageWithinOneAccessTokenLifetime() {
        CookieJarClient browser = loggedIn("secret");
        assertThat(browser.get("/flights").status()).isEqualTo(200);

        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret';");
        this.clock.advance(PAST_ACCESS_EXPIRY);
        Page answer = browser.get("/flights");

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?revoked"));
        assertThat(browser.cookie("accessToken")).isEmpty();
        assertThat(browser.cookie("refreshToken")).isEmpty();
        assertThat(browser.follow(answer).body()).contains("ended by an administrator");
    }

    @Test
    void reloadWhenUserDisabledThenLoginPage() {
        CookieJarClient browser = loggedIn("admin");
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = 'admin'");
        try {
            this.clock.advance(PAST_ACCESS_EXPIRY);

            Page answer = browser.get("/flights");

            assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).contains("/login"));
            assertThat(browser.cookie("refreshToken")).isEmpty();
        }
        finally {
            this.jdbc.update("UPDATE app_user SET enabled = TRUE WHERE username = 'admin'");
        }
    }

    @Test
    void replayOfAnOldRefreshCookieThenTheWholeSessionEnds() {
        CookieJarClient victim = loggedIn("secret");
        String stolen = victim.cookie("refreshToken").orElseThrow();
        String session = sessionOf(victim);
        this.clock.advance(PAST_ACCESS_EXPIRY);
        assertThat(victim.get("/flights").status()).isEqualTo(200);
        this.clock.advance(PAST_REUSE_GRACE);

        CookieJarClient thief = browser();
        thief.setCookie("refreshToken", stolen);
        Page answer = thief.get("/flights");

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?reused"));
        assertThat(activeTokens(session)).isZero();
        // At once: the victim's access token is still unexpired, but its session has ended.
        assertThat(victim.get("/flights").location())
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/login?reused"));
    }

    @Test
    void twoTabsRefreshingAtOnceThenBothKeepWorking() {
        CookieJarClient firstTab = loggedIn("secret");
        this.clock.advance(PAST_ACCESS_EXPIRY);
        CookieJarClient secondTab = browser();
        secondTab.setCookie("accessToken", firstTab.cookie("accessToken").orElseThrow());
        secondTab.setCookie("refreshToken", firstTab.cookie("refreshToken").orElseThrow());

        Page first = firstTab.get("/flights");
        Page second = secondTab.get("/flights");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        this.clock.advance(PAST_ACCESS_EXPIRY);
        assertThat(firstTab.get("/flights").status()).isEqualTo(200);
        assertThat(secondTab.get("/flights").status()).isEqualTo(200);
    }

    @Test
    void logoutThenCookiesClearedAndTheSessionRevoked() {
        CookieJarClient browser = loggedIn("secret");
        String refresh = browser.cookie("refreshToken").orElseThrow();
        String session = sessionOf(browser);
        Page flights = browser.get("/flights");

        Page answer = browser.submit(flights, "/logout", Map.of());

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
        assertThat(browser.cookie("accessToken")).isEmpty();
        assertThat(browser.cookie("refreshToken")).isEmpty();
        assertThat(activeTokens(session)).isZero();
        CookieJarClient replay = browser();
        replay.setCookie("refreshToken", refresh);
        assertThat(replay.get("/flights").location())
            .hasValueSatisfying((location) -> assertThat(location).contains("/login"));
    }

    @Test
    void signOutFromAnOlderTabThenAccepted() {
        CookieJarClient browser = loggedIn("secret");
        Page olderTab = browser.get("/flights");
        Page newerTab = browser.get("/flights");

        Page answer = browser.submit(olderTab, "/logout", Map.of());

        assertThat(newerTab.setCookie("XSRF-TOKEN")).isEmpty();
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
    }

    @Test
    void logoutWithoutCsrfTokenThenRefusedAndTheSessionStaysActive() {
        CookieJarClient browser = loggedIn("secret");
        String session = sessionOf(browser);

        Page answer = browser.post("/logout", Map.of());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(activeTokens(session)).isEqualTo(1);
        assertThat(browser.get("/flights").status()).isEqualTo(200);
    }

    @Test
    void h2ConsoleWhenAnonymousThenLoginPage() {
        Page answer = browser().get("/h2-console/");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
    }

    @Test
    void h2ConsoleWhenUserThenForbidden() {
        assertThat(loggedIn("secret").get("/h2-console/").status()).isEqualTo(403);
    }

    @Test
    void h2ConsoleWhenAdminThenServedAndFramedOnlyBySameOrigin() {
        Page console = loggedIn("admin").get("/h2-console/");

        assertThat(console.status()).isEqualTo(200);
        assertThat(console.header("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(console.headers().entrySet()
            .stream()
            .filter((header) -> header.getKey().equalsIgnoreCase("Cache-Control"))
            .flatMap((header) -> header.getValue().stream())).containsExactly(NoStoreFilter.NO_STORE);
        assertThat(loggedIn("admin").get("/flights").header("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void h2ConsoleWhenAdminAccessTokenExpiredThenRefreshedSilently() {
        CookieJarClient browser = loggedIn("admin");
        this.clock.advance(PAST_ACCESS_EXPIRY);

        Page console = browser.get("/h2-console/");

        assertThat(console.status()).isEqualTo(200);
        assertThat(console.setCookie("accessToken")).isPresent();
    }

    @Test
    void loginOverAForwardedHttpsRequestThenSecureCookies() {
        CookieJarClient browser = browser();
        Page loginPage = browser.get("/login");

        Page answer = browser.post("/login",
                Map.of("username", "secret", "password", "secret", "_csrf", loginPage.csrfToken()),
                "X-Forwarded-Proto", "https");

        assertThat(answer.setCookie("accessToken")).hasValueSatisfying((cookie) -> assertThat(cookie).contains("; Secure"));
        assertThat(answer.setCookie("refreshToken")).hasValueSatisfying((cookie) -> assertThat(cookie).contains("; Secure"));
    }

    @Test
    void apiIgnoresTheAccessTokenCookie() {
        CookieJarClient browser = loggedIn("secret");

        Page answer = browser.get("/reservation");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).hasValue(BearerChallenge.MISSING);
        assertThat(answer.setCookies()).isEmpty();
    }

}
