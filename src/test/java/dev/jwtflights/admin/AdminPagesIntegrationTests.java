package dev.jwtflights.admin;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestJwts;
import dev.jwtflights.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
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
 * The admin pages over real HTTP: only administrators reach them, every change needs the CSRF token, and each change
 * does what the page says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class AdminPagesIntegrationTests {

    private static final List<String> PAGES = List.of("/admin/sessions", "/admin/users", "/admin/events",
            "/admin/sessions/end-all", "/admin/users/password?username=admin");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private ApiClient api;

    private String admin;

    private CookieJarClient adminBrowser;

    @BeforeEach
    void anAdministrator() {
        this.api = new ApiClient(this.port);
        this.admin = TestUsers.create(this.jdbc, "ADMIN");
        this.adminBrowser = signedIn(this.admin);
    }

    @Test
    void aUserReachesNoAdminPageAndChangesNothing() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession victim = this.api.logIn(this.admin, TestUsers.passwordOf(this.admin));
        CookieJarClient browser = signedIn(user);
        Page own = browser.get("/account/sessions");

        for (String page : PAGES) {
            assertThat(browser.get(page).status()).as(page).isEqualTo(403);
        }
        Map<String, Map<String, String>> changes = Map.of(
                "/admin/sessions/end", Map.of("sessionId", victim.sessionId()),
                "/admin/sessions/end-user", Map.of("username", this.admin), "/admin/sessions/end-all", Map.of(),
                "/admin/users/disable", Map.of("username", this.admin), "/admin/users/password",
                Map.of("username", this.admin, "password", "taken-over!", "confirmation", "taken-over!"));
        changes.forEach((path, form) -> assertThat(browser.submit(own, path, form).status()).as(path).isEqualTo(403));

        assertThat(this.api.reservations(victim.accessToken()).status()).isEqualTo(200);
        assertThat(this.jdbc.queryForObject("SELECT enabled FROM app_user WHERE username = ?", Boolean.class,
                this.admin)).isTrue();
        assertThat(signedIn(this.admin).get("/flights").status()).isEqualTo(200);
        assertThat(browser.get("/flights").body()).doesNotContain("admin-sessions-link");
    }

    @Test
    void withoutASessionTheAdminPagesAreTheLoginPage() {
        for (String page : PAGES) {
            Page answer = new CookieJarClient(this.port).get(page);
            assertThat(answer.location()).as(page)
                .hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
        }
    }

    @Test
    void everyChangeNeedsTheCsrfToken() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));

        assertThat(this.adminBrowser.post("/admin/sessions/end", Map.of("sessionId", session.sessionId())).status())
            .isEqualTo(403);
        assertThat(this.adminBrowser.post("/admin/sessions/end-user", Map.of("username", user)).status())
            .isEqualTo(403);
        assertThat(this.adminBrowser.post("/admin/sessions/end-all", Map.of()).status()).isEqualTo(403);
        assertThat(this.adminBrowser.post("/admin/users/disable", Map.of("username", user)).status()).isEqualTo(403);
        assertThat(this.adminBrowser.post("/admin/users/enable", Map.of("username", user)).status()).isEqualTo(403);
        assertThat(this.adminBrowser.post("/admin/users/password",
                Map.of("username", user, "password", "a-new-password", "confirmation", "a-new-password"))
            .status()).isEqualTo(403);

        assertThat(this.api.reservations(session.accessToken()).status()).isEqualTo(200);
        assertThat(this.api.renew(session.refreshToken()).sessionId()).isEqualTo(session.sessionId());
    }

    @Test
    void theSessionsPageListsFiltersAndMarksTheAdministratorsOwn() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));

        Page all = this.adminBrowser.get("/admin/sessions");
        Page filtered = this.adminBrowser.get("/admin/sessions?username=" + user);
        Page nobody = this.adminBrowser.get("/admin/sessions?username=nobody-by-that-name");

        assertThat(all.body()).contains(session.sessionId()).contains(ownSession(this.adminBrowser))
            .contains("Your session");
        assertThat(filtered.body()).contains("1 active session").contains(session.sessionId())
            .doesNotContain(ownSession(this.adminBrowser))
            .contains("End all of " + user + "&#39;s sessions");
        assertThat(nobody.body()).contains("0 active sessions");
    }

    @Test
    void theSessionsPageIsPagedTwentyAtATime() {
        String user = TestUsers.create(this.jdbc, "USER");
        for (int i = 0; i < 20; i++) {
            this.api.logIn(user, TestUsers.passwordOf(user));
        }

        Page first = this.adminBrowser.get("/admin/sessions");
        Page second = this.adminBrowser.get("/admin/sessions?page=1");

        assertThat(first.body()).contains("Page 1 of ").contains("id=\"next-page\"");
        assertThat(count(first.body(), "data-session-id=\"")).isEqualTo(20);
        assertThat(second.body()).contains("Page 2 of ").contains("id=\"previous-page\"");
    }

    @Test
    void endingOneSessionAndEveryOneOfAUser() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession first = this.api.logIn(user, TestUsers.passwordOf(user));
        ApiSession second = this.api.logIn(user, TestUsers.passwordOf(user));
        ApiSession third = this.api.logIn(user, TestUsers.passwordOf(user));

        Page one = submit("/admin/sessions", "/admin/sessions/end", Map.of("sessionId", first.sessionId()));
        Page again = submit("/admin/sessions", "/admin/sessions/end", Map.of("sessionId", first.sessionId()));

        assertThat(this.adminBrowser.follow(one).body()).contains("The session was ended.");
        assertThat(this.adminBrowser.follow(again).body()).contains("That session is no longer active.");
        assertThat(this.api.reservations(first.accessToken()).status()).isEqualTo(401);
        assertThat(this.api.reservations(second.accessToken()).status()).isEqualTo(200);

        Page all = submit("/admin/sessions?username=" + user, "/admin/sessions/end-user", Map.of("username", user));

        assertThat(this.adminBrowser.follow(all).body()).contains("Every session of that user was ended.");
        assertThat(this.api.reservations(second.accessToken()).status()).isEqualTo(401);
        assertThat(this.api.reservations(third.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void endingEveryoneAfterTheConfirmationKeepingTheAdministratorsOwn() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));

        Page confirmation = this.adminBrowser.get("/admin/sessions/end-all");
        Page answer = this.adminBrowser.submit(confirmation, "/admin/sessions/end-all", Map.of("keepMine", "true"));

        assertThat(confirmation.body()).contains("End every session?").contains("active session")
            .contains("Keep my own session");
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/admin/sessions?notice=all-ended-kept"));
        Page after = this.adminBrowser.follow(answer);
        assertThat(after.body()).contains("Every session was ended except yours: you are still signed in.")
            .contains("1 active session")
            .contains(ownSession(this.adminBrowser));
        assertThat(this.api.reservations(session.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void endingEveryoneWithoutKeepingTheirOwnSignsTheAdministratorOutWithTheReason() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));

        Page answer = submit("/admin/sessions/end-all", "/admin/sessions/end-all", Map.of());
        Page next = this.adminBrowser.follow(answer);

        assertThat(next.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?revoked"));
        assertThat(this.api.reservations(session.accessToken()).status()).isEqualTo(401);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM refresh_token WHERE is_active = TRUE AND "
                + "used_at IS NULL AND end_reason IS NULL", Integer.class)).isZero();
    }

    @Test
    void theUsersPageShowsRoleStatusAndActiveSessions() {
        String user = TestUsers.create(this.jdbc, "USER");
        this.api.logIn(user, TestUsers.passwordOf(user));
        this.api.logIn(user, TestUsers.passwordOf(user));

        Page page = this.adminBrowser.get("/admin/users");

        assertThat(row(page, user)).contains("<td>USER</td>").contains("Enabled")
            .contains("href=\"/admin/sessions?username=" + user + "\">2</a>")
            .contains("disable-user");
        assertThat(row(page, this.admin)).contains("<td>ADMIN</td>").doesNotContain("disable-user");
        assertThat(page.body()).doesNotContain("$2a$");
    }

    @Test
    void everyRowsButtonsSayWhomTheyActOnToAScreenReader() {
        String user = TestUsers.create(this.jdbc, "USER");
        this.api.logIn(user, TestUsers.passwordOf(user));

        assertThat(row(this.adminBrowser.get("/admin/users"), user))
            .contains("aria-label=\"Set password of " + user + "\">Set password</a>")
            .contains("aria-label=\"Disable " + user + "\">Disable</button>");
        assertThat(this.adminBrowser.get("/admin/sessions?username=" + user).body())
            .containsPattern("aria-label=\"End the session of " + Pattern.quote(user)
                    + " on [^\"]+, signed in [^\"]+\">End</button>");
    }

    @Test
    void aDisabledUserCannotSignInOrRenewAndEnablingLetsThemBackIn() {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));

        Page disabled = submit("/admin/users", "/admin/users/disable", Map.of("username", user));

        assertThat(this.adminBrowser.follow(disabled).body())
            .contains("The user was disabled and every session of theirs ended.");
        assertThat(row(this.adminBrowser.get("/admin/users"), user)).contains("Disabled").contains("enable-user");
        assertThat(new CookieJarClient(this.port).logIn(user, TestUsers.passwordOf(user)).location())
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
        assertThat(this.api.post("/api/auth/refresh", Map.of("refresh_token", session.refreshToken())).status())
            .isEqualTo(400);
        assertThat(this.api.reservations(session.accessToken()).status()).isEqualTo(401);

        Page enabled = submit("/admin/users", "/admin/users/enable", Map.of("username", user));

        assertThat(this.adminBrowser.follow(enabled).body()).contains("The user was enabled");
        assertThat(signedIn(user).get("/flights").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorCannotDisableThemselvesAndAnUnknownUserIsSaidToBeSo() {
        Page self = submit("/admin/users", "/admin/users/disable", Map.of("username", this.admin));
        Page unknown = submit("/admin/users", "/admin/users/disable", Map.of("username", "nobody-by-that-name"));

        assertThat(this.adminBrowser.follow(self).body()).contains("You cannot disable your own account");
        assertThat(this.adminBrowser.follow(unknown).body()).contains("There is no such user.");
        assertThat(this.jdbc.queryForObject("SELECT enabled FROM app_user WHERE username = ?", Boolean.class,
                this.admin)).isTrue();
        assertThat(this.adminBrowser.get("/admin/users/password?username=nobody-by-that-name").status())
            .isEqualTo(404);
    }

    @Test
    void settingAPasswordReplacesTheOldOneAndEndsEverySession(CapturedOutput output) {
        String user = TestUsers.create(this.jdbc, "USER");
        ApiSession session = this.api.logIn(user, TestUsers.passwordOf(user));
        String before = passwordHash(user);

        Page answer = submit("/admin/users/password?username=" + user, "/admin/users/password",
                Map.of("username", user, "password", "correct horse battery", "confirmation", "correct horse battery"));

        assertThat(this.adminBrowser.follow(answer).body())
            .contains("The new password was set and every session of the user ended.");
        assertThat(passwordHash(user)).isNotEqualTo(before).startsWith("$2a$").doesNotContain("correct horse");
        assertThat(this.api.reservations(session.accessToken()).status()).isEqualTo(401);
        assertThat(new CookieJarClient(this.port).logIn(user, TestUsers.passwordOf(user)).location())
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
        assertThat(signedIn(user, "correct horse battery").get("/flights").status()).isEqualTo(200);
        assertThat(output).doesNotContain("correct horse battery");
    }

    @Test
    void aPasswordTooShortTooLongOrMistypedShowsTheFormAgainAndChangesNothing(CapturedOutput output) {
        String user = TestUsers.create(this.jdbc, "USER");
        String before = passwordHash(user);
        String tooLong = "é".repeat(37);

        Page tooShort = submit("/admin/users/password?username=" + user, "/admin/users/password",
                Map.of("username", user, "password", "short", "confirmation", "short"));
        Page overBcrypt = submit("/admin/users/password?username=" + user, "/admin/users/password",
                Map.of("username", user, "password", tooLong, "confirmation", tooLong));
        Page mistyped = submit("/admin/users/password?username=" + user, "/admin/users/password",
                Map.of("username", user, "password", "first attempt", "confirmation", "first attempT"));

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("Use at least 8 characters").doesNotContain("value=\"short\"");
        assertThat(overBcrypt.status()).isEqualTo(400);
        assertThat(overBcrypt.body()).contains("at most 72 bytes").doesNotContain(tooLong);
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.body()).contains("The two passwords differ.").doesNotContain("first attempt");
        assertThat(count(tooShort.body(), "aria-invalid=\"true\"")).isOne();
        assertThat(tooShort.body()).contains("aria-describedby=\"password-error password-help\"");
        assertThat(count(mistyped.body(), "aria-invalid=\"true\"")).isOne();
        assertThat(mistyped.body()).contains("aria-describedby=\"confirmation-error\"");
        assertThat(this.adminBrowser.get("/admin/users/password?username=" + user).body())
            .doesNotContain("aria-invalid");
        assertThat(passwordHash(user)).isEqualTo(before);
        assertThat(output).doesNotContain("first attempt");
    }

    @Test
    void theEventsPageFiltersByTypeAndUsername() {
        String user = TestUsers.create(this.jdbc, "USER");
        new CookieJarClient(this.port).logIn(user, "a-wrong-password");
        this.api.logIn(user, TestUsers.passwordOf(user));

        Page failed = this.adminBrowser.get("/admin/events?type=LOGIN_FAILED&username=" + user);
        Page all = this.adminBrowser.get("/admin/events?username=" + user);

        assertThat(failed.body()).contains("1 event").contains("Login failed").doesNotContain("Login succeeded</td>");
        assertThat(all.body()).contains("2 events").contains("Login succeeded</td>").contains("Login failed</td>");
        assertThat(all.body()).doesNotContain("a-wrong-password");
    }

    @Test
    void badPagingOrFilterValuesAreA400() {
        assertThat(this.adminBrowser.get("/admin/events?type=NO_SUCH_TYPE").status()).isEqualTo(400);
        assertThat(this.adminBrowser.get("/admin/events?page=-1").status()).isEqualTo(400);
        assertThat(this.adminBrowser.get("/admin/events?page=abc").status()).isEqualTo(400);
        assertThat(this.adminBrowser.get("/admin/sessions?page=-1").status()).isEqualTo(400);
        assertThat(this.adminBrowser.get("/admin/sessions?page=99999").status()).isEqualTo(200);
    }

    @Test
    void pageNumbersUpToTheLastOffsetTheDatabaseTakesAreServedAndHigherOnesAreA400(CapturedOutput output) {
        int last = Integer.MAX_VALUE / 20;
        for (String list : new String[] { "/admin/events", "/admin/sessions" }) {
            assertThat(this.adminBrowser.get(list + "?page=" + last).status()).isEqualTo(200);
            assertThat(this.adminBrowser.get(list + "?page=" + (last + 1)).status()).isEqualTo(400);
            assertThat(this.adminBrowser.get(list + "?page=" + Integer.MAX_VALUE).status()).isEqualTo(400);
            assertThat(this.adminBrowser.get(list + "?page=" + Integer.MAX_VALUE + "0").status()).isEqualTo(400);
        }
        assertThat(output).doesNotContain(" ERROR ");
    }

    private Page submit(String pagePath, String path, Map<String, String> form) {
        return this.adminBrowser.submit(this.adminBrowser.get(pagePath), path, form);
    }

    private CookieJarClient signedIn(String username) {
        return signedIn(username, TestUsers.passwordOf(username));
    }

    private CookieJarClient signedIn(String username, String password) {
        return CookieJarClient.signedIn(this.port, username, password);
    }

    private String passwordHash(String username) {
        return this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                username);
    }

    private static String ownSession(CookieJarClient browser) {
        return (String) TestJwts.decodePart(browser.cookie("accessToken").orElseThrow(), 1).get("sid");
    }

    /** The table row of a user on the users page. */
    private static String row(Page page, String username) {
        int start = page.body().indexOf("data-username=\"" + username + "\"");
        assertThat(start).as("a row for " + username).isNotNegative();
        return page.body().substring(start, page.body().indexOf("</tr>", start));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

}
