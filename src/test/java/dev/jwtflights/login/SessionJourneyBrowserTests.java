package dev.jwtflights.login;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.jwtflights.revocation.EndedSessions;
import dev.jwtflights.test.Browser;
import dev.jwtflights.test.BrowserTest;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's own test, in a real browser: sign in, keep seeing the flights while access tokens expire and are
 * renewed, and be signed out when an administrator revokes the session, when an old refresh token is replayed, or
 * when signing out. "Waiting past the access-token lifetime" is moving the server's clock.
 */
@BrowserTest
class SessionJourneyBrowserTests {

    private static final String REVOKE_SQL = "UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret';";

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @Value("${app.jwt.access-token-ttl}")
    private Duration accessTokenTtl;

    @Value("${app.jwt.refresh-token-ttl}")
    private Duration refreshTokenTtl;

    @Value("${app.jwt.refresh-reuse-grace}")
    private Duration refreshReuseGrace;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EndedSessions endedSessions;

    @Test
    void reloadWhenAccessTokenExpiredThenStillSeesFlightsUnderNewToken() {
        try (Browser user = Browser.open(this.port)) {
            user.open("/login");
            user.find(By.id("username"));
            user.screenshot("login");
            user.signIn("secret", "secret");
            assertSeesFlights(user);
            // A second after signing in, the 7-day session still reads "in 7 days": rounded, not down to 6 days.
            assertThat(this.refreshTokenTtl).isEqualTo(Duration.ofDays(7));
            this.clock.advance(Duration.ofSeconds(1));
            user.reload();
            assertSeesFlights(user);
            user.waiting()
                .until(ExpectedConditions.textMatches(By.id("session-expires"), Pattern.compile("\\(in .+\\)$")));
            assertThat(user.find(By.id("session-expires")).getText()).endsWith(" (in 7 days)");
            String firstId = user.find(By.id("access-token-id")).getText();
            String firstAccessToken = user.cookie("accessToken");
            assertThat(user.find(By.id("renewals")).getText()).isEqualTo("0 times");
            assertThat(firstId).hasSize(8);

            passAccessTokenLifetime();
            user.reload();

            assertSeesFlights(user);
            assertThat(user.find(By.id("access-token-id")).getText()).isNotEqualTo(firstId);
            assertThat(user.cookie("accessToken")).isNotEqualTo(firstAccessToken);
            assertThat(user.find(By.id("renewals")).getText()).isEqualTo("once");
            assertNoTokenInPage(user);
            // The countdown runs (static script, no inline one): it moves from its first value within a few seconds.
            String countdown = user.find(By.id("access-countdown")).getText();
            assertThat(countdown).matches("in \\d+ s");
            user.waiting().until((driver) -> !countdown.equals(driver.findElement(By.id("access-countdown")).getText()));
            user.screenshot("flights");
            user.screenshot(user.find(By.id("session-panel")), "session-panel");
        }
    }

    @Test
    void flightsWhenAdminThenAddFormAndDeleteButtonsWhichUserDoesNotSee() {
        try (Browser admin = Browser.open(this.port); Browser user = Browser.open(this.port)) {
            admin.signIn("admin", "admin");
            assertSeesFlights(admin);

            WebElement addForm = admin.find(By.cssSelector("form[action$='/flights/add']"));
            assertThat(admin.find(By.id("add-reservation-title")).getText()).isEqualTo("Add a reservation");
            for (String field : List.of("name", "start", "end")) {
                WebElement input = addForm.findElement(By.id("reservation-" + field));
                assertThat(input.isDisplayed()).isTrue();
                assertThat(addForm.findElement(By.cssSelector("label[for='reservation-" + field + "']")).getText())
                    .isNotBlank();
            }
            assertThat(addForm.findElement(By.cssSelector("button[type=submit]")).getText())
                .isEqualTo("Add reservation");
            List<WebElement> rows = admin.driver().findElements(By.cssSelector("table tbody tr"));
            for (WebElement row : rows) {
                String id = row.findElement(By.cssSelector("td")).getText();
                WebElement delete = row
                    .findElement(By.cssSelector("form[action$='/flights/" + id + "/delete'] button"));
                assertThat(delete.isDisplayed()).isTrue();
                assertThat(delete.getText()).isEqualTo("Delete");
                assertThat(delete.getAttribute("aria-label")).isEqualTo("Delete reservation " + id);
            }
            admin.screenshot("flights-admin");

            user.signIn("secret", "secret");
            assertSeesFlights(user);
            assertThat(user.isPresent(By.cssSelector("form[action$='/flights/add']"))).isFalse();
            assertThat(user.isPresent(By.id("add-reservation-title"))).isFalse();
            assertThat(user.isPresent(By.cssSelector("form[action$='/delete']"))).isFalse();
            assertThat(user.driver().findElements(By.cssSelector("table tbody tr"))).hasSameSizeAs(rows);
        }
    }

