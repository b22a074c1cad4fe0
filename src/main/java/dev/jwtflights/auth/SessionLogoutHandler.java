package dev.jwtflights.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * {@code POST /logout}: revokes the session's refresh-token family and clears both cookies.
 */
final class SessionLogoutHandler implements LogoutHandler {

    private final BrowserSession session;

    SessionLogoutHandler(BrowserSession session) {
        this.session = session;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        this.session.end(request, response);
    }

}
