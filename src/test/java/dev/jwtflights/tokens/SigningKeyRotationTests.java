package dev.jwtflights.tokens;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key rotation of the README, deployment by deployment, with every deployment's instances running beside those of
 * the one before (a rolling deployment) and sharing one clock: no access token is refused before its own expiry, so
 * nobody is signed out. (Refresh tokens are rows of the database and know no key.)
 */
class SigningKeyRotationTests {

    private static final JwtProperties.SigningKey OLD = new JwtProperties.SigningKey("2026-01",
            "the-old-key-of-more-than-32-bytes!!!");

    private static final JwtProperties.SigningKey NEW = new JwtProperties.SigningKey("2026-07",
            "the-new-key-of-more-than-32-bytes!!!");

    private static final Duration LIFETIME = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.startingNow();

    private TokenService deployment(JwtProperties.SigningKey... keys) {
        return new TokenService(new JwtProperties(null, List.of(keys), "http://localhost:8080", "jwt-flights", LIFETIME,
                Duration.ZERO), this.clock);
    }

    @Test
    void rotateInThreeStepsThenEveryTokenIsAcceptedEverywhereUntilItExpires() {
        TokenService before = deployment(OLD);
        TokenService step1 = deployment(OLD, NEW);
        TokenService step2 = deployment(NEW, OLD);
        TokenService step3 = deployment(NEW);

        // Step 1, the new key added second: instances before and after it sign with the old key and accept each other.
        String ofBefore = issue(before);
        String ofStep1 = issue(step1);
        assertThat(kid(ofStep1)).isEqualTo(OLD.kid());
        assertAcceptedBy(ofBefore, before, step1);
        assertAcceptedBy(ofStep1, before, step1);

        // Step 2, the new key moved first: its tokens carry the new kid, which the instances of step 1 already accept;
        // theirs, and those from before, are still accepted.
        this.clock.advance(Duration.ofSeconds(20));
        String ofStep2 = issue(step2);
        assertThat(kid(ofStep2)).isEqualTo(NEW.kid());
        assertAcceptedBy(ofStep2, step1, step2);
        assertAcceptedBy(ofStep1, step1, step2);
        assertAcceptedBy(ofBefore, step1, step2);
        // Why step 1 comes first: without it, an instance that does not know the new key yet would refuse these.
        assertRefusedBy(ofStep2, before);

        // The last token of the old key: one issued by an instance of step 1 just before the last of them stopped.
        this.clock.advance(Duration.ofSeconds(20));
        String lastOfOldKey = issue(step1);
        assertAcceptedBy(lastOfOldKey, step1, step2);

        // Step 3, the old key dropped, one access-token lifetime later: every token of the old key has expired by then,
        // and step 2 refuses them as step 3 does. Dropping it any earlier would refuse one that still works.
        this.clock.advance(LIFETIME.minusSeconds(1));
        assertAcceptedBy(lastOfOldKey, step2);
        assertRefusedBy(lastOfOldKey, step3);
        this.clock.advance(Duration.ofSeconds(1));
        assertRefusedBy(lastOfOldKey, step2, step3);
        assertRefusedBy(ofStep1, step2, step3);
        assertRefusedBy(ofBefore, step2, step3);

        // Instances of step 2 and step 3 run side by side: both sign with the new key and accept each other's tokens.
        String ofStep2Later = issue(step2);
        String ofStep3 = issue(step3);
        assertThat(kid(ofStep3)).isEqualTo(NEW.kid());
        assertAcceptedBy(ofStep2Later, step2, step3);
        assertAcceptedBy(ofStep3, step2, step3);
    }

    private static String issue(TokenService deployment) {
        return deployment.issue("secret", List.of("USER"), "session-1").value();
    }

    private static Object kid(String token) {
        return TestJwts.decodePart(token, 0).get("kid");
    }

    private static void assertAcceptedBy(String token, TokenService... deployments) {
        for (TokenService deployment : deployments) {
            assertThat(deployment.verify(token).username()).isEqualTo("secret");
        }
    }

    private static void assertRefusedBy(String token, TokenService... deployments) {
        for (TokenService deployment : deployments) {
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> deployment.verify(token));
        }
    }

}