    @Test
    void revokeInH2ConsoleWhenUserReloadsThenLoginSaysEndedByAdministrator() {
        try (Browser user = Browser.open(this.port); Browser admin = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            assertSeesFlights(user);

            admin.signIn("admin", "admin");
            assertSeesFlights(admin);
            admin.find(By.id("h2-console-link")).click();
            runInH2Console(admin, REVOKE_SQL);
            WebElement result = admin.find(By.tagName("body"));
            assertThat(result.getText()).containsPattern("Update count: [1-9]");
            admin.driver().switchTo().defaultContent();
            admin.screenshot("h2-console-update");
            assertThat(this.jdbc.queryForList("SELECT is_active FROM refresh_token WHERE username = 'secret'",
                    Boolean.class)).isNotEmpty().containsOnly(false);
            List<String> console = admin.consoleMessages();
            assertThat(console).noneMatch((message) -> message.contains("Content Security Policy"));
            // The console's pages have no icon link: the browser asks for /favicon.ico, which is there.
            assertThat(console).noneMatch((message) -> message.contains("favicon"));

            // The revocation view reads the database every few seconds; the test reads it now instead of waiting.
            this.endedSessions.refresh();
            user.reload();

            assertThat(user.path()).isEqualTo("/login?revoked");
            assertThat(notice(user)).contains("ended by an administrator");
            user.screenshot("login-revoked");
        }
    }

    @Test
    void reloadWhenSessionExpiredThenLoginSaysSessionExpired() {
        try (Browser user = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            assertSeesFlights(user);

            this.clock.advance(this.refreshTokenTtl.plusSeconds(1));
            user.reload();

            assertThat(user.path()).isEqualTo("/login?expired");
            assertThat(notice(user)).isEqualTo("Your session has expired. Please sign in again.");
        }
    }

    @Test
    void signInWhenUsernameOrPasswordWrongThenSameLoginFailedNotice() {
        try (Browser user = Browser.open(this.port)) {
            user.signIn("secret", "not-the-password");
            assertThat(user.path()).isEqualTo("/login?error");
            String wrongPassword = notice(user);
            user.screenshot("login-failed");

            user.signIn("nobody", "secret");
            assertThat(user.path()).isEqualTo("/login?error");
            String wrongUsername = notice(user);

            assertThat(wrongPassword).startsWith("Login failed").isEqualTo(wrongUsername);
            assertThat(wrongPassword.toLowerCase()).doesNotContain("unknown", "not found", "incorrect password",
                    "wrong password", "no such user");
            assertThat(user.cookie("accessToken")).isNull();
        }
    }

    @Test
    void signOutThenLoginSaysSignedOutAndFlightsNeedSigningInAgain() {
        try (Browser user = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            assertSeesFlights(user);

            user.find(By.id("sign-out")).click();

            user.waiting().until(ExpectedConditions.urlContains("/login?logout"));
            assertThat(notice(user)).isEqualTo("You have signed out.");
            assertThat(user.cookie("accessToken")).isNull();
            assertThat(user.cookie("refreshToken")).isNull();
            user.open("/flights");
            assertThat(user.path()).isEqualTo("/login");
        }
    }

    @Test
    void reloadWhenOldRefreshTokenReplayedThenSignedOutForSafetyAndSessionRevoked() {
        try (Browser user = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            assertSeesFlights(user);
            String oldRefreshToken = user.cookie("refreshToken");
            passAccessTokenLifetime();
            user.reload();
            assertSeesFlights(user);
            String newRefreshToken = user.cookie("refreshToken");
            assertThat(newRefreshToken).isNotEqualTo(oldRefreshToken);

            // Someone who stole the old refresh cookie presents it after the reuse grace: no access token, only it.
            this.clock.advance(this.refreshReuseGrace.plusSeconds(1));
            user.driver().manage().deleteCookieNamed("accessToken");
            user.setCookie("refreshToken", oldRefreshToken);
            user.reload();

            assertThat(user.path()).isEqualTo("/login?reused");
            assertThat(notice(user)).contains("signed out", "old session token was used again");
            // The whole session is gone: the rightful newest refresh token is refused too, for the same reason.
            user.setCookie("refreshToken", newRefreshToken);
            user.open("/flights");
            assertThat(user.path()).isEqualTo("/login?reused");
        }
    }

