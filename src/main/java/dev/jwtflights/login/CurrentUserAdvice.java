package dev.jwtflights.login;

import dev.jwtflights.system.PageController;
import dev.jwtflights.tokens.TokenAuthentication;
import dev.jwtflights.users.Role;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page who is signed in, for the navigation bar.
 */
@ControllerAdvice(assignableTypes = { PageController.class, ErrorController.class })
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TokenAuthentication token) {
            return new CurrentUser(token.getName(), token.token().roles().contains(Role.ADMIN.name()));
        }
        return null;
    }

    /** The signed-in user as the layout shows them. */
    record CurrentUser(String username, boolean admin) {
    }

}
