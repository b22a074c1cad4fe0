package dev.jwtflights.tokens;

import java.time.Duration;
import java.util.List;

import dev.jwtflights.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The memory of verified access tokens: a token seen before is answered from it only while it is unexpired, only for
 * exactly the same text, and it holds a bounded number of tokens.
 */
class VerifiedTokensTests {

    private static final String SECRET = "a-test-secret-of-more-than-32-bytes!!";

    private final MutableClock clock = MutableClock.startingNow();

    private final TokenService tokenService = new TokenService(TokenServiceTests.properties(SECRET, Duration.ZERO),
            this.clock);

    @Test
    void verifyWhenSeenBeforeThenTheSameClaims() {
        AccessToken issued = this.tokenService.issue("secret", List.of("USER"), "session-1");

        AccessToken first = this.tokenService.verify(issued.value());
        AccessToken again = this.tokenService.verify(issued.value());

        assertThat(again).isEqualTo(first).isEqualTo(issued);
    }

    @Test
    void verifyWhenARememberedTokenHasExpiredThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "session-1").value();
        this.tokenService.verify(token);
        this.clock.advance(Duration.ofSeconds(59));
        this.tokenService.verify(token);

        this.clock.advance(Duration.ofSeconds(1));

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.tokenService.verify(token));
    }

    @Test
    void findWhenTheTokenHasExpiredThenNothingAndForgotten() {
        VerifiedTokens verified = new VerifiedTokens(10, this.clock, Duration.ZERO);
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        verified.add(token);

        this.clock.advance(Duration.ofSeconds(60));

        assertThat(verified.find(token.value())).isNull();
        assertThat(verified.size()).isZero();
    }

    @Test
    void findWhenTheTokenExpiresWithinTheClockSkewThenStillFoundUntilTheSkewEnds() {
        VerifiedTokens verified = new VerifiedTokens(10, this.clock, Duration.ofSeconds(30));
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        verified.add(token);

        this.clock.advance(Duration.ofSeconds(89));
        assertThat(verified.find(token.value())).isEqualTo(token);
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(verified.find(token.value())).isNull();
    }

    @Test
    void addWhenTheTokenHasAlreadyExpiredThenNotRemembered() {
        VerifiedTokens verified = new VerifiedTokens(10, this.clock, Duration.ZERO);
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        this.clock.advance(Duration.ofSeconds(60));

        verified.add(token);

        assertThat(verified.size()).isZero();
    }

    @Test
    void verifyWhenOneCharacterDiffersFromARememberedTokenThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "session-1").value();
        this.tokenService.verify(token);
        int inSignature = token.lastIndexOf('.') + 10;
        int inPayload = token.indexOf('.') + 10;

        assertThatExceptionOfType(InvalidTokenException.class)
            .isThrownBy(() -> this.tokenService.verify(changedAt(token, inSignature)));
        assertThatExceptionOfType(InvalidTokenException.class)
            .isThrownBy(() -> this.tokenService.verify(changedAt(token, inPayload)));
        assertThatExceptionOfType(InvalidTokenException.class)
            .isThrownBy(() -> this.tokenService.verify(token + "A"));
        assertThatExceptionOfType(InvalidTokenException.class)
            .isThrownBy(() -> this.tokenService.verify(token.substring(0, token.length() - 1)));
    }

    @Test
    void addWhenFullThenAtMostMaxSizeKept() {
        VerifiedTokens verified = new VerifiedTokens(3, this.clock, Duration.ZERO);

        for (int i = 0; i < 50; i++) {
            verified.add(this.tokenService.issue("user-" + i, List.of("USER"), "session-" + i));
        }

        assertThat(verified.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void verifyWhenMoreTokensThanRememberedThenEveryOneStillVerified() {
        TokenService small = new TokenService(TokenServiceTests.properties(SECRET, Duration.ZERO), this.clock, 2);
        List<AccessToken> issued = java.util.stream.IntStream.range(0, 20)
            .mapToObj((i) -> small.issue("user-" + i, List.of("USER"), "session-" + i))
            .toList();

        for (int round = 0; round < 2; round++) {
            for (AccessToken token : issued) {
                assertThat(small.verify(token.value())).isEqualTo(token);
            }
        }
    }

    private static String changedAt(String token, int index) {
        char replacement = (token.charAt(index) == 'A') ? 'B' : 'A';
        return token.substring(0, index) + replacement + token.substring(index + 1);
    }

}
