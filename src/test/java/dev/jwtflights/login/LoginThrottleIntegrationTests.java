package dev.jwtflights.login;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * The login form against password guessing, with the default limits (5 failed sign-ins per username and 30 per
 * address, per minute): the page says how long to wait, the password of a throttled attempt is never checked, and an
 * unknown username is throttled exactly as a known one. Each test signs in from an address of its own.
 */
@SpringBootTest(properties = { "app.throttle.failures-per-username=5", "app.throttle.failures-per-ip=30",
        "app.throttle.window=1m" })
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class LoginThrottleIntegrationTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MutableClock clock;

    @MockitoSpyBean
    private PasswordEncoder passwordEncoder;

    private MvcTestResult logIn(String username, String password, String address) {
        return this.mvc.post()
            .uri("/login")
            .with(csrf())
            .with(from(address))
            .param("username", username)
            .param("password", password)
            .exchange();
    }

    private static RequestPostProcessor from(String address) {
        return (request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private List<String> redirectsOf(int attempts, String username, String password, String address) {
        return IntStream.range(0, attempts)
            .mapToObj((i) -> logIn(username, password, address).getResponse().getRedirectedUrl())
            .toList();
    }

    @Test
    void loginAfterFiveFailuresThenTheLoginPageSaysHowLongToWaitAndThePasswordIsNotChecked() {
        String user = TestUsers.create(this.jdbc, "USER");
        redirectsOf(5, user, "wrong", "203.0.113.1");
        clearInvocations(this.passwordEncoder);

        MvcTestResult throttled = logIn(user, TestUsers.passwordOf(user), "203.0.113.1");

        assertThat(throttled).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?throttled=12");
        assertThat(throttled).headers().doesNotContainHeader(HttpHeaders.SET_COOKIE);
        then(this.passwordEncoder).shouldHaveNoInteractions();
        assertThat(this.mvc.get().uri("/login?throttled=12")).hasStatusOk()
            .bodyText()
            .contains("Too many failed attempts. Try again in 12 seconds.")
            .doesNotContain(user);
    }

    @Test
    void loginWhenTheWaitIsOverThenTheRightPasswordSignsIn() {
        String user = TestUsers.create(this.jdbc, "USER");
        redirectsOf(5, user, "wrong", "203.0.113.2");

        this.clock.advance(Duration.ofSeconds(12));

        assertThat(logIn(user, TestUsers.passwordOf(user), "203.0.113.2")).hasRedirectedUrl("/flights");
    }

    @Test
    void loginWhenAnotherUserIsThrottledThenTheRightPasswordOfThisOneSignsInFromTheSameAddress() {
        String attacked = TestUsers.create(this.jdbc, "USER");
        String other = TestUsers.create(this.jdbc, "USER");
        redirectsOf(6, attacked, "wrong", "203.0.113.3");

        assertThat(logIn(other, TestUsers.passwordOf(other), "203.0.113.3")).hasRedirectedUrl("/flights");
    }

    @Test
    void loginWhenTheUsernameIsUnknownThenThrottledExactlyAsAKnownOne() {
        String known = TestUsers.create(this.jdbc, "USER");
        String unknown = "nobody-" + known;

        clearInvocations(this.passwordEncoder);
        List<String> knownAnswers = redirectsOf(7, known, "wrong", "203.0.113.4");
        then(this.passwordEncoder).should(times(5)).matches(any(), any());
        clearInvocations(this.passwordEncoder);
        List<String> unknownAnswers = redirectsOf(7, unknown, "wrong", "203.0.113.5");
        then(this.passwordEncoder).should(times(5)).matches(any(), any());

        assertThat(knownAnswers).isEqualTo(unknownAnswers)
            .containsExactly("/login?error", "/login?error", "/login?error", "/login?error", "/login?error",
                    "/login?throttled=12", "/login?throttled=12");
    }

    @Test
    void loginAfterThirtyFailuresFromOneAddressThenEveryUsernameFromItWaitsButNotFromAnother() {
        String user = TestUsers.create(this.jdbc, "USER");
        IntStream.range(0, 30).forEach((i) -> logIn(user + "-typo-" + i, "wrong", "203.0.113.6"));

        assertThat(logIn(user, TestUsers.passwordOf(user), "203.0.113.6")).hasRedirectedUrl("/login?throttled=2");
        assertThat(logIn(user, TestUsers.passwordOf(user), "198.51.100.6")).hasRedirectedUrl("/flights");
    }

    @Test
    void loginWhenSuccessfulThenItDoesNotCount() {
        String user = TestUsers.create(this.jdbc, "USER");
        assertThat(redirectsOf(8, user, TestUsers.passwordOf(user), "203.0.113.7")).containsOnly("/flights");

        assertThat(redirectsOf(6, user, "wrong", "203.0.113.7")).endsWith("/login?error", "/login?throttled=12");
    }

}