    @Test
    void reloadInTwoTabsAtTheSameMomentThenBothKeepWorking() {
        try (Browser user = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            assertSeesFlights(user);
            String firstTab = user.driver().getWindowHandle();
            user.script("window.secondTab = window.open('/flights', 'second');");
            String secondTab = user.driver().getWindowHandles()
                .stream()
                .filter((handle) -> !handle.equals(firstTab))
                .findFirst()
                .orElseThrow();
            user.driver().switchTo().window(secondTab);
            assertSeesFlights(user);
            String secondTabId = user.find(By.id("access-token-id")).getText();
            user.driver().switchTo().window(firstTab);
            String firstTabId = user.find(By.id("access-token-id")).getText();
            String sessionId = sessionIdOf(user);
            passAccessTokenLifetime();

            // One script reloads both tabs: both requests leave with the same, soon-rotated, refresh cookie.
            user.script("window.secondTab.location.reload(); window.location.reload();");

            String firstTabRenewed = renewedTokenId(user, firstTabId);
            user.driver().switchTo().window(secondTab);
            String secondTabRenewed = renewedTokenId(user, secondTabId);
            assertSeesFlights(user);
            user.driver().switchTo().window(firstTab);
            assertSeesFlights(user);
            assertThat(firstTabRenewed).isNotEqualTo(secondTabRenewed);
            // Both renewals rotated the same refresh token: the second one within the reuse grace.
            List<Map<String, Object>> family = this.jdbc.queryForList(
                    "SELECT is_active, used_at FROM refresh_token WHERE family_id = ? ORDER BY id", sessionId);
            assertThat(family).hasSize(3).allMatch((token) -> Boolean.TRUE.equals(token.get("IS_ACTIVE")));
            assertThat(family.get(0).get("USED_AT")).isNotNull();
            assertThat(family.subList(1, 3)).allMatch((token) -> token.get("USED_AT") == null);

            // And both tabs keep working afterwards.
            passAccessTokenLifetime();
            user.reload();
            assertSeesFlights(user);
            user.driver().switchTo().window(secondTab);
            user.reload();
            assertSeesFlights(user);
        }
    }

    private void runInH2Console(Browser admin, String sql) {
        WebElement url = admin.find(By.name("url"));
        assertThat(admin.title()).isEqualTo("H2 Console");
        url.clear();
        url.sendKeys(jdbcUrl());
        WebElement user = admin.find(By.name("user"));
        user.clear();
        user.sendKeys("sa");
        admin.find(By.name("password")).clear();
        admin.find(By.cssSelector("input[type=submit][value=Connect]")).click();
        admin.waiting().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("h2query"));
        admin.find(By.cssSelector("form[name=h2query] textarea[name=sql]")).sendKeys(sql);
        admin.find(By.cssSelector("input[type=button][value=Run]")).click();
        admin.driver().switchTo().defaultContent();
        admin.waiting().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("h2result"));
        admin.waiting()
            .ignoring(StaleElementReferenceException.class)
            .until((driver) -> driver.findElement(By.tagName("body")).getText().contains("Update count"));
    }

    /** The test context's own database, whatever its (random) in-memory name. */
    private String jdbcUrl() {
        try (Connection connection = this.dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void passAccessTokenLifetime() {
        this.clock.advance(this.accessTokenTtl.plus(Duration.ofSeconds(1)));
    }

    /** The session (refresh-token family) of the browser's refresh cookie. */
    private String sessionIdOf(Browser user) {
        return this.jdbc.queryForObject("SELECT family_id FROM refresh_token WHERE token_hash = ?", String.class,
                Sha256.hex(user.cookie("refreshToken")));
    }

    private static String renewedTokenId(Browser user, String before) {
        return user.waiting()
            .ignoring(StaleElementReferenceException.class)
            .until((driver) -> {
                String now = driver.findElement(By.id("access-token-id")).getText();
                return now.equals(before) ? null : now;
            });
    }

    private static void assertSeesFlights(Browser browser) {
        browser.find(By.cssSelector("table tbody tr"));
        assertThat(browser.path()).isEqualTo("/flights");
        assertThat(browser.title()).isEqualTo("Flights · jwt-flights");
        assertThat(browser.driver().findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThan(0);
    }

    private static void assertNoTokenInPage(Browser browser) {
        String page = browser.driver().getPageSource();
        assertThat(page).doesNotContain(browser.cookie("accessToken"))
            .doesNotContain(browser.cookie("refreshToken"));
    }

    private static String notice(Browser browser) {
        return browser.find(By.cssSelector("[role=alert]")).getText();
    }

}
