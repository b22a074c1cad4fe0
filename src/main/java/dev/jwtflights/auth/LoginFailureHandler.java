package dev.jwtflights.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A wrong username or password, a disabled account, or a failure looking them up: the same "Login failed" page,
 * with nothing that tells which part was wrong.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            log.error("Login could not be checked; answering it as a failed login", exception);
        }
        else {
            log.info("Login failed for user '{}'", LogSafe.text(request.getParameter("username")));
        }
        response.sendRedirect(request.getContextPath() + "/login" + LoginNotice.FAILED.query());
    }

}
