package dev.jwtflights.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.SignInMethod;
import dev.jwtflights.tokens.TestTokenServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

import static dev.jwtflights.sessions.SessionsTestSupport.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * The one place where a failure inside the session rules becomes a refusal: callers get an answer, never an
 * exception, and the log gets the reason, never a token.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionsTests {

    private static final String REFRESH_TOKEN = "kX3rFQy7v2Zp0mJb8cN1sWq4tLh6uEoA9dG5iRfYzC0";

    private final RefreshTokenService rules = mock(RefreshTokenService.class);

    private final MutableClock clock = new MutableClock(Instant.EPOCH);

    private final Sessions sessions = new Sessions(this.rules, new SessionMeters(new SimpleMeterRegistry()),
            this.clock, TestTokenServices.create("a-test-secret-of-more-than-32-bytes!!", this.clock));

    @Test
    void startWhenTheDatabaseFailsThenRefusedAsAnError(CapturedOutput output) {
        given(this.rules.start("secret", SignInMethod.PASSWORD, CLIENT)).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.start("secret", CLIENT)).isEqualTo(new TokenGrant.Refused(Refusal.ERROR));
        assertThat(output).contains("Starting a session failed (DataAccessResourceFailureException)");
    }

    @Test
    void renewWhenTheDatabaseFailsThenRefusedAsAnErrorAndTheTokenIsNotLogged(CapturedOutput output) {
        given(this.rules.rotate(REFRESH_TOKEN, CLIENT)).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.renew(REFRESH_TOKEN, CLIENT)).isEqualTo(new TokenGrant.Refused(Refusal.ERROR));
        assertThat(output).contains("Renewing a session failed").doesNotContain(REFRESH_TOKEN)
            .doesNotContain(RefreshTokenService.hash(REFRESH_TOKEN));
    }

    @Test
    void renewWhenRefusedThenTheRulesAnswerAsItIs() {
        given(this.rules.rotate(REFRESH_TOKEN, CLIENT)).willReturn(new TokenGrant.Refused(Refusal.REUSED));

        assertThat(this.sessions.renew(REFRESH_TOKEN, CLIENT)).isEqualTo(new TokenGrant.Refused(Refusal.REUSED));
    }

    @Test
    void revokeWhenTheDatabaseFailsThenNotRevokedAndTheTokenIsNotLogged(CapturedOutput output) {
        given(this.rules.signOut(REFRESH_TOKEN, CLIENT)).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.signOut(REFRESH_TOKEN, CLIENT)).isFalse();
        assertThat(output).contains("Signing out failed").doesNotContain(REFRESH_TOKEN);
    }

    @Test
    void revokeForTheApiWhenTheTokenIsUnknownThenDone() {
        given(this.rules.signOut(REFRESH_TOKEN, CLIENT)).willReturn(Optional.empty());

        assertThat(this.sessions.revoke(REFRESH_TOKEN, CLIENT)).isTrue();
    }

    @Test
    void revokeForTheApiWhenTheDatabaseFailsThenNotDone(CapturedOutput output) {
        given(this.rules.signOut(REFRESH_TOKEN, CLIENT)).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.revoke(REFRESH_TOKEN, CLIENT)).isFalse();
        assertThat(output).contains("Signing out failed").doesNotContain(REFRESH_TOKEN);
    }

    @Test
    void startWhenTheRulesAnswerThenThatAnswer() {
        TokenGrant refused = new TokenGrant.Refused(Refusal.USER_DISABLED);
        given(this.rules.start("secret", SignInMethod.PASSWORD, CLIENT)).willReturn(refused);

        assertThat(this.sessions.start("secret", CLIENT)).isSameAs(refused);
    }

    @Test
    void revokeWhenTheTokenIsUnknownThenFalse() {
        given(this.rules.signOut(REFRESH_TOKEN, CLIENT)).willReturn(Optional.empty());

        assertThat(this.sessions.signOut(REFRESH_TOKEN, CLIENT)).isFalse();
    }

    @Test
    void revokeByAccessTokenThenItsSessionIsRevoked() {
        assertThat(this.sessions.signOut(accessToken(), CLIENT)).isTrue();

        then(this.rules).should().endSession("session-1", "secret", EndCause.LOGGED_OUT, null, CLIENT);
    }

    @Test
    void describeIsTheRulesDescription() {
        SessionInfo info = new SessionInfo("jti-1234", Instant.EPOCH, null, 2, Instant.EPOCH, SignInMethod.PASSWORD);
        given(this.rules.describe(accessToken())).willReturn(info);

        assertThat(this.sessions.describe(accessToken())).isSameAs(info);
    }

    @Test
    void describeWhenTheDatabaseFailsThenNothingToShow(CapturedOutput output) {
        given(this.rules.describe(accessToken())).willThrow(new DataAccessResourceFailureException("down"));

        assertThat(this.sessions.describe(accessToken())).isNull();
        assertThat(output).contains("Describing a session failed");
    }

    @Test
    void describeWhenTheSameAccessTokenAgainThenNoSecondReadAndTheTimeOfNow() {
        Instant sessionEnd = Instant.EPOCH.plusSeconds(3600);
        given(this.rules.describe(accessToken()))
            .willReturn(new SessionInfo("jti", Instant.EPOCH.plusSeconds(60), sessionEnd, 2, Instant.EPOCH,
                    SignInMethod.PASSWORD));
        this.sessions.describe(accessToken());
        this.clock.advance(Duration.ofSeconds(20));

        SessionInfo again = this.sessions.describe(accessToken());

        then(this.rules).should(times(1)).describe(accessToken());
        assertThat(again.now()).isEqualTo(Instant.EPOCH.plusSeconds(20));
        assertThat(again.accessTokenSecondsLeft()).isEqualTo(40);
        assertThat(again.sessionExpiresAt()).isEqualTo(sessionEnd);
        assertThat(again.renewals()).isEqualTo(2);
    }

    @Test
    void describeWhenTheRememberedSessionEndHasPassedThenShownAsEnded() {
        given(this.rules.describe(accessToken()))
            .willReturn(new SessionInfo("jti", Instant.EPOCH.plusSeconds(60), Instant.EPOCH.plusSeconds(30), 0,
                    Instant.EPOCH, SignInMethod.PASSWORD));
        assertThat(this.sessions.describe(accessToken()).sessionActive()).isTrue();
        this.clock.advance(Duration.ofSeconds(30));

        assertThat(this.sessions.describe(accessToken()).sessionActive()).isFalse();
    }

    @Test
    void describeWhenAnotherAccessTokenThenReadAgain() {
        AccessToken renewed = new AccessToken("h.c.s", "jti-2", "secret", "session-1", List.of("USER"),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        given(this.rules.describe(accessToken())).willReturn(new SessionInfo("jti", Instant.EPOCH.plusSeconds(60),
                null, 0, Instant.EPOCH, SignInMethod.PASSWORD));
        given(this.rules.describe(renewed)).willReturn(new SessionInfo("jti-2", Instant.EPOCH.plusSeconds(60), null,
                1, Instant.EPOCH, SignInMethod.PASSWORD));
        this.sessions.describe(accessToken());

        assertThat(this.sessions.describe(renewed).renewals()).isEqualTo(1);
        then(this.rules).should().describe(renewed);
    }

    @Test
    void describeWhenTheReadFailedThenTriedAgainNextTime() {
        SessionInfo info = new SessionInfo("jti", Instant.EPOCH.plusSeconds(60), null, 0, Instant.EPOCH,
                SignInMethod.PASSWORD);
        given(this.rules.describe(accessToken())).willThrow(new DataAccessResourceFailureException("down"))
            .willReturn(info);

        assertThat(this.sessions.describe(accessToken())).isNull();
        assertThat(this.sessions.describe(accessToken())).isSameAs(info);
    }

    @Test
    void revokeWhenTheTokenIsKnownThenTrue() {
        given(this.rules.signOut(REFRESH_TOKEN, CLIENT)).willReturn(Optional.of("session-1"));

        assertThat(this.sessions.signOut(REFRESH_TOKEN, CLIENT)).isTrue();
    }

    @Test
    void revokeByAccessTokenWhenTheDatabaseFailsThenNoException(CapturedOutput output) {
        AccessToken access = accessToken();
        willThrow(new DataAccessResourceFailureException("down")).given(this.rules)
            .endSession("session-1", "secret", EndCause.LOGGED_OUT, null, CLIENT);

        assertThat(this.sessions.signOut(access, CLIENT)).isFalse();
        assertThat(output).contains("Signing out failed").doesNotContain("header.claims.signature");
    }

    private static AccessToken accessToken() {
        return new AccessToken("header.claims.signature", "jti", "secret", "session-1", List.of("USER"),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
    }

}
