package dev.jwtflights.admin;

import java.util.List;

import dev.jwtflights.system.Client;
import dev.jwtflights.test.Browser;
import dev.jwtflights.test.BrowserTest;
import dev.jwtflights.users.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's pages in a real browser, reached through the navigation: every active session (the
 * administrator's own marked), the users with their status and session count, the audit trail, and the confirmation
 * before ending everyone's sessions; disabling a user signs their browser out until they are enabled again.
 */
@BrowserTest
class AdminPagesBrowserTests {

    private static final String SESSION_ROWS = "table#sessions tbody tr[data-session-id]";

    private static final String USER_ROWS = "table#users tbody tr[data-username]";

    /**
     * Ends, the SQL way, what earlier browser tests left of anyone's sessions (their browsers are closed), so that the
     * pages list only this test's browsers.
     */
    private static final String END_LEFTOVER_SESSIONS = "UPDATE refresh_token SET is_active = FALSE "
            + "WHERE is_active = TRUE";

    private static final String REVOKED = "Your session was ended by an administrator. Please sign in again.";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private UserAccounts accounts;

    @BeforeEach
    void endLeftoverSessions() {
        this.jdbc.update(END_LEFTOVER_SESSIONS);
    }

    /** Every browser test shares this application: secret can sign in again, even if a test failed half-way. */
    @AfterEach
    void enableSecretAgain() {
        this.accounts.setEnabled("secret", true, "admin", Client.UNKNOWN);
    }

    @Test
    void adminPagesWhenUserSignedInThenSessionsUsersAndEndAllConfirmationShowThem() {
        try (Browser user = Browser.open(this.port); Browser admin = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            admin.signIn("admin", "admin");
            String userSession = user.sessionId();
            String adminSession = admin.sessionId();

            openByNavigation(admin, "admin-sessions-link", "/admin/sessions", "All sessions");
            assertThat(admin.caption("sessions")).isEqualTo("2 active sessions");
            assertThat(admin.attributes(SESSION_ROWS, "data-session-id")).as("newest login first")
                .containsExactly(adminSession, userSession);
            WebElement own = sessionRow(admin, adminSession);
            assertThat(Browser.cellTexts(own).get(0)).isEqualTo("admin");
            assertThat(own.findElement(By.cssSelector(".current-session")).getText()).isEqualTo("Your session");
            WebElement other = sessionRow(admin, userSession);
            assertThat(Browser.cellTexts(other).get(0)).isEqualTo("secret");
            assertThat(Browser.cellTexts(other).get(1)).isEqualTo("Chrome on Linux");
            assertThat(Browser.cellTexts(other).get(4)).isEqualTo("never");
            assertThat(other.findElements(By.cssSelector(".current-session"))).isEmpty();
            assertThat(other.findElement(By.cssSelector(".end-session")).getText()).isEqualTo("End");
            admin.screenshot("admin-sessions");

            admin.find(By.id("username-filter")).sendKeys("secret");
            admin.find(By.cssSelector("form[role=search] button[type=submit]")).click();
            admin.waiting().until(ExpectedConditions.urlContains("username=secret"));
            assertThat(admin.caption("sessions")).isEqualTo("1 active session");
            assertThat(admin.attributes(SESSION_ROWS, "data-session-id")).containsExactly(userSession);
            assertThat(admin.find(By.id("end-user-sessions")).getText()).isEqualTo("End all of secret's sessions");

            openByNavigation(admin, "admin-users-link", "/admin/users", "Users");
            assertThat(admin.caption("users"))
                .isEqualTo("Disabling a user, or setting a new password, ends every session of theirs at once.");
            assertThat(admin.attributes(USER_ROWS, "data-username")).containsExactly("admin", "secret");
            WebElement adminRow = userRow(admin, "admin");
            assertThat(Browser.cellTexts(adminRow).subList(0, 4)).containsExactly("admin", "ADMIN", "Enabled", "1");
            assertThat(adminRow.findElements(By.cssSelector(".disable-user"))).as("no disabling yourself").isEmpty();
            WebElement secretRow = userRow(admin, "secret");
            assertThat(Browser.cellTexts(secretRow).subList(0, 4)).containsExactly("secret", "USER", "Enabled", "1");
            assertThat(secretRow.findElement(By.cssSelector(".disable-user")).getText()).isEqualTo("Disable");
            assertThat(secretRow.findElements(By.cssSelector(".enable-user"))).isEmpty();
            admin.screenshot("admin-users");

            secretRow.findElement(By.cssSelector(".set-password")).click();
            admin.waiting().until(ExpectedConditions.urlToBe(admin.url("/admin/users/password?username=secret")));
            assertThat(admin.find(By.tagName("h1")).getText()).isEqualTo("Set a new password for secret");
            assertThat(admin.find(By.id("password")).getAttribute("type")).isEqualTo("password");
            assertThat(admin.find(By.id("confirmation")).getAttribute("type")).isEqualTo("password");
            assertThat(admin.find(By.id("set-password")).getText()).isEqualTo("Set password");
            assertThat(admin.find(By.id("admin-users-link")).getAttribute("aria-current")).isEqualTo("page");

            openByNavigation(admin, "admin-sessions-link", "/admin/sessions", "All sessions");
            admin.find(By.id("end-all")).click();
            admin.waiting().until(ExpectedConditions.urlToBe(admin.url("/admin/sessions/end-all")));
            assertThat(admin.title()).isEqualTo("End every session · jwt-flights");
            assertThat(admin.find(By.tagName("h1")).getText()).isEqualTo("End every session?");
            assertThat(admin.find(By.tagName("main")).getText()).contains("There are 2 active sessions.");
            assertThat(admin.find(By.id("keep-mine")).isSelected()).isTrue();
            assertThat(admin.find(By.id("confirm-end-all")).getText()).isEqualTo("End every session");
            admin.screenshot("admin-end-all");

            admin.find(By.linkText("Cancel")).click();
            admin.waiting().until(ExpectedConditions.urlToBe(admin.url("/admin/sessions")));
            assertThat(admin.caption("sessions")).isEqualTo("2 active sessions");
            user.reload();
            assertThat(user.path()).isEqualTo("/flights");
        }
    }

