package dev.jwtflights.throttle;

import java.time.Duration;
import java.util.stream.IntStream;

import dev.jwtflights.test.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * The password check behind the throttle: what counts as a failure, and that a throttled attempt never reaches it.
 */
class ThrottledAuthenticationManagerTests {

    private static final String HOME = "203.0.113.7";

    private final MutableClock clock = MutableClock.startingNow();

    private final AuthenticationManager passwordCheck = mock(AuthenticationManager.class);

    private final AuthenticationManager manager = new LoginThrottle(
            new ThrottleProperties(5, 30, Duration.ofMinutes(1), 10_000), this.clock)
        .guard(this.passwordCheck);

    private static UsernamePasswordAuthenticationToken attempt(String username, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                "a-password");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    private void refuse(RuntimeException refusal, int times, String username, String address) {
        willThrow(refusal).given(this.passwordCheck).authenticate(any());
        IntStream.range(0, times).forEach((i) -> assertThatExceptionOfType(refusal.getClass())
            .isThrownBy(() -> this.manager.authenticate(attempt(username, address))));
    }

    @Test
    void authenticateAfterFiveWrongPasswordsThenThrottledWithoutCheckingThePassword() {
        refuse(new BadCredentialsException("Bad credentials"), 5, "alice", HOME);

        assertThatExceptionOfType(LoginThrottledException.class)
            .isThrownBy(() -> this.manager.authenticate(attempt("alice", HOME)))
            .satisfies((ex) -> assertThat(ex.retryAfter()).hasSeconds(12));
        then(this.passwordCheck).should(times(5)).authenticate(any());
    }

    @Test
    void authenticateWhenTheAccountIsDisabledThenCountsAsAFailureLikeAWrongPassword() {
        refuse(new DisabledException("User is disabled"), 5, "alice", HOME);

        assertThatExceptionOfType(LoginThrottledException.class)
            .isThrownBy(() -> this.manager.authenticate(attempt("alice", HOME)));
    }

    @Test
    void authenticateWhenThePasswordCouldNotBeCheckedThenItDoesNotCount() {
        refuse(new InternalAuthenticationServiceException("database down"), 10, "alice", HOME);

        willAnswer((invocation) -> invocation.getArgument(0)).given(this.passwordCheck).authenticate(any());
        assertThat(this.manager.authenticate(attempt("alice", HOME))).isNotNull();
    }

    @Test
    void authenticateWhenSuccessfulThenItDoesNotCount() {
        Authentication authenticated = UsernamePasswordAuthenticationToken.authenticated("alice", null, null);
        willReturn(authenticated).given(this.passwordCheck).authenticate(any());
        IntStream.range(0, 10).forEach((i) -> this.manager.authenticate(attempt("alice", HOME)));

        refuse(new BadCredentialsException("Bad credentials"), 5, "alice", HOME);
        assertThatExceptionOfType(LoginThrottledException.class)
            .isThrownBy(() -> this.manager.authenticate(attempt("alice", HOME)));
    }

    @Test
    void authenticateWhenTheAddressFailedTooOftenThenAnyUsernameFromItIsThrottledButNotFromElsewhere() {
        IntStream.range(0, 30)
            .forEach((i) -> refuse(new BadCredentialsException("Bad credentials"), 1, "user-" + i, HOME));

        assertThatExceptionOfType(LoginThrottledException.class)
            .isThrownBy(() -> this.manager.authenticate(attempt("someone-new", HOME)));
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.manager.authenticate(attempt("someone-new", "198.51.100.9")));
    }

    @Test
    void authenticateWithoutWebDetailsThenCountedUnderOneUnknownAddress() {
        willThrow(new BadCredentialsException("Bad credentials")).given(this.passwordCheck).authenticate(any());
        IntStream.range(0, 30).forEach((i) -> assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.manager
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("user-" + i, "pw"))));

        assertThatExceptionOfType(LoginThrottledException.class).isThrownBy(
                () -> this.manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("new", "pw")));
    }

    @Test
    void authenticateOtherKindsOfAuthenticationThenPassedOnUnthrottled() {
        willThrow(new BadCredentialsException("Bad credentials")).given(this.passwordCheck).authenticate(any());
        IntStream.range(0, 100).forEach((i) -> assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.manager.authenticate(new TestingAuthenticationToken("alice", "x"))));

        then(this.passwordCheck).should(times(100)).authenticate(any());
    }

}
