package dev.jwtflights.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After a correct password: starts the session (both cookies) and goes to the flights page. If the session cannot be
 * started (the user was disabled meanwhile, the database failed), the login is answered as a failed one.
 */
final class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final BrowserSession session;

    LoginSuccessHandler(BrowserSession session) {
        this.session = session;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String target = this.session.start(authentication.getName(), request, response) ? "/flights"
                : "/login" + LoginNotice.FAILED.query();
        response.sendRedirect(request.getContextPath() + target);
    }

}
