package dev.jwtflights.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page its own path, so that the layout can mark the navigation link of the current page (Thymeleaf 3.1
 * templates cannot read the request). An error page is at {@code /error}: no link is marked there.
 */
@ControllerAdvice
class NavigationAdvice {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

}
