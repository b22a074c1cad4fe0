package dev.jwtflights.login;

import java.time.Duration;

import dev.jwtflights.throttle.LoginThrottledException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a refused sign-in on the login form lands.
 */
class LoginFailureHandlerTests {

    private final LoginFailureHandler handler = new LoginFailureHandler();

    private MockHttpServletResponse refuse(AuthenticationException refusal) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.handler.onAuthenticationFailure(request, response, refusal);
        assertThat(request.getSession(false)).isNull();
        return response;
    }

    @Test
    void onFailureWhenThrottledThenTheLoginPageWithTheSecondsToWait() throws Exception {
        assertThat(refuse(new LoginThrottledException(Duration.ofMillis(11_500))).getRedirectedUrl())
            .isEqualTo("/login?throttled=12");
    }

    @Test
    void onFailureOtherwiseThenTheOneLoginFailedPageWhateverWasWrong() throws Exception {
        assertThat(refuse(new BadCredentialsException("Bad credentials")).getRedirectedUrl())
            .isEqualTo("/login?error");
        assertThat(refuse(new DisabledException("User is disabled")).getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void onFailureWhenThePasswordCouldNotBeCheckedThenThe503PageNotARefusal() throws Exception {
        MockHttpServletResponse response = refuse(new InternalAuthenticationServiceException("database down"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getRedirectedUrl()).isNull();
    }

}
