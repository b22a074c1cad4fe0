package dev.jwtflights.account;

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
 * {@code /account/passkeys} over real HTTP: a person sees and removes their own passkeys, and nobody else's; every
 * change needs the CSRF token; the registration endpoints want a signed-in person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class AccountPasskeysIntegrationTests {

    private static final Instant ADDED = Instant.parse("2026-01-05T09:00:00Z");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    private String user;

    @BeforeEach
    void aUser() {
        this.user = TestUsers.create(this.jdbc, "USER");
    }

    @Test
    void passkeysWhenSignedInThenTheirOwnWithLabelAndTimesAndTheAddForm() {
        String id = TestPasskeys.add(this.context, this.user, "Laptop <b>", ADDED);
        String someoneElse = TestUsers.create(this.jdbc, "USER");
        TestPasskeys.add(this.context, someoneElse, "Their phone", ADDED);

        Page page = signedIn().get("/account/passkeys");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("1 passkey")
            .contains("Laptop &lt;b&gt;")
            .contains("value=\"" + id + "\"")
            .contains("2026-01-05T09:00:00Z")
            .contains("id=\"add-passkey\"")
            .contains("<script src=\"/js/passkeys.js\" defer></script>")
            .contains("<meta name=\"_csrf\"")
            .doesNotContain("Their phone");
    }

    @Test
    void everyPageLinksToItForEveryoneSignedIn() {
        assertThat(signedIn().get("/flights").body())
            .contains("id=\"account-passkeys-link\" href=\"/account/passkeys\"");
    }

    @Test
    void passkeysWhenNoSessionThenTheLoginPage() {
        Page answer = new CookieJarClient(this.port).get("/account/passkeys");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
    }

    @Test
    void removeWhenTheirsThenGoneSaidSoAndAudited() {
        String id = TestPasskeys.add(this.context, this.user, "Laptop", ADDED);
        CookieJarClient browser = signedIn();

        Page answer = browser.submit(browser.get("/account/passkeys"), "/account/passkeys/remove", Map.of("id", id));

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/account/passkeys?notice=removed"));
        assertThat(browser.follow(answer).body()).contains("The passkey was removed").contains("0 passkeys");
        assertThat(this.jdbc.queryForObject(
                "SELECT detail FROM auth_event WHERE type = 'PASSKEY_REMOVED' AND username = ? AND actor IS NULL",
                String.class, this.user)).isEqualTo("passkey 'Laptop'");
    }

    @Test
    void removeWhenSomeoneElsesThenAnsweredAsNotTheirsAndKept() {
        String victim = TestUsers.create(this.jdbc, "USER");
        String theirs = TestPasskeys.add(this.context, victim, "Their phone", ADDED);
        CookieJarClient attacker = signedIn();

        Page answer = attacker.submit(attacker.get("/account/passkeys"), "/account/passkeys/remove",
                Map.of("id", theirs));

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/account/passkeys?notice=not-found"));
        assertThat(attacker.follow(answer).body()).contains("That passkey is not one of yours.");
        assertThat(passkeysOf(victim)).isEqualTo(1);
    }

    @Test
    void removeWhenUnknownOrMissingIdThenNotFoundOrBadRequestNeverAnError() {
        CookieJarClient browser = signedIn();
        Page page = browser.get("/account/passkeys");

        assertThat(browser.submit(page, "/account/passkeys/remove", Map.of("id", "%%%")).location())
            .hasValueSatisfying((location) -> assertThat(location).endsWith("?notice=not-found"));
        assertThat(browser.submit(page, "/account/passkeys/remove", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void everyChangeNeedsTheCsrfToken() {
        String id = TestPasskeys.add(this.context, this.user, "Laptop", ADDED);
        CookieJarClient browser = signedIn();

        assertThat(browser.post("/account/passkeys/remove", Map.of("id", id)).status()).isEqualTo(403);
        assertThat(browser.post("/webauthn/register/options", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post("/webauthn/register", Map.of()).status()).isEqualTo(403);

        assertThat(passkeysOf(this.user)).isEqualTo(1);
    }

    @Test
    void registrationOptionsWhenSignedInThenTheirUserEntityAndAChallengeWithoutAnHttpSession() {
        CookieJarClient browser = signedIn();

        Page options = browser.submit(browser.get("/account/passkeys"), "/webauthn/register/options", Map.of());

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).contains("\"challenge\"")
            .contains("\"name\":\"" + this.user + "\"")
            .contains("\"id\":\"localhost\"")
            .contains("\"residentKey\":\"required\"")
            .contains("\"userVerification\":\"required\"");
        assertThat(options.setCookie("passkeyRegistration")).hasValueSatisfying((cookie) -> assertThat(cookie)
            .contains("HttpOnly")
            .contains("SameSite=Strict"));
        assertThat(options.setCookies()).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void registrationWhenNoSessionThenRefused() {
        CookieJarClient anonymous = new CookieJarClient(this.port);
        Page login = anonymous.get("/login");

        assertThat(anonymous.submit(login, "/webauthn/register/options", Map.of()).status()).isEqualTo(400);
        assertThat(anonymous.submit(login, "/webauthn/register", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void registrationWhenNoCeremonyThenBadRequest() {
        CookieJarClient browser = signedIn();

        Page answer = browser.submit(browser.get("/account/passkeys"), "/webauthn/register", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(passkeysOf(this.user)).isZero();
    }

    @Test
    void springSecuritysDeleteWhenOwnPasskeyThenForbiddenSinceRemovalsGoThroughThePageThatAuditsThem() {
        String id = TestPasskeys.add(this.context, this.user, "Laptop", ADDED);
        CookieJarClient browser = signedIn();
        String csrf = browser.get("/account/passkeys").csrfToken();

        Page answer = browser.delete("/webauthn/register/" + id, "X-XSRF-TOKEN", csrf);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(passkeysOf(this.user)).isEqualTo(1);
        // The same CSRF header passes elsewhere: the 403 is the rule's, not a missing token's.
        assertThat(browser.delete("/account/passkeys", "X-XSRF-TOKEN", csrf).status()).isEqualTo(405);
    }

    private long passkeysOf(String username) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials c JOIN user_entities e "
                + "ON e.id = c.user_entity_user_id WHERE e.name = ?", Long.class, username);
    }

    private CookieJarClient signedIn() {
        return CookieJarClient.signedIn(this.port, this.user, TestUsers.passwordOf(this.user));
    }

}
