package dev.jwtflights.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.jwtflights.tokens.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * The one place where a failure inside the session rules becomes a refusal: callers get an answer, never an
 * exception, and the log gets the reason, never a token.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionsTests {

    private static final String REFRESH_TOKEN = "kX3rFQy7v2Zp0mJb8cN1sWq4tLh6uEoA9dG5iRfYzC0";

    private final RefreshTokenService rules = mock(RefreshTokenService.class);

    private final Sessions sessions = new Sessions(this.rules);

    @Test
    void startWhenTheDatabaseFailsThenRefusedAsAnError(CapturedOutput output) {
        given(this.rules.start("secret")).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.start("secret")).isEqualTo(new TokenGrant.Refused(Refusal.ERROR));
        assertThat(output).contains("Starting a session failed (DataAccessResourceFailureException)");
    }

    @Test
    void renewWhenTheDatabaseFailsThenRefusedAsAnErrorAndTheTokenIsNotLogged(CapturedOutput output) {
        given(this.rules.rotate(REFRESH_TOKEN)).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.renew(REFRESH_TOKEN)).isEqualTo(new TokenGrant.Refused(Refusal.ERROR));
        assertThat(output).contains("Renewing a session failed").doesNotContain(REFRESH_TOKEN)
            .doesNotContain(RefreshTokenService.hash(REFRESH_TOKEN));
    }

    @Test
    void renewWhenRefusedThenTheRulesAnswerAsItIs() {
        given(this.rules.rotate(REFRESH_TOKEN)).willReturn(new TokenGrant.Refused(Refusal.REUSED));

        assertThat(this.sessions.renew(REFRESH_TOKEN)).isEqualTo(new TokenGrant.Refused(Refusal.REUSED));
    }

    @Test
    void revokeWhenTheDatabaseFailsThenNotRevokedAndTheTokenIsNotLogged(CapturedOutput output) {
        given(this.rules.revokeSessionOf(REFRESH_TOKEN)).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.revoke(REFRESH_TOKEN)).isFalse();
        assertThat(output).contains("Revoking a session failed").doesNotContain(REFRESH_TOKEN);
    }

    @Test
    void revokeWhenTheTokenIsKnownThenTrue() {
        given(this.rules.revokeSessionOf(REFRESH_TOKEN)).willReturn(Optional.of("session-1"));

        assertThat(this.sessions.revoke(REFRESH_TOKEN)).isTrue();
    }

    @Test
    void revokeByAccessTokenWhenTheDatabaseFailsThenNoException(CapturedOutput output) {
        AccessToken access = new AccessToken("header.claims.signature", "jti", "secret", "session-1",
                List.of("USER"), Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        willThrow(new DataAccessResourceFailureException("down")).given(this.rules)
            .revokeSession("session-1", "secret");

        assertThatNoException().isThrownBy(() -> this.sessions.revoke(access));
        assertThat(output).contains("Revoking a session failed").doesNotContain("header.claims.signature");
    }

}
