package dev.jwtflights.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text typed by clients is made harmless before it goes into a log line.
 */
class LogSafeTests {

    @Test
    void textWithLineBreaksThenNoNewLogLineCanBeForged() {
        assertThat(LogSafe.text("alice\r\nINFO forged line")).isEqualTo("alice??INFO forged line");
    }

    @Test
    void textWithUnicodeSeparatorsAndFormatCharactersThenReplaced() {
        assertThat(LogSafe.text("a\u2028b\u2029c\u0085d\u202Ee\u200Bf")).isEqualTo("a?b?c?d?e?f");
    }

    @Test
    void textLongerThanTheLimitThenShortened() {
        assertThat(LogSafe.text("x".repeat(500))).hasSize(103).endsWith("...");
    }

    @Test
    void textWithALimitOfItsOwnThenShortenedThereAndStillSafe() {
        assertThat(LogSafe.text("a\n" + "x".repeat(100), 64)).isEqualTo("a?" + "x".repeat(62) + "...");
        assertThat(LogSafe.text("x".repeat(64), 64)).isEqualTo("x".repeat(64));
    }

    @Test
    void textNullThenEmpty() {
        assertThat(LogSafe.text(null)).isEmpty();
    }

}
