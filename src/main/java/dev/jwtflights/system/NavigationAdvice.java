package dev.jwtflights.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page its own path, so that the layout can mark the navigation link of the current page (Thymeleaf 3.1
 * templates cannot read the request), and whether the H2 console is on, so that an admin is offered its link only
 * then. An error page is at {@code /error}: no link is marked there.
 */
@ControllerAdvice(assignableTypes = { PageController.class, ErrorController.class })
class NavigationAdvice {

    private final boolean h2Console;

    NavigationAdvice(Environment environment) {
        this.h2Console = environment.getProperty("spring.h2.console.enabled", Boolean.class, false);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("h2Console")
    boolean h2Console() {
        return this.h2Console;
    }

}