    @Test
    void disableUserThenTheirBrowserSignedOutAndSignInRefusedUntilEnabledAgain() {
        try (Browser user = Browser.open(this.port); Browser admin = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            admin.signIn("admin", "admin");
            openByNavigation(admin, "admin-users-link", "/admin/users", "Users");

            userRow(admin, "secret").findElement(By.cssSelector(".disable-user")).click();

            admin.waiting().until(ExpectedConditions.urlContains("/admin/users?notice=disabled"));
            assertThat(admin.find(By.id("notice")).getText())
                .isEqualTo("The user was disabled and every session of theirs ended.");
            WebElement disabled = userRow(admin, "secret");
            WebElement status = disabled.findElement(By.cssSelector(".user-status"));
            assertThat(status.getText()).isEqualTo("Disabled");
            assertThat(status.getAttribute("class")).contains("text-bg-secondary");
            assertThat(Browser.cellTexts(disabled).get(3)).isEqualTo("0");
            assertThat(disabled.findElements(By.cssSelector(".disable-user"))).isEmpty();
            assertThat(disabled.findElement(By.cssSelector(".enable-user")).getText()).isEqualTo("Enable");

            // The user's access token is still unexpired: it is refused at once all the same.
            user.reload();
            assertThat(user.path()).isEqualTo("/login?disabled");
            assertThat(loginNotice(user))
                .isEqualTo("Your account was disabled by an administrator, and your sessions were ended.");
            user.signIn("secret", "secret");
            assertThat(user.path()).isEqualTo("/login?error");
            assertThat(user.cookie("refreshToken")).isNull();

            userRow(admin, "secret").findElement(By.cssSelector(".enable-user")).click();

            admin.waiting().until(ExpectedConditions.urlContains("/admin/users?notice=enabled"));
            assertThat(admin.find(By.id("notice")).getText())
                .isEqualTo("The user was enabled: they can sign in again.");
            WebElement enabled = userRow(admin, "secret");
            assertThat(enabled.findElement(By.cssSelector(".user-status")).getText()).isEqualTo("Enabled");
            assertThat(enabled.findElements(By.cssSelector(".disable-user"))).hasSize(1);
            user.signIn("secret", "secret");
            assertThat(user.path()).isEqualTo("/flights");

            openByNavigation(admin, "admin-events-link", "/admin/events", "Events");
            assertThat(admin.caption("events")).matches("\\d+ events");
            assertThat(eventRows(admin).get(0).subList(1, 3)).as("newest first")
                .containsExactly("Login succeeded", "secret");
            admin.screenshot("admin-events");

            admin.find(By.id("username-filter")).sendKeys("secret");
            new Select(admin.find(By.id("type-filter"))).selectByVisibleText("User disabled");
            admin.find(By.cssSelector("form[role=search] button[type=submit]")).click();
            admin.waiting().until(ExpectedConditions.urlContains("type=USER_DISABLED"));
            List<List<String>> disabledEvents = eventRows(admin);
            assertThat(disabledEvents).isNotEmpty()
                .allSatisfy((event) -> assertThat(event.subList(1, 3)).containsExactly("User disabled", "secret"));
            assertThat(disabledEvents.get(0).get(3)).as("by").isEqualTo("admin");
            assertThat(new Select(admin.find(By.id("type-filter"))).getFirstSelectedOption().getText())
                .isEqualTo("User disabled");
            assertThat(admin.find(By.id("username-filter")).getAttribute("value")).isEqualTo("secret");
        }
    }

