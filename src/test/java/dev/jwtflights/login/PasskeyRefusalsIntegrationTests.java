package dev.jwtflights.login;

import java.util.Map;

import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
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
 * What the passkey endpoints answer to a browser (or anyone) that sends something they cannot use: an attestation
 * that fails verification, malformed JSON, fields of the wrong type, an answer to a ceremony that is unknown, already
 * answered or timed out. Always a 4xx with a plain body, never a 500, a stack trace or an exception's name, and
 * nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class PasskeyRefusalsIntegrationTests {

    /** What passkeys.js sends to add a passkey, with an attestation that is no attestation. */
    static final String FORGED_REGISTRATION = """
            {"publicKey":{"credential":{"id":"AAAA","rawId":"AAAA","response":{"attestationObject":"o2NmbXRkbm9uZQ",
            "clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0","transports":["internal"]},"type":"public-key",
            "clientExtensionResults":{},"authenticatorAttachment":"platform"},"label":"Laptop"}}""";

    /** What passkeys.js sends to sign in, for a passkey nobody added and with a signature of nothing. */
    static final String FORGED_ASSERTION = """
            {"id":"AAAA","rawId":"AAAA","response":{"authenticatorData":"AAAA",
            "clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0","signature":"AAAA","userHandle":"AAAA"},
            "credType":"public-key","clientExtensionResults":{},"authenticatorAttachment":"platform"}""";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MutableClock clock;

    private String user;

    @BeforeEach
    void aUser() {
        this.user = TestUsers.create(this.jdbc, "USER");
    }

    @Test
    void registerWhenTheAttestationFailsVerificationThenBadRequestSayingItCouldNotBeAdded() {
        CookieJarClient browser = signedIn();
        Page page = browser.get("/account/passkeys");
        assertThat(browser.submit(page, "/webauthn/register/options", Map.of()).status()).isEqualTo(200);

        Page answer = browser.postJson(page, "/webauthn/register", FORGED_REGISTRATION);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The passkey could not be added.\"}");
        assertNothingStored();
        // The ceremony was used up by that answer.
        assertThat(browser.postJson(page, "/webauthn/register", FORGED_REGISTRATION).status()).isEqualTo(400);
    }

    @Test
    void registerWhenMalformedOrWrongTypesThenBadRequestWithoutADetailOfTheFailure() {
        CookieJarClient browser = signedIn();
        Page page = browser.get("/account/passkeys");

        for (String body : new String[] { "{not json", "[]", "{\"publicKey\":42}",
                "{\"publicKey\":{\"credential\":{\"id\":[1,2],\"rawId\":{},\"response\":\"x\"},\"label\":7}}",
                FORGED_REGISTRATION.replace("\"public-key\"", "\"not-a-type\"") }) {
            browser.submit(page, "/webauthn/register/options", Map.of());

            Page answer = browser.postJson(page, "/webauthn/register", body);

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertPlain(answer);
        }
        assertNothingStored();
    }

    @Test
    void registerWhenTheCeremonyIsUnknownOrTimedOutThenBadRequest() {
        CookieJarClient browser = signedIn();
        Page page = browser.get("/account/passkeys");
        browser.setCookie("passkeyRegistration", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Page unknown = browser.postJson(page, "/webauthn/register", FORGED_REGISTRATION);

        browser.submit(page, "/webauthn/register/options", Map.of());
        this.clock.advance(java.time.Duration.ofMinutes(5));
        Page timedOut = browser.postJson(page, "/webauthn/register", FORGED_REGISTRATION);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(timedOut.status()).isEqualTo(400);
        assertPlain(unknown);
        assertPlain(timedOut);
        assertNothingStored();
    }

    @Test
    void signInWhenMalformedOrWrongTypesThenUnauthorizedAndTheLoginPageSaysThePasskeyFailed() {
        CookieJarClient browser = new CookieJarClient(this.port);
        Page login = browser.get("/login");

        for (String body : new String[] { "{not json", "[]", "42", "{\"id\":{},\"rawId\":[],\"response\":7}",
                FORGED_ASSERTION.replace("\"AAAA\",\"rawId\"", "1,\"rawId\"") }) {
            browser.submit(login, "/webauthn/authenticate/options", Map.of());

            Page answer = browser.postJson(login, "/login/webauthn", body);

            assertThat(answer.status()).as(body).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"authenticated\":false,\"redirectUrl\":\"/login?passkey-failed\"}");
        }
        assertThat(browser.cookie("accessToken")).isEmpty();
    }

    @Test
    void signInWhenTheCeremonyIsUnknownOrTimedOutOrTheCredentialUnknownThenUnauthorized() {
        CookieJarClient browser = new CookieJarClient(this.port);
        Page login = browser.get("/login");

        Page noCeremony = browser.postJson(login, "/login/webauthn", FORGED_ASSERTION);
        browser.setCookie("passkeySignIn", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Page unknownCeremony = browser.postJson(login, "/login/webauthn", FORGED_ASSERTION);
        browser.submit(login, "/webauthn/authenticate/options", Map.of());
        this.clock.advance(java.time.Duration.ofMinutes(5));
        Page timedOut = browser.postJson(login, "/login/webauthn", FORGED_ASSERTION);
        browser.submit(login, "/webauthn/authenticate/options", Map.of());
        Page unknownCredential = browser.postJson(login, "/login/webauthn", FORGED_ASSERTION);

        assertThat(java.util.List.of(noCeremony, unknownCeremony, timedOut, unknownCredential))
            .allSatisfy((answer) -> {
                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.body())
                    .isEqualTo("{\"authenticated\":false,\"redirectUrl\":\"/login?passkey-failed\"}");
            });
        assertThat(browser.cookie("accessToken")).isEmpty();
    }

    private void assertNothingStored() {
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials c JOIN user_entities e "
                + "ON e.id = c.user_entity_user_id WHERE e.name = ?", Long.class, this.user)).isZero();
    }

    private static void assertPlain(Page answer) {
        assertThat(answer.body()).doesNotContain("Exception")
            .doesNotContain("exception")
            .doesNotContain("trace")
            .doesNotContain("at org.")
            .doesNotContain("webauthn4j");
    }

    private CookieJarClient signedIn() {
        return CookieJarClient.signedIn(this.port, this.user, TestUsers.passwordOf(this.user));
    }

}
