package dev.jwtflights.tokens;

import java.time.Duration;
import java.util.List;

import dev.jwtflights.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resource server's view of our access tokens: exactly the token service's rules, and one fixed refusal.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessTokenDecoderTests {

    private final MutableClock clock = MutableClock.startingNow();

    private final TokenService tokenService = new TokenService(
            TokenServiceTests.properties(TokenServiceTests.SECRET, Duration.ZERO), this.clock);

    private final AccessTokenDecoder decoder = new AccessTokenDecoder(this.tokenService);

    @Test
    void decodeWhenValidThenEveryClaimTheApiNeeds() {
        AccessToken issued = this.tokenService.issue("admin", List.of("ADMIN"), "session-1");

        Jwt jwt = this.decoder.decode(issued.value());

        assertThat(jwt.getTokenValue()).isEqualTo(issued.value());
        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
        assertThat(jwt.getSubject()).isEqualTo("admin");
        assertThat(jwt.getId()).isEqualTo(issued.id());
        assertThat(jwt.getIssuedAt()).isEqualTo(issued.issuedAt());
        assertThat(jwt.getExpiresAt()).isEqualTo(issued.expiresAt());
        assertThat(jwt.getClaimAsStringList(TokenService.ROLES_CLAIM)).containsExactly("ADMIN");
        assertThat(jwt.getClaimAsString(TokenService.SESSION_CLAIM)).isEqualTo("session-1");
    }

    @Test
    void decodeWhenExpiredThenOneFixedRefusalAndTheReasonOnlyInTheLog(CapturedOutput output) {
        AccessToken issued = this.tokenService.issue("admin", List.of("ADMIN"), "session-1");
        this.clock.set(issued.expiresAt().plus(Duration.ofSeconds(1)));

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(issued.value()))
            .withMessage("The access token is invalid or expired");
        assertThat(output).contains("Bearer token refused: refused by the JWT parser: ExpiredJwtException")
            .doesNotContain(issued.value());
    }

    @Test
    void decodeWhenNotATokenThenTheSameRefusal() {
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("not-a-token"))
            .withMessage("The access token is invalid or expired");
    }

}
