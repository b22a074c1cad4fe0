package dev.jwtflights.passkeys;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey's times are shown to the second, as the session pages show theirs.
 */
class PasskeyTests {

    @Test
    void timesWhenFractionsOfASecondThenCutToTheSecond() {
        Passkey passkey = new Passkey("id", "Laptop", Instant.parse("2026-11-30T14:27:06.031331Z"),
                Instant.parse("2026-11-30T15:00:00.999Z"));

        assertThat(passkey.createdAt()).isEqualTo(Instant.parse("2026-11-30T14:27:06Z"));
        assertThat(passkey.lastUsedAt()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }

    @Test
    void lastUsedWhenNeverThenStillNone() {
        assertThat(new Passkey("id", "Laptop", Instant.EPOCH, null).lastUsedAt()).isNull();
    }

}
