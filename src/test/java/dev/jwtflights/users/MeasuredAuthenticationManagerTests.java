package dev.jwtflights.users;

import java.time.Duration;

import dev.jwtflights.throttle.LoginThrottledException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Each password sign-in lands in exactly one outcome of the timer, the answer passes through unchanged, and nothing of
 * the attempt (its username) becomes a tag.
 */
class MeasuredAuthenticationManagerTests {

    private static final Authentication ATTEMPT = UsernamePasswordAuthenticationToken.unauthenticated("alice", "pw");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final AuthenticationManager signIn = mock(AuthenticationManager.class);

    private final MeasuredAuthenticationManager measured = new MeasuredAuthenticationManager(this.signIn,
            this.registry);

    @Test
    void authenticateWhenTheCheckPassesThenSucceededAndTheResultReturned() {
        Authentication result = UsernamePasswordAuthenticationToken.authenticated("alice", null, null);
        given(this.signIn.authenticate(ATTEMPT)).willReturn(result);

        assertThat(this.measured.authenticate(ATTEMPT)).isSameAs(result);

        assertCounts(1, 0, 0, 0);
    }

    @Test
    void authenticateWhenTheCredentialsAreWrongThenFailedAndRethrown() {
        given(this.signIn.authenticate(ATTEMPT)).willThrow(new BadCredentialsException("bad"));

        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.measured.authenticate(ATTEMPT));

        assertCounts(0, 1, 0, 0);
    }

    @Test
    void authenticateWhenTheAccountIsDisabledThenFailed() {
        given(this.signIn.authenticate(ATTEMPT)).willThrow(new DisabledException("disabled"));

        assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> this.measured.authenticate(ATTEMPT));

        assertCounts(0, 1, 0, 0);
    }

    @Test
    void authenticateWhenThrottledThenThrottledAndRethrown() {
        given(this.signIn.authenticate(ATTEMPT)).willThrow(new LoginThrottledException(Duration.ofSeconds(12)));

        assertThatExceptionOfType(LoginThrottledException.class).isThrownBy(() -> this.measured.authenticate(ATTEMPT));

        assertCounts(0, 0, 1, 0);
    }

    @Test
    void authenticateWhenTheCheckCannotBeMadeThenErrorAndRethrown() {
        given(this.signIn.authenticate(ATTEMPT)).willThrow(new AuthenticationServiceException("database down"));

        assertThatExceptionOfType(AuthenticationServiceException.class)
            .isThrownBy(() -> this.measured.authenticate(ATTEMPT));

        assertCounts(0, 0, 0, 1);
    }

    @Test
    void authenticateWhenNotAPasswordAttemptThenPassedOnUnmeasured() {
        Authentication other = new TestingAuthenticationToken("alice", null);
        given(this.signIn.authenticate(other)).willReturn(other);

        assertThat(this.measured.authenticate(other)).isSameAs(other);

        assertCounts(0, 0, 0, 0);
    }

    @Test
    void metersWhenRegisteredThenEveryOutcomeAtZeroAndNoOtherTag() {
        assertCounts(0, 0, 0, 0);
        assertThat(this.registry.find(MeasuredAuthenticationManager.METER).timers())
            .allSatisfy((timer) -> assertThat(timer.getId().getTags()).singleElement()
                .satisfies((tag) -> assertThat(tag.getKey()).isEqualTo("outcome")));
    }

    private void assertCounts(long succeeded, long failed, long throttled, long error) {
        assertThat(count("succeeded")).as("succeeded").isEqualTo(succeeded);
        assertThat(count("failed")).as("failed").isEqualTo(failed);
        assertThat(count("throttled")).as("throttled").isEqualTo(throttled);
        assertThat(count("error")).as("error").isEqualTo(error);
    }

    private long count(String outcome) {
        Timer timer = this.registry.get(MeasuredAuthenticationManager.METER).tag("outcome", outcome).timer();
        return timer.count();
    }

}
