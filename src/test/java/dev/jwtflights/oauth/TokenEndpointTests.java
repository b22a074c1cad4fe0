package dev.jwtflights.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.jwtflights.sessions.IssuedRefreshToken;
import dev.jwtflights.sessions.Refusal;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.sessions.TokenGrant;
import dev.jwtflights.sessions.TokenPair;
import dev.jwtflights.system.Client;
import dev.jwtflights.test.WebSecurityTestConfiguration;
import dev.jwtflights.tokens.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * What the token endpoints answer for each answer of the password check and of the sessions: the client gets the
 * ordinary answer, never a 500, and the log gets the reason, never a token or a password. (That a failure inside the
 * sessions is answered as a refusal is the sessions' own rule, tested there.)
 */
@WebMvcTest(TokenEndpoint.class)
@Import(WebSecurityTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class TokenEndpointTests {

    private static final String REFRESH_TOKEN = "kX3rFQy7v2Zp0mJb8cN1sWq4tLh6uEoA9dG5iRfYzC0";

    private static final String NEW_REFRESH_TOKEN = "Zp0mJb8cN1sWq4tLh6uEoA9dG5iRfYzC0kX3rFQy7v2";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private UserDetailsService users;

    @MockitoBean
    private Sessions sessions;

    @MockitoSpyBean
    private PasswordEncoder passwordEncoder;

    @Test
    void tokenWhenUserLookupFailsThenTemporarilyUnavailable(CapturedOutput output) {
        given(this.users.loadUserByUsername("secret")).willThrow(new DataAccessResourceFailureException("down"));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertUnavailable(result);
        assertThat(output).contains("could not be checked").doesNotContain("the-password");
        then(this.sessions).shouldHaveNoInteractions();
    }

    @Test
    void tokenWhenThePasswordCheckFailsUnexpectedlyThenTemporarilyUnavailable(CapturedOutput output) {
        givenUser("secret", "the-password");
        given(this.passwordEncoder.matches(any(), any())).willThrow(new IllegalStateException("encoder broken"));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertUnavailable(result);
        assertThat(output).contains("Token request could not be checked (IllegalStateException)");
        then(this.sessions).shouldHaveNoInteractions();
    }

    @Test
    void tokenWhenSessionRefusedThenInvalidGrant(CapturedOutput output) {
        givenUser("secret", "the-password");
        given(this.sessions.start(eq("secret"), any(Client.class)))
            .willReturn(new TokenGrant.Refused(Refusal.USER_DISABLED));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
        assertThat(output).doesNotContain("the-password");
    }

    @Test
    void tokenWhenSessionCouldNotStartThenTemporarilyUnavailable(CapturedOutput output) {
        givenUser("secret", "the-password");
        given(this.sessions.start(eq("secret"), any(Client.class))).willReturn(new TokenGrant.Refused(Refusal.ERROR));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertUnavailable(result);
        assertThat(output).doesNotContain("the-password");
    }

    @Test
    void refreshWhenSessionCouldNotBeRenewedThenTemporarilyUnavailable() {
        given(this.sessions.renew(eq(REFRESH_TOKEN), any(Client.class))).willReturn(new TokenGrant.Refused(Refusal.ERROR));

        assertUnavailable(post("/api/auth/refresh", "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}"));
    }

    /** A 503 that OAuth clients read as "try again later", never cached. */
    private static void assertUnavailable(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
            .hasHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .bodyJson()
            .extractingPath("$.error")
            .isEqualTo("temporarily_unavailable");
    }

    @Test
    void tokenWhenSignedInThenSessionStartedForTheAuthenticatedName() {
        givenUser("secret", "the-password");
        given(this.sessions.start(eq("secret"), any(Client.class))).willReturn(granted(REFRESH_TOKEN));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.refresh_token").isEqualTo(REFRESH_TOKEN);
        then(this.sessions).should().start(eq("secret"), any(Client.class));
    }

    @Test
    void refreshWhenRenewedThenTheNewTokens() {
        given(this.sessions.renew(eq(REFRESH_TOKEN), any(Client.class))).willReturn(granted(NEW_REFRESH_TOKEN));

        MvcTestResult result = post("/api/auth/refresh", "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.refresh_token").isEqualTo(NEW_REFRESH_TOKEN);
        assertThat(result).bodyJson().extractingPath("$.expires_in").isEqualTo(60);
    }

    @Test
    void refreshWhenRefusedThenInvalidGrantWhateverTheReason() {
        for (Refusal reason : EnumSet.complementOf(EnumSet.of(Refusal.ERROR))) {
            given(this.sessions.renew(eq(REFRESH_TOKEN), any(Client.class))).willReturn(new TokenGrant.Refused(reason));

            MvcTestResult result = post("/api/auth/refresh", "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");

            assertThat(result).as(reason.name())
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
        }
    }

    @Test
    void revokeWhenNothingWasLeftToRevokeThenOk() {
        given(this.sessions.revoke(eq(REFRESH_TOKEN), any(Client.class))).willReturn(true);

        MvcTestResult result = post("/api/auth/revoke", "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");

        assertThat(result).hasStatusOk();
        then(this.sessions).should().revoke(eq(REFRESH_TOKEN), any(Client.class));
    }

    @Test
    void revokeWhenItFailedThenTemporarilyUnavailableAndNoStore() {
        given(this.sessions.revoke(eq(REFRESH_TOKEN), any(Client.class))).willReturn(false);

        MvcTestResult result = post("/api/auth/revoke", "{\"token\":\"" + REFRESH_TOKEN + "\"}");

        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
            .bodyJson()
            .extractingPath("$.error")
            .isEqualTo("temporarily_unavailable");
        assertThat(result).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private void givenUser(String username, String password) {
        given(this.users.loadUserByUsername(username)).willReturn(User.withUsername(username)
            .password(new BCryptPasswordEncoder().encode(password))
            .roles("USER")
            .build());
    }

    private static TokenGrant granted(String refreshToken) {
        Instant now = Instant.now();
        String sessionId = UUID.randomUUID().toString();
        AccessToken access = new AccessToken("header.claims.signature", UUID.randomUUID().toString(), "secret",
                sessionId, List.of("USER"), now, now.plus(Duration.ofMinutes(1)));
        return new TokenGrant.Granted(new TokenPair(access, new IssuedRefreshToken(refreshToken, sessionId,
                now.plus(Duration.ofDays(7)))));
    }

    private MvcTestResult post(String path, String content) {
        return this.mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(content).exchange();
    }

}
