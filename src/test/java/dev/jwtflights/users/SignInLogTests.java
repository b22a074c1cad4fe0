package dev.jwtflights.users;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one log of refused password checks, for the login form and the token endpoint alike.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInLogTests {

    private final SignInLog signInLog = new SignInLog();

    @Test
    void onFailureWhenWrongPasswordThenTheTypedUsernameButNeverThePassword(CapturedOutput output) {
        this.signInLog.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated("secret", "the-password"),
                new BadCredentialsException("Bad credentials")));

        assertThat(output).contains("INFO").contains("Sign-in failed for user 'secret': BadCredentialsException")
            .doesNotContain("the-password");
    }

    @Test
    void onFailureWhenTheUsernameHasALineBreakThenItCannotForgeALogLine(CapturedOutput output) {
        this.signInLog.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated("x\nFAKE LINE", "pw"),
                new BadCredentialsException("Bad credentials")));

        assertThat(output).contains("user 'x?FAKE LINE'").doesNotContain("x\nFAKE LINE");
    }

    @Test
    void onFailureWhenTheCheckCouldNotBeMadeThenAnError(CapturedOutput output) {
        this.signInLog.onFailure(new AuthenticationFailureServiceExceptionEvent(
                UsernamePasswordAuthenticationToken.unauthenticated("secret", "the-password"),
                new AuthenticationServiceException("database down")));

        assertThat(output).contains("ERROR").contains("Sign-in of user 'secret' could not be checked")
            .doesNotContain("the-password");
    }

    @Test
    void onFailureOfABearerTokenThenNothingIsLoggedHereAndNeverTheToken(CapturedOutput output) {
        this.signInLog.onFailure(new AuthenticationFailureBadCredentialsEvent(
                new BearerTokenAuthenticationToken("eyJhbGciOiJIUzI1NiJ9.the-token.signature"),
                new InvalidBearerTokenException("invalid")));

        assertThat(output).doesNotContain("the-token").doesNotContain("Sign-in");
    }

}
