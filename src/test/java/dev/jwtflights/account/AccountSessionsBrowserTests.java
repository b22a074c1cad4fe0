package dev.jwtflights.account;

import java.time.Duration;
import java.util.List;

import dev.jwtflights.test.Browser;
import dev.jwtflights.test.BrowserTest;
import dev.jwtflights.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person, {@code secret}, signed in on several devices (browsers with profiles of their own): on one of them the
 * "Your sessions" page lists them all, the current one marked, and ends the others; each device whose session was ended
 * lands on the login page at its next page load, told why.
 */
@BrowserTest
class AccountSessionsBrowserTests {

    private static final String SESSION_ROWS = "table#sessions tbody tr[data-session-id]";

    /**
     * Ends, the SQL way, what earlier browser tests left of {@code secret}'s sessions (their browsers are closed), so
     * that the page lists only this test's devices.
     */
    private static final String END_LEFTOVER_SESSIONS = "UPDATE refresh_token SET is_active = FALSE "
            + "WHERE username = 'secret' AND is_active = TRUE";

    private static final String ENDED_ELSEWHERE = "This session was ended from another of your devices. "
            + "Please sign in again.";

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void endLeftoverSessions() {
        this.jdbc.update(END_LEFTOVER_SESSIONS);
    }

    @Test
    void endSessionWhenOtherDeviceReloadsThenLoginSaysEndedFromAnotherDevice() {
        try (Browser laptop = Browser.open(this.port); Browser phone = Browser.open(this.port)) {
            laptop.signIn("secret", "secret");
            this.clock.advance(Duration.ofSeconds(30));
            phone.signIn("secret", "secret");
            assertThat(phone.path()).isEqualTo("/flights");
            String laptopSession = laptop.sessionId();
            String phoneSession = phone.sessionId();

            openYourSessions(laptop);

            assertThat(laptop.caption("sessions")).isEqualTo("2 active sessions");
            assertThat(laptop.attributes(SESSION_ROWS, "data-session-id")).as("newest login first")
                .containsExactly(phoneSession, laptopSession);
            WebElement current = row(laptop, laptopSession);
            assertThat(current.findElement(By.cssSelector(".current-session")).getText()).isEqualTo("This session");
            assertThat(current.findElements(By.cssSelector(".end-session"))).isEmpty();
            WebElement other = row(laptop, phoneSession);
            assertThat(other.findElements(By.cssSelector(".current-session"))).isEmpty();
            assertThat(Browser.cellTexts(other).get(0)).isEqualTo("Chrome on Linux");
            assertThat(Browser.cellTexts(other).get(1)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            WebElement end = other.findElement(By.cssSelector(".end-session"));
            assertThat(end.getText()).isEqualTo("End session");
            assertThat(laptop.find(By.id("end-others")).isEnabled()).isTrue();
            laptop.screenshot("account-sessions");

            end.click();

            laptop.waiting().until(ExpectedConditions.urlContains("/account/sessions?notice=ended"));
            WebElement notice = laptop.find(By.id("notice"));
            assertThat(notice.getText())
                .isEqualTo("The session was ended. That device will be asked to sign in again.");
            assertThat(notice.getAttribute("class")).contains("alert-success");
            assertThat(laptop.caption("sessions")).isEqualTo("1 active session");
            assertThat(laptop.attributes(SESSION_ROWS, "data-session-id")).containsExactly(laptopSession);
            assertThat(laptop.find(By.id("end-others")).isEnabled()).isFalse();

            // The phone's access token is still unexpired: it is refused at once all the same.
            phone.reload();

            assertThat(phone.path()).isEqualTo("/login?ended");
            assertThat(loginNotice(phone)).isEqualTo(ENDED_ELSEWHERE);
            assertThat(phone.cookie("accessToken")).isNull();
            assertThat(phone.cookie("refreshToken")).isNull();
            phone.screenshot("login-ended");
            laptop.open("/flights");
            assertThat(laptop.path()).isEqualTo("/flights");
        }
    }

    @Test
    void signOutEverywhereElseThenEveryOtherDeviceSignsInAgainAndThisOneStays() {
        try (Browser laptop = Browser.open(this.port);
                Browser phone = Browser.open(this.port);
                Browser tablet = Browser.open(this.port)) {
            laptop.signIn("secret", "secret");
            phone.signIn("secret", "secret");
            tablet.signIn("secret", "secret");
            String laptopSession = laptop.sessionId();
            openYourSessions(laptop);
            assertThat(laptop.caption("sessions")).isEqualTo("3 active sessions");

            laptop.find(By.id("end-others")).click();

            laptop.waiting().until(ExpectedConditions.urlContains("/account/sessions?notice=ended-others"));
            assertThat(laptop.find(By.id("notice")).getText())
                .isEqualTo("Every other session was ended. Only this one is still signed in.");
            assertThat(laptop.caption("sessions")).isEqualTo("1 active session");
            assertThat(laptop.attributes(SESSION_ROWS, "data-session-id")).containsExactly(laptopSession);
            assertThat(row(laptop, laptopSession).findElements(By.cssSelector(".current-session"))).hasSize(1);
            for (Browser device : List.of(phone, tablet)) {
                device.reload();
                assertThat(device.path()).isEqualTo("/login?ended");
                assertThat(loginNotice(device)).isEqualTo(ENDED_ELSEWHERE);
            }
            laptop.open("/flights");
            assertThat(laptop.path()).isEqualTo("/flights");
        }
    }

    @Test
    void signOutEverywhereThenThisAndEveryOtherDeviceAreSignedOut() {
        try (Browser laptop = Browser.open(this.port); Browser phone = Browser.open(this.port)) {
            laptop.signIn("secret", "secret");
            phone.signIn("secret", "secret");
            openYourSessions(laptop);
            assertThat(laptop.caption("sessions")).isEqualTo("2 active sessions");

            laptop.find(By.id("sign-out-everywhere")).click();

            laptop.waiting().until(ExpectedConditions.urlToBe(laptop.url("/login?logout")));
            assertThat(loginNotice(laptop)).isEqualTo("You have signed out.");
            assertThat(laptop.cookie("refreshToken")).isNull();
            phone.reload();
            assertThat(phone.path()).isEqualTo("/login?logout");
            assertThat(loginNotice(phone)).isEqualTo("You have signed out.");
            laptop.open("/account/sessions");
            assertThat(laptop.path()).isEqualTo("/login");
        }
    }

    /** From the flights page, through the navigation, as a person would. */
    private static void openYourSessions(Browser browser) {
        assertThat(browser.path()).isEqualTo("/flights");
        browser.find(By.id("account-sessions-link")).click();
        browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/account/sessions")));
        browser.find(By.id("sessions"));
        assertThat(browser.title()).isEqualTo("Your sessions · jwt-flights");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Your sessions");
        WebElement link = browser.find(By.id("account-sessions-link"));
        assertThat(link.getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.isPresent(By.id("admin-sessions-link"))).isFalse();
    }

    /** The session of the browser's access-token cookie: its {@code sid} claim. */

    private static WebElement row(Browser browser, String sessionId) {
        return browser.find(By.cssSelector("table#sessions tr[data-session-id='" + sessionId + "']"));
    }

    private static String loginNotice(Browser browser) {
        return browser.find(By.cssSelector("[role=alert]")).getText();
    }

}
