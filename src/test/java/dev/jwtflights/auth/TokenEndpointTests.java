package dev.jwtflights.auth;

import java.time.Instant;
import java.util.UUID;

import dev.jwtflights.system.StrictJsonConfiguration;
import dev.jwtflights.system.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * What the token endpoints do when something fails inside them: the client gets the ordinary answer, never a 500,
 * and the log gets the reason, never a token or a password.
 */
@WebMvcTest(TokenEndpoint.class)
@Import({ SecurityConfiguration.class, TokenService.class, SessionTokens.class, StrictJsonConfiguration.class,
        TestClockConfiguration.class })
@EnableConfigurationProperties(JwtProperties.class)
@ExtendWith(OutputCaptureExtension.class)
class TokenEndpointTests {

    private static final String REFRESH_TOKEN = "kX3rFQy7v2Zp0mJb8cN1sWq4tLh6uEoA9dG5iRfYzC0";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private UserDetailsService users;

    @MockitoBean
    private RefreshTokenService refreshTokens;

    @MockitoBean
    private BrowserSession browserSession;

    @Test
    void tokenWhenUserLookupFailsThenInvalidGrant(CapturedOutput output) {
        given(this.users.loadUserByUsername("secret")).willThrow(new DataAccessResourceFailureException("down"));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
        assertThat(output).contains("could not be checked").doesNotContain("the-password");
    }

    @Test
    void tokenWhenSessionCannotBeStoredThenInvalidGrant(CapturedOutput output) {
        given(this.users.loadUserByUsername("secret")).willReturn(User.withUsername("secret")
            .password(new BCryptPasswordEncoder().encode("the-password"))
            .roles("USER")
            .build());
        given(this.refreshTokens.startSession("secret")).willThrow(new DataAccessResourceFailureException("down"));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
        assertThat(output).contains("could not start a session").doesNotContain("the-password");
    }

    @Test
    void tokenWhenSignedInThenSessionStartedForTheAuthenticatedName() {
        given(this.users.loadUserByUsername("secret")).willReturn(User.withUsername("secret")
            .password(new BCryptPasswordEncoder().encode("the-password"))
            .roles("USER")
            .build());
        given(this.refreshTokens.startSession("secret"))
            .willReturn(new IssuedRefreshToken(REFRESH_TOKEN, UUID.randomUUID().toString(), Instant.MAX));

        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"the-password\"}");

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.refresh_token").isEqualTo(REFRESH_TOKEN);
        then(this.refreshTokens).should().startSession("secret");
    }

    @Test
    void refreshWhenDatabaseFailsThenInvalidGrant(CapturedOutput output) {
        given(this.refreshTokens.rotate(anyString())).willThrow(new DataAccessResourceFailureException("down"));

        MvcTestResult result = post("/api/auth/refresh", "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
        assertThat(output).contains("Refresh failed").doesNotContain(REFRESH_TOKEN);
    }

    @Test
    void refreshWhenRotationRefusedThenInvalidGrantWhateverTheReason() {
        for (RefreshFailure reason : RefreshFailure.values()) {
            given(this.refreshTokens.rotate(REFRESH_TOKEN)).willReturn(new RefreshOutcome.Refused(reason));

            MvcTestResult result = post("/api/auth/refresh", "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");

            assertThat(result).as(reason.name())
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
        }
    }

    @Test
    void revokeWhenDatabaseFailsThenStillOk(CapturedOutput output) {
        given(this.refreshTokens.revokeSessionOf(REFRESH_TOKEN)).willThrow(new DataAccessResourceFailureException("down"));

        MvcTestResult result = post("/api/auth/revoke", "{\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");

        assertThat(result).hasStatusOk();
        assertThat(output).contains("Revocation failed").doesNotContain(REFRESH_TOKEN);
    }

    private MvcTestResult post(String path, String content) {
        return this.mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(content).exchange();
    }

}
