package dev.jwtflights.system;

/**
 * A controller of HTML pages: every {@code @Controller} that renders a page implements it. What every page is told
 * (who is signed in, the session panel, the navigation) goes to these controllers and to the error pages only
 * ({@code @ControllerAdvice(assignableTypes = { PageController.class, ErrorController.class })}): the API's
 * controllers answer with JSON, and would otherwise work it out on every request for nothing.
 * <p>
 * An interface, not an annotation: Spring MVC asks each advice whether it applies on every request, and an
 * {@code assignableTypes} rule answers with one class check, where an {@code annotations} rule searched the whole type
 * hierarchy of every controller without it, the API's, each time (about 5% of the CPU of {@code GET /reservation}).
 */
public interface PageController {

}
