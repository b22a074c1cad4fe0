package dev.jwtflights.login;

import dev.jwtflights.sessions.SessionInfo;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.system.PageController;
import dev.jwtflights.tokens.TokenAuthentication;
import org.thymeleaf.context.LazyContextVariable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the pages the session panel's data ({@code sessionInfo}), read lazily: only a page that shows the panel reads
 * the session from the database, and it reads it as the page is rendered, so after a renewal earlier in the same
 * request the panel shows the new access token.
 */
@ControllerAdvice(assignableTypes = { PageController.class, ErrorController.class })
class SessionPanelAdvice {

    private final Sessions sessions;

    SessionPanelAdvice(Sessions sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute("sessionInfo")
    LazyContextVariable<SessionInfo> sessionInfo() {
        return new LazyContextVariable<>() {

            @Override
            protected SessionInfo loadValue() {
                return (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication current)
                        ? SessionPanelAdvice.this.sessions.describe(current.token()) : null;
            }

        };
    }

}
