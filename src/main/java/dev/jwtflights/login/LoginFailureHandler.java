package dev.jwtflights.login;

import java.io.IOException;

import dev.jwtflights.throttle.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login page after a refused sign-in. A wrong username or password, a disabled account, or a failure
 * looking them up: the same "Login failed" page, with nothing that tells which part was wrong (the refusal is logged
 * where passwords are checked, for the login form and the token endpoint alike). A sign-in refused by the login
 * throttle: a page that says how many seconds to wait, the same whether or not the username exists. Nothing is kept
 * in an HTTP session: nothing here has one. A password that could not be checked at all (the database is down, say) is
 * the 503 page.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            // The password could not be checked (the database is down, say): not a refusal of the credentials.
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        String query = (exception instanceof LoginThrottledException throttled)
                ? LoginNotice.throttledQuery(throttled.retryAfterSeconds()) : LoginNotice.FAILED.query();
        this.redirects.sendRedirect(request, response, "/login" + query);
    }

}
