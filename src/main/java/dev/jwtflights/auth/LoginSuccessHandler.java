package dev.jwtflights.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After a correct password: starts the session (both cookies) and goes to the flights page. If the session cannot be
 * stored, the login is answered as a failed one.
 */
final class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginSuccessHandler.class);

    private final BrowserSession session;

    LoginSuccessHandler(BrowserSession session) {
        this.session = session;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        try {
            this.session.start(authentication.getName(), Role.namesOf(authentication), request, response);
        }
        catch (RuntimeException ex) {
            log.error("Login of user '{}' could not start a session ({}); answering it as a failed login",
                    authentication.getName(), ex.getClass().getSimpleName(), ex);
            response.sendRedirect(request.getContextPath() + "/login" + LoginNotice.FAILED.query());
            return;
        }
        response.sendRedirect(request.getContextPath() + "/flights");
    }

}
