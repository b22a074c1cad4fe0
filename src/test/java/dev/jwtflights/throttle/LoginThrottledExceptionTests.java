package dev.jwtflights.throttle;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait a throttled sign-in is told, in whole seconds.
 */
class LoginThrottledExceptionTests {

    @ParameterizedTest
    @CsvSource({ "PT12S, 12", "PT11.000000001S, 12", "PT0.001S, 1", "PT0S, 1", "PT1M, 60" })
    void retryAfterSecondsThenRoundedUpAndAtLeastOne(Duration wait, long seconds) {
        assertThat(new LoginThrottledException(wait).retryAfterSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @CsvSource({ "PT12S" })
    void messageThenSaysNothingOfTheUsername(Duration wait) {
        assertThat(new LoginThrottledException(wait)).hasMessage("Too many failed sign-ins; try again later");
    }

}