    @Test
    void endEveryoneWhenKeepingMineThenOthersSignedOutAndAdminStays() {
        try (Browser user = Browser.open(this.port); Browser admin = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            admin.signIn("admin", "admin");
            String adminSession = admin.sessionId();
            openByNavigation(admin, "admin-sessions-link", "/admin/sessions", "All sessions");
            admin.find(By.id("end-all")).click();
            admin.waiting().until(ExpectedConditions.urlToBe(admin.url("/admin/sessions/end-all")));
            assertThat(admin.find(By.id("keep-mine")).isSelected()).isTrue();

            admin.find(By.id("confirm-end-all")).click();

            admin.waiting().until(ExpectedConditions.urlContains("/admin/sessions?notice=all-ended-kept"));
            assertThat(admin.find(By.id("notice")).getText())
                .isEqualTo("Every session was ended except yours: you are still signed in.");
            assertThat(admin.caption("sessions")).isEqualTo("1 active session");
            assertThat(admin.attributes(SESSION_ROWS, "data-session-id")).containsExactly(adminSession);
            user.reload();
            assertThat(user.path()).isEqualTo("/login?revoked");
            assertThat(loginNotice(user)).isEqualTo(REVOKED);
        }
    }

    /** Follows a navigation link, and checks that the page is the one it names, marked as current. */
    private static void openByNavigation(Browser browser, String linkId, String path, String title) {
        browser.find(By.id(linkId)).click();
        browser.waiting().until(ExpectedConditions.urlToBe(browser.url(path)));
        assertThat(browser.title()).isEqualTo(title + " · jwt-flights");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.find(By.id(linkId)).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.driver().findElements(By.cssSelector("nav [aria-current]"))).hasSize(1);
    }

    /** The session of the browser's access-token cookie: its {@code sid} claim. */

    private static WebElement sessionRow(Browser browser, String sessionId) {
        return browser.find(By.cssSelector("table#sessions tr[data-session-id='" + sessionId + "']"));
    }

    private static WebElement userRow(Browser browser, String username) {
        return browser.find(By.cssSelector("table#users tr[data-username='" + username + "']"));
    }

    /** The events table as read, newest first: time, type, username, by, session, address, user agent, detail. */
    private static List<List<String>> eventRows(Browser browser) {
        browser.find(By.id("events"));
        return browser.driver()
            .findElements(By.cssSelector("table#events tbody tr"))
            .stream()
            .map(Browser::cellTexts)
            .toList();
    }

    private static String loginNotice(Browser browser) {
        return browser.find(By.cssSelector("[role=alert]")).getText();
    }

}
