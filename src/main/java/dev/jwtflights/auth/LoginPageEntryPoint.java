package dev.jwtflights.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a person who is not (or no longer) signed in to the login page, saying why in plain words there: an expired
 * session, one ended by an administrator, or one ended because an old token was used again.
 */
final class LoginPageEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        Object failure = request.getAttribute(BrowserSession.FAILURE_ATTRIBUTE);
        String query = (failure instanceof RefreshFailure reason) ? LoginNotice.of(reason).query() : "";
        response.sendRedirect(request.getContextPath() + "/login" + query);
    }

}
