package dev.jwtflights.account;

import java.util.Map;

import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestJwts;
import dev.jwtflights.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /account/sessions} over real HTTP: a person sees and ends their own sessions, and nobody else's; every
 * change needs the CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class AccountSessionsIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private ApiClient api;

    private String user;

    @BeforeEach
    void aUser() {
        this.api = new ApiClient(this.port);
        this.user = TestUsers.create(this.jdbc, "USER");
    }

    @Test
    void thePageListsTheirOwnActiveSessionsWithTheCurrentOneMarked() {
        ApiSession phone = this.api.logIn(this.user, password());
        String someoneElse = TestUsers.create(this.jdbc, "USER");
        ApiSession theirs = this.api.logIn(someoneElse, TestUsers.passwordOf(someoneElse));
        CookieJarClient laptop = signedIn();

        Page page = laptop.get("/account/sessions");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("2 active sessions")
            .contains("data-session-id=\"" + phone.sessionId() + "\"")
            .contains("data-session-id=\"" + currentSession(laptop) + "\" class=\"table-active\"")
            .contains("This session")
            .contains("API client")
            .doesNotContain(theirs.sessionId())
            .doesNotContain(laptop.cookie("accessToken").orElseThrow())
            .doesNotContain(laptop.cookie("refreshToken").orElseThrow());
    }

    @Test
    void everyPageLinksToItForEveryoneSignedIn() {
        assertThat(signedIn().get("/flights").body())
            .contains("id=\"account-sessions-link\" href=\"/account/sessions\"");
    }

    @Test
    void withoutASessionThePageIsTheLoginPage() {
        Page answer = new CookieJarClient(this.port).get("/account/sessions");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
    }

    @Test
    void endingAnotherOfTheirSessionsEndsItAndSaysSo() {
        ApiSession phone = this.api.logIn(this.user, password());
        CookieJarClient laptop = signedIn();

        Page answer = laptop.submit(laptop.get("/account/sessions"), "/account/sessions/end",
                Map.of("sessionId", phone.sessionId()));

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/account/sessions?notice=ended"));
        Page page = laptop.follow(answer);
        assertThat(page.body()).contains("The session was ended.").contains("1 active session")
            .doesNotContain(phone.sessionId());
        assertThat(this.api.post("/api/auth/refresh", Map.of("refresh_token", phone.refreshToken())).status())
            .isEqualTo(400);
    }

    @Test
    void endingSomeoneElsesSessionIsAnsweredAsNotOneOfTheirsAndEndsNothing() {
        String victim = TestUsers.create(this.jdbc, "USER");
        ApiSession theirs = this.api.logIn(victim, TestUsers.passwordOf(victim));
        CookieJarClient attacker = signedIn();

        Page answer = attacker.submit(attacker.get("/account/sessions"), "/account/sessions/end",
                Map.of("sessionId", theirs.sessionId()));

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/account/sessions?notice=not-found"));
        assertThat(attacker.follow(answer).body()).contains("That session is not one of your active sessions.");
        assertThat(this.api.reservations(theirs.accessToken()).status()).isEqualTo(200);
        assertThat(this.api.renew(theirs.refreshToken()).sessionId()).isEqualTo(theirs.sessionId());
    }

    @Test
    void endingTheCurrentSessionHereIsRefusedWithAHint() {
        CookieJarClient laptop = signedIn();

        Page answer = laptop.submit(laptop.get("/account/sessions"), "/account/sessions/end",
                Map.of("sessionId", currentSession(laptop)));

        assertThat(laptop.follow(answer).body()).contains("This is the session you are using. To end it, sign out.")
            .contains("1 active session");
    }

    @Test
    void signOutEverywhereElseKeepsOnlyThisSession() {
        ApiSession phone = this.api.logIn(this.user, password());
        ApiSession tablet = this.api.logIn(this.user, password());
        CookieJarClient laptop = signedIn();

        Page answer = laptop.submit(laptop.get("/account/sessions"), "/account/sessions/end-others", Map.of());

        assertThat(laptop.follow(answer).body()).contains("Every other session was ended.")
            .contains("1 active session");
        assertThat(this.api.reservations(phone.accessToken()).status()).isEqualTo(401);
        assertThat(this.api.reservations(tablet.accessToken()).status()).isEqualTo(401);
        assertThat(laptop.get("/flights").status()).isEqualTo(200);
    }

    @Test
    void signOutEverywhereEndsThisSessionToo() {
        ApiSession phone = this.api.logIn(this.user, password());
        CookieJarClient laptop = signedIn();
        String laptopAccess = laptop.cookie("accessToken").orElseThrow();

        Page answer = laptop.submit(laptop.get("/account/sessions"), "/logout", Map.of("everywhere", "true"));

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
        assertThat(laptop.cookie("refreshToken")).isEmpty();
        assertThat(this.api.reservations(phone.accessToken()).status()).isEqualTo(401);
        assertThat(this.api.reservations(laptopAccess).status()).isEqualTo(401);
    }

    @Test
    void everyChangeNeedsTheCsrfToken() {
        ApiSession phone = this.api.logIn(this.user, password());
        CookieJarClient laptop = signedIn();

        assertThat(laptop.post("/account/sessions/end", Map.of("sessionId", phone.sessionId())).status())
            .isEqualTo(403);
        assertThat(laptop.post("/account/sessions/end-others", Map.of()).status()).isEqualTo(403);
        assertThat(laptop.post("/logout", Map.of("everywhere", "true")).status()).isEqualTo(403);

        assertThat(this.api.reservations(phone.accessToken()).status()).isEqualTo(200);
        assertThat(laptop.get("/account/sessions").body()).contains("2 active sessions");
    }

    private CookieJarClient signedIn() {
        return CookieJarClient.signedIn(this.port, this.user, password());
    }

    private String password() {
        return TestUsers.passwordOf(this.user);
    }

    private static String currentSession(CookieJarClient browser) {
        return (String) TestJwts.decodePart(browser.cookie("accessToken").orElseThrow(), 1).get("sid");
    }

}
