package dev.jwtflights.sessions;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.tokens.SignInMethod;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.reset;

/**
 * A database failure inside a login or a refresh is answered as an ordinary failed login or refresh; a revocation
 * that fails says so (503), rather than pretend the session ended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class SessionFailureIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @MockitoSpyBean
    private RefreshTokenService refreshTokens;

    @AfterEach
    void restore() {
        reset(this.refreshTokens);
    }

    @Test
    void loginWhenTheSessionCannotBeStoredThenLoginFailedWithoutCookies() {
        willThrow(new DataIntegrityViolationException("duplicate token_hash")).given(this.refreshTokens)
            .start(anyString(), any(SignInMethod.class), any());
        CookieJarClient browser = new CookieJarClient(this.port);

        Page answer = browser.logIn("secret", "secret");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.cookie("accessToken")).isEmpty();
        assertThat(browser.cookie("refreshToken")).isEmpty();
        assertThat(browser.follow(answer).body()).contains("Login failed").doesNotContain("token_hash");
    }

    @Test
    void refreshWhenTheDatabaseFailsThenThe503PageAndTheSessionIsKeptForLater() {
        CookieJarClient browser = new CookieJarClient(this.port);
        browser.logIn("secret", "secret");
        willThrow(new DataAccessResourceFailureException("database down")).given(this.refreshTokens)
            .rotate(anyString(), any());
        this.clock.advance(Duration.ofSeconds(61));

        String refreshToken = browser.cookie("refreshToken").orElseThrow();

        Page answer = browser.get("/flights", "Accept", "text/html");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("try again in a moment").doesNotContain("Exception");
        assertThat(browser.cookie("refreshToken")).hasValue(refreshToken);
        reset(this.refreshTokens);
        assertThat(browser.get("/flights").status()).as("renewed once the database is back").isEqualTo(200);
    }

    @Test
    void logoutWhenTheDatabaseFailsThenStillSignedOutInThisBrowser() {
        CookieJarClient browser = new CookieJarClient(this.port);
        browser.logIn("secret", "secret");
        Page flights = browser.get("/flights");
        willThrow(new DataAccessResourceFailureException("database down")).given(this.refreshTokens)
            .signOut(anyString(), any());

        Page answer = browser.submit(flights, "/logout", java.util.Map.of());

        assertThat(answer.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
        assertThat(browser.cookie("accessToken")).isEmpty();
        assertThat(browser.cookie("refreshToken")).isEmpty();
    }

    @Test
    void revokeEndpointWhenTheDatabaseFailsThenTemporarilyUnavailableAndTheTokenStillRenews() {
        ApiClient api = new ApiClient(this.port);
        ApiSession session = api.logIn("secret", "secret");
        willThrow(new DataAccessResourceFailureException("database down")).given(this.refreshTokens)
            .signOut(anyString(), any());

        Page answer = api.post("/api/auth/revoke", java.util.Map.of("token", session.refreshToken()));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("\"error\":\"temporarily_unavailable\"");
        reset(this.refreshTokens);
        assertThat(api.renew(session.refreshToken()).sessionId()).as("nothing was revoked")
            .isEqualTo(session.sessionId());
    }

}
