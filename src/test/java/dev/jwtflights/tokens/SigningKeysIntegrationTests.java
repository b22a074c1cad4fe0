package dev.jwtflights.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestJwts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in the middle of a key rotation (step 2 of the README: the new key first, the old one second), set
 * by {@code app.jwt.keys}, over real HTTP: its tokens carry the new kid, tokens of the old key still work, and a token
 * of a key that is no longer listed is refused with a plain 401 while its session goes on: the page renews it, an API
 * client refreshes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "app.jwt.secret=", "app.jwt.keys[0].kid=2026-07",
                "app.jwt.keys[0].secret=" + SigningKeysIntegrationTests.NEW_SECRET, "app.jwt.keys[1].kid=2026-01",
                "app.jwt.keys[1].secret=" + SigningKeysIntegrationTests.OLD_SECRET })
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class SigningKeysIntegrationTests {

    static final String NEW_SECRET = "the-new-key-of-more-than-32-bytes!!!";

    static final String OLD_SECRET = "the-old-key-of-more-than-32-bytes!!!";

    /** The key of a rotation before: no longer listed. */
    private static final String DROPPED_SECRET = "a-dropped-key-of-more-than-32-bytes!";

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @Test
    void apiTokensWhenKeysSetThenSignedWithTheFirstKeyUnderItsKid() {
        ApiSession session = new ApiClient(this.port).logIn("secret", "secret");

        assertThat(TestJwts.decodePart(session.accessToken(), 0)).containsEntry("kid", "2026-07");
        assertThat(new ApiClient(this.port).reservations(session.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void apiWhenTokenOfTheSecondKeyThenAccepted() {
        String token = token("2026-01", OLD_SECRET, "secret", UUID.randomUUID().toString());

        assertThat(new ApiClient(this.port).reservations(token).status()).isEqualTo(200);
    }

    @Test
    void apiWhenTokenOfADroppedKeyThenRefusedAndTheSessionRefreshes(CapturedOutput output) {
        ApiClient client = new ApiClient(this.port);
        ApiSession session = client.logIn("secret", "secret");
        String ofDroppedKey = token("2025-07", DROPPED_SECRET, "secret", session.sessionId());

        Page refused = client.reservations(ofDroppedKey);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).hasValue(BearerChallenge.INVALID_TOKEN);
        assertThat(refused.body()).doesNotContain("kid").doesNotContain("2025-07");
        assertThat(output).contains("Bearer token refused for GET /reservation: a kid that app.jwt.keys does not list")
            .doesNotContain("2025-07");
        ApiSession renewed = client.renew(session.refreshToken());
        assertThat(renewed.sessionId()).isEqualTo(session.sessionId());
        assertThat(client.reservations(renewed.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void apiWhenTokenWithoutKidThenRefused(CapturedOutput output) {
        String token = TestJwts.hmac(TestJwts.header("HS256"), claims("secret", UUID.randomUUID().toString()),
                "HmacSHA256", NEW_SECRET.getBytes(StandardCharsets.UTF_8));

        Page refused = new ApiClient(this.port).reservations(token);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).hasValue(BearerChallenge.INVALID_TOKEN);
        assertThat(output).contains("Bearer token refused for GET /reservation: no kid in the header");
    }

    @Test
    void pageWhenAccessCookieOfADroppedKeyThenRenewedInTheSamePageLoad() {
        CookieJarClient browser = CookieJarClient.signedIn(this.port, "secret", "secret");
        String sessionId = (String) TestJwts.decodePart(browser.cookie("accessToken").orElseThrow(), 1).get("sid");
        browser.setCookie("accessToken", token("2025-07", DROPPED_SECRET, "secret", sessionId));

        Page flights = browser.get("/flights");

        assertThat(flights.status()).isEqualTo(200);
        assertThat(flights.body()).contains("Ada Lovelace");
        String renewed = browser.cookie("accessToken").orElseThrow();
        assertThat(TestJwts.decodePart(renewed, 0)).containsEntry("kid", "2026-07");
        assertThat(TestJwts.decodePart(renewed, 1)).containsEntry("sid", sessionId);
    }

    /** A token as a deployment with the given key would have signed it, valid now. */
    private String token(String kid, String secret, String username, String sessionId) {
        Map<String, Object> header = TestJwts.header("HS256");
        header.put("kid", kid);
        return TestJwts.hmac(header, claims(username, sessionId), "HmacSHA256",
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> claims(String username, String sessionId) {
        Instant now = this.clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "http://localhost:8080");
        claims.put("aud", "jwt-flights");
        claims.put("sub", username);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(60).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.of("USER"));
        claims.put("sid", sessionId);
        return claims;
    }

}
