package dev.jwtflights.oauth;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The token endpoint against password guessing, with the default limits (5 failed sign-ins per username and 30 per
 * address, per minute): a throttled password grant is a 429 with {@code Retry-After} and an OAuth error, before its
 * password is checked, the same for an unknown username; the refresh grant takes no password and is not throttled.
 * Each test signs in from an address of its own.
 */
@SpringBootTest(properties = { "app.throttle.failures-per-username=5", "app.throttle.failures-per-ip=30",
        "app.throttle.window=1m" })
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class TokenEndpointThrottleIntegrationTests {

    private static final String THROTTLED_12_SECONDS = "{\"error\":\"temporarily_unavailable\","
            + "\"error_description\":\"Too many failed sign-ins: try again in 12 seconds\"}";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MutableClock clock;

    @MockitoSpyBean
    private PasswordEncoder passwordEncoder;

    private MvcTestResult passwordGrant(String username, String password, String address) {
        return this.mvc.post()
            .uri("/api/auth/token")
            .with(from(address))
            .contentType(MediaType.APPLICATION_JSON)
            .content(this.json.writeValueAsString(Map.of("username", username, "password", password)))
            .exchange();
    }

    private MvcTestResult passwordGrantAsForm(String username, String password, String address) {
        return this.mvc.post()
            .uri("/api/auth/token")
            .with(from(address))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .param("grant_type", "password")
            .param("username", username)
            .param("password", password)
            .exchange();
    }

    private static String content(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        }
        catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RequestPostProcessor from(String address) {
        return (request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void failTimes(int times, String username, String address) {
        IntStream.range(0, times)
            .forEach((i) -> assertThat(passwordGrant(username, "wrong", address)).hasStatus(HttpStatus.BAD_REQUEST));
    }

    private List<String> answers(int attempts, String username, String address) {
        return IntStream.range(0, attempts).mapToObj((i) -> {
            MvcTestResult result = passwordGrant(username, "wrong", address);
            return result.getResponse().getStatus() + " " + result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)
                    + " " + content(result);
        }).toList();
    }

    @Test
    void tokenAfterFiveFailuresThen429WithRetryAfterAndTheRightPasswordIsNotChecked() {
        String user = TestUsers.create(this.jdbc, "USER");
        failTimes(5, user, "203.0.113.11");
        clearInvocations(this.passwordEncoder);

        MvcTestResult result = passwordGrant(user, TestUsers.passwordOf(user), "203.0.113.11");

        assertThat(result).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .bodyJson()
            .isStrictlyEqualTo(THROTTLED_12_SECONDS);
        assertThat(result).headers().hasSingleValue(HttpHeaders.RETRY_AFTER, "12")
            .hasSingleValue(HttpHeaders.CACHE_CONTROL, "no-store")
            .hasSingleValue(HttpHeaders.PRAGMA, "no-cache");
        then(this.passwordEncoder).shouldHaveNoInteractions();
    }

    @Test
    void tokenAsAFormThenCountedAndThrottledAsJson() {
        String user = TestUsers.create(this.jdbc, "USER");
        failTimes(3, user, "203.0.113.12");
        IntStream.range(0, 2).forEach((i) -> assertThat(passwordGrantAsForm(user, "wrong", "203.0.113.12"))
            .hasStatus(HttpStatus.BAD_REQUEST));

        MvcTestResult result = passwordGrantAsForm(user, TestUsers.passwordOf(user), "203.0.113.12");

        assertThat(result).hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyJson().isStrictlyEqualTo(THROTTLED_12_SECONDS);
        assertThat(result).headers().hasSingleValue(HttpHeaders.RETRY_AFTER, "12");
    }

    @Test
    void tokenAndTheLoginFormThenOneThrottleForBoth() {
        String user = TestUsers.create(this.jdbc, "USER");
        failTimes(5, user, "203.0.113.13");

        MvcTestResult page = this.mvc.post()
            .uri("/login")
            .with(csrf())
            .with(from("198.51.100.13"))
            .param("username", user)
            .param("password", TestUsers.passwordOf(user))
            .exchange();

        assertThat(page).hasRedirectedUrl("/login?throttled=12");
    }

    @Test
    void tokenWhenTheUsernameIsUnknownThenThrottledExactlyAsAKnownOne() {
        String known = TestUsers.create(this.jdbc, "USER");

        clearInvocations(this.passwordEncoder);
        List<String> knownAnswers = answers(7, known, "203.0.113.14");
        then(this.passwordEncoder).should(times(5)).matches(any(), any());
        clearInvocations(this.passwordEncoder);
        List<String> unknownAnswers = answers(7, "nobody-" + known, "203.0.113.15");
        then(this.passwordEncoder).should(times(5)).matches(any(), any());

        assertThat(knownAnswers).isEqualTo(unknownAnswers).startsWith("400 null {\"error\":\"invalid_grant\"}")
            .endsWith("429 12 " + THROTTLED_12_SECONDS);
    }

    @Test
    void tokenWhenAnotherUserIsThrottledThenTheRightPasswordOfThisOneIsAccepted() {
        String attacked = TestUsers.create(this.jdbc, "USER");
        String other = TestUsers.create(this.jdbc, "USER");
        failTimes(5, attacked, "203.0.113.16");

        assertThat(passwordGrant(other, TestUsers.passwordOf(other), "203.0.113.16")).hasStatusOk();
    }

    @Test
    void tokenWhenTheWaitIsOverThenTheRightPasswordIsAccepted() {
        String user = TestUsers.create(this.jdbc, "USER");
        failTimes(5, user, "203.0.113.17");

        this.clock.advance(Duration.ofSeconds(12));

        assertThat(passwordGrant(user, TestUsers.passwordOf(user), "203.0.113.17")).hasStatusOk();
    }

    @Test
    void tokenAfterThirtyFailuresFromOneAddressThenThrottledThereButTheRefreshGrantIsNot() {
        String user = TestUsers.create(this.jdbc, "USER");
        MvcTestResult signedIn = passwordGrant(user, TestUsers.passwordOf(user), "203.0.113.18");
        String refreshToken = (String) this.json.readValue(content(signedIn), Map.class)
            .get("refresh_token");
        IntStream.range(0, 30).forEach((i) -> failTimes(1, user + "-typo-" + i, "203.0.113.18"));

        assertThat(passwordGrant(user, TestUsers.passwordOf(user), "203.0.113.18"))
            .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(passwordGrant(user, TestUsers.passwordOf(user), "198.51.100.18")).hasStatusOk();
        assertThat(this.mvc.post()
            .uri("/api/auth/token")
            .with(from("203.0.113.18"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .param("grant_type", "refresh_token")
            .param("refresh_token", refreshToken)
            .exchange()).hasStatusOk();
    }

}
