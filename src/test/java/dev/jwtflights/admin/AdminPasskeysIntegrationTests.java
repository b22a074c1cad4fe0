package dev.jwtflights.admin;

import java.time.Instant;
import java.util.Map;

import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.test.passkeys.TestPasskeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passkeys on {@code /admin/users}: an admin sees each user's count and removes a user's passkeys; a USER cannot,
 * nor can anyone without the CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class AdminPasskeysIntegrationTests {

    private static final Instant ADDED = Instant.parse("2026-01-05T09:00:00Z");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    private String admin;

    private String user;

    @BeforeEach
    void anAdministratorAndAUserWithTwoPasskeys() {
        this.admin = TestUsers.create(this.jdbc, "ADMIN");
        this.user = TestUsers.create(this.jdbc, "USER");
        TestPasskeys.add(this.context, this.user, "Laptop", ADDED);
        TestPasskeys.add(this.context, this.user, "Phone", ADDED);
    }

    @Test
    void usersWhenAdminThenEachUsersPasskeyCountAndARemoveButton() {
        Page page = signedIn(this.admin).get("/admin/users");

        String row = row(page, this.user);
        assertThat(row).contains("<td class=\"passkey-count\">2</td>").contains("remove-passkeys");
        assertThat(row(page, this.admin)).contains("<td class=\"passkey-count\">0</td>")
            .doesNotContain("remove-passkeys");
    }

    @Test
    void removePasskeysWhenAdminThenEveryOneGoneSaidSoAndAuditedWithTheAdmin() {
        CookieJarClient browser = signedIn(this.admin);

        Page answer = browser.submit(browser.get("/admin/users"), "/admin/users/passkeys/remove",
                Map.of("username", this.user));

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/admin/users?notice=passkeys-removed"));
        assertThat(browser.follow(answer).body()).contains("Every passkey of the user was removed");
        assertThat(passkeysOf(this.user)).isZero();
        assertThat(this.jdbc.queryForObject("SELECT detail FROM auth_event WHERE type = 'PASSKEY_REMOVED' "
                + "AND username = ? AND actor = ?", String.class, this.user, this.admin))
            .isEqualTo("2 passkeys: 'Laptop', 'Phone'");
    }

    @Test
    void removePasskeysWhenNoneOrNoSuchUserThenSaidSo() {
        CookieJarClient browser = signedIn(this.admin);
        Page page = browser.get("/admin/users");

        assertThat(browser.submit(page, "/admin/users/passkeys/remove", Map.of("username", this.admin)).location())
            .hasValueSatisfying((location) -> assertThat(location).endsWith("?notice=no-passkeys"));
        assertThat(browser.submit(page, "/admin/users/passkeys/remove", Map.of("username", "nobody-here")).location())
            .hasValueSatisfying((location) -> assertThat(location).endsWith("?notice=user-not-found"));
        assertThat(browser.submit(page, "/admin/users/passkeys/remove", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void removePasskeysWhenUserThenForbiddenAndKept() {
        String other = TestUsers.create(this.jdbc, "USER");
        CookieJarClient browser = signedIn(other);

        Page answer = browser.submit(browser.get("/account/passkeys"), "/admin/users/passkeys/remove",
                Map.of("username", this.user));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(passkeysOf(this.user)).isEqualTo(2);
    }

    @Test
    void removePasskeysWithoutTheCsrfTokenThenForbiddenAndKept() {
        Page answer = signedIn(this.admin).post("/admin/users/passkeys/remove", Map.of("username", this.user));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(passkeysOf(this.user)).isEqualTo(2);
    }

    private long passkeysOf(String username) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials c JOIN user_entities e "
                + "ON e.id = c.user_entity_user_id WHERE e.name = ?", Long.class, username);
    }

    private CookieJarClient signedIn(String username) {
        return CookieJarClient.signedIn(this.port, username, TestUsers.passwordOf(username));
    }

    private static String row(Page page, String username) {
        String body = page.body();
        int start = body.indexOf("data-username=\"" + username + "\"");
        assertThat(start).as("row of " + username).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

}
