package dev.jwtflights.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.sessions.Refusal;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a person who is not (or no longer) signed in to the login page, saying why in plain words there: an expired
 * session, one ended by an administrator, or one ended because an old token was used again. A session that could not
 * be renewed because something failed inside (the database is down, say) is not ended: the answer is the 503 page,
 * and the next page load after the recovery renews it.
 */
final class LoginPageEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        Object refusal = request.getAttribute(BrowserSession.REFUSAL_ATTRIBUTE);
        if (refusal == Refusal.ERROR) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        String query = (refusal instanceof Refusal reason) ? LoginNotice.of(reason).query() : "";
        response.sendRedirect(request.getContextPath() + "/login" + query);
    }

}
