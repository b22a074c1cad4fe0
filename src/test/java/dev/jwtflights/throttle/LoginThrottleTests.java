package dev.jwtflights.throttle;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.jwtflights.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule against password guessing, with the default limits (5 failures per username, 30 per address, per minute)
 * and a clock the tests move.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

    private static final ThrottleProperties DEFAULTS = new ThrottleProperties(5, 30, Duration.ofMinutes(1), 10_000);

    /** With a limit of 5 per minute, one failure more is allowed every 12 seconds. */
    private static final Duration ONE_TOKEN = Duration.ofSeconds(12);

    private static final String HOME = "203.0.113.7";

    private static final String ELSEWHERE = "198.51.100.9";

    private final MutableClock clock = MutableClock.startingNow();

    private final LoginThrottle throttle = new LoginThrottle(DEFAULTS, this.clock);

    /** One attempt whose password check fails; asserts that it was allowed. */
    private void fail(String username, String address) {
        assertThat(this.throttle.acquire(username, address)).as("attempt of %s from %s", username, address).isEmpty();
        this.throttle.failed(username, address);
    }

    private void failTimes(int times, String username, String address) {
        IntStream.range(0, times).forEach((i) -> fail(username, address));
    }

    @Test
    void acquireAfterFiveFailuresOfAUsernameThenRefusedForTwelveSeconds() {
        failTimes(5, "alice", HOME);

        assertThat(this.throttle.acquire("alice", HOME)).contains(ONE_TOKEN);
    }

    @Test
    void acquireWhenRefusedThenTakesNothingAndTheWaitShrinksWithTheClock() {
        failTimes(5, "alice", HOME);
        this.throttle.acquire("alice", HOME);
        this.clock.advance(Duration.ofSeconds(5));

        assertThat(this.throttle.acquire("alice", HOME)).contains(Duration.ofSeconds(7));
        this.clock.advance(Duration.ofSeconds(7));
        assertThat(this.throttle.acquire("alice", HOME)).isEmpty();
    }

    @Test
    void acquireAfterTheWaitThenOneMoreAttemptEveryTwelveSeconds() {
        failTimes(5, "alice", HOME);

        this.clock.advance(ONE_TOKEN);
        fail("alice", HOME);
        assertThat(this.throttle.acquire("alice", HOME)).contains(ONE_TOKEN);
    }

    @Test
    void acquireAWholeMinuteAfterTheLastFailureThenFiveAttemptsAgain() {
        failTimes(5, "alice", HOME);

        this.clock.advance(Duration.ofMinutes(1));
        failTimes(5, "alice", HOME);
        assertThat(this.throttle.acquire("alice", HOME)).isPresent();
    }

    @Test
    void acquireWhenEarlierAttemptsSucceededThenTheyDidNotCount() {
        IntStream.range(0, 50).forEach((i) -> {
            assertThat(this.throttle.acquire("alice", HOME)).isEmpty();
            this.throttle.release("alice", HOME);
        });

        failTimes(5, "alice", HOME);
        assertThat(this.throttle.acquire("alice", HOME)).isPresent();
    }

    @Test
    void acquireWhileFiveChecksAreStillRunningThenASixthIsRefused() {
        IntStream.range(0, 5).forEach((i) -> assertThat(this.throttle.acquire("alice", HOME)).isEmpty());

        assertThat(this.throttle.acquire("alice", HOME)).isPresent();
    }

    @Test
    void acquireWhenAnotherUsernameIsThrottledThenThisOneIsNot() {
        failTimes(5, "alice", HOME);

        assertThat(this.throttle.acquire("bob", HOME)).isEmpty();
    }

    @Test
    void acquireWhenTheUsernameIsThrottledThenAlsoFromAnotherAddress() {
        failTimes(5, "alice", HOME);

        assertThat(this.throttle.acquire("alice", ELSEWHERE)).contains(ONE_TOKEN);
    }

    @Test
    void acquireAfterThirtyFailuresFromOneAddressThenRefusedForAnyUsernameButNotFromElsewhere() {
        IntStream.range(0, 30).forEach((i) -> fail("user-" + i, HOME));

        assertThat(this.throttle.acquire("someone-new", HOME)).contains(Duration.ofSeconds(2));
        assertThat(this.throttle.acquire("someone-new", ELSEWHERE)).isEmpty();
    }

    @Test
    void acquireWhenBothAreThrottledThenTheLongerWait() {
        failTimes(5, "alice", HOME);
        IntStream.range(0, 25).forEach((i) -> fail("user-" + i, HOME));

        assertThat(this.throttle.acquire("alice", HOME)).contains(ONE_TOKEN);
    }

    @Test
    void acquireWhenTheUsernameIsThrottledThenTheAddressKeepsItsToken() {
        failTimes(5, "alice", HOME);
        IntStream.range(0, 20).forEach((i) -> this.throttle.acquire("alice", HOME));

        // 5 failures of alice, and her 20 refused attempts took nothing: 25 more failures from HOME are allowed.
        IntStream.range(0, 25).forEach((i) -> fail("user-" + i, HOME));
        assertThat(this.throttle.acquire("another", HOME)).isPresent();
    }

    @Test
    void acquireWhenTheUsernameHasSpacesAroundThenTheSameBucketAsWithout() {
        failTimes(3, " alice", HOME);
        failTimes(2, "alice\t", HOME);

        assertThat(this.throttle.acquire("alice", HOME)).isPresent();
    }

    @Test
    void acquireWhenTheUsernameDiffersInCaseThenAnotherBucketAsTheLoginComparesThemSo() {
        failTimes(5, "alice", HOME);

        assertThat(this.throttle.acquire("Alice", HOME)).isEmpty();
    }

    @Test
    void acquireWhenUsernamesAreLongerThanAnyUserThenCutAtTheLongest() {
        String longest = "a".repeat(LoginThrottle.MAX_USERNAME);
        failTimes(5, longest + "-first", HOME);

        assertThat(this.throttle.acquire(longest + "-second", HOME)).isPresent();
        assertThat(LoginThrottle.usernameKey(longest + "-more")).hasSize(LoginThrottle.MAX_USERNAME);
    }

    @Test
    void acquireWhenIpv6AddressesShareASlash64ThenTheyShareABucket() {
        IntStream.range(0, 30).forEach((i) -> fail("user-" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1)));

        assertThat(this.throttle.acquire("someone-new", "2001:db8:1:2:ffff::1")).isPresent();
        assertThat(this.throttle.acquire("someone-new", "2001:db8:1:3::1")).isEmpty();
    }

    @Test
    void acquireWithoutAnAddressThenAllSuchAttemptsShareOneBucket() {
        IntStream.range(0, 30).forEach((i) -> fail("user-" + i, null));

        assertThat(this.throttle.acquire("someone-new", "")).isPresent();
    }

    @Test
    void trackedWhenManyUsernamesAndAddressesFailThenAtMostMaxTrackedAreRemembered() {
        LoginThrottle small = new LoginThrottle(new ThrottleProperties(5, 30, Duration.ofMinutes(1), 100),
                this.clock);

        IntStream.range(0, 1_000).forEach((i) -> {
            small.acquire("user-" + i, "10.0." + (i / 256) + "." + (i % 256));
            small.failed("user-" + i, "10.0." + (i / 256) + "." + (i % 256));
        });

        assertThat(small.trackedUsernames()).isLessThanOrEqualTo(100);
        assertThat(small.trackedAddresses()).isLessThanOrEqualTo(100);
    }

    @Test
    void acquireWhenTheAddressIsThrottledThenNoUsernameIsRememberedSoNoneCanBePushedOut() {
        LoginThrottle small = new LoginThrottle(new ThrottleProperties(5, 30, Duration.ofMinutes(1), 100), this.clock);
        IntStream.range(0, 5).forEach((i) -> {
            small.acquire("alice", HOME);
            small.failed("alice", HOME);
        });

        // One address may try 30 usernames a minute: a flood of new ones from it leaves almost no trace.
        IntStream.range(0, 1_000).forEach((i) -> {
            small.acquire("user-" + i, HOME);
            small.failed("user-" + i, HOME);
        });

        assertThat(small.trackedUsernames()).isEqualTo(26);
        assertThat(small.acquire("alice", ELSEWHERE)).isPresent();
    }

    @Test
    void trackedAWindowAfterTheLastAttemptThenForgotten() {
        failTimes(5, "alice", HOME);
        assertThat(this.throttle.trackedUsernames()).isOne();

        this.clock.advance(Duration.ofMinutes(1));
        assertThat(this.throttle.trackedUsernames()).isZero();
        assertThat(this.throttle.trackedAddresses()).isZero();
    }

    @Test
    void failedWhenALimitIsReachedThenOneWarningNamingTheUsernameAndTheAddress(CapturedOutput output) {
        failTimes(4, "alice", HOME);
        assertThat(output).doesNotContain("throttled");

        fail("alice", HOME);
        IntStream.range(0, 3).forEach((i) -> this.throttle.acquire("alice", HOME));
        assertThat(output).contains("WARN");
        assertThat(output.getOut().split("Sign-ins of user 'alice' are throttled: 5 failed within PT1M", -1))
            .hasSize(2);

        IntStream.range(0, 25).forEach((i) -> fail("user-" + i, HOME));
        assertThat(output).contains("Sign-ins from " + HOME + " are throttled: 30 failed within PT1M");
    }

    @Test
    void failedWhenTheUsernameHasALineBreakThenItCannotForgeALogLine(CapturedOutput output) {
        failTimes(5, "x\nFAKE LINE", HOME);

        assertThat(output).contains("user 'x?FAKE LINE'").doesNotContain("x\nFAKE LINE");
    }

    @Test
    void acquireWhenRefusedThenTheWaitIsAtMostOneTokenAndAlwaysPositive() {
        failTimes(5, "alice", HOME);
        this.clock.advance(Duration.ofMillis(11_999));

        Optional<Duration> wait = this.throttle.acquire("alice", HOME);
        assertThat(wait).contains(Duration.ofMillis(1));
        assertThat(new LoginThrottledException(wait.get()).retryAfterSeconds()).isOne();
    }

}
