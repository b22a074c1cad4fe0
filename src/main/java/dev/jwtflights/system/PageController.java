package dev.jwtflights.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of HTML pages. What every page is told (who is signed in, the session panel, the navigation) goes to
 * these controllers and to the error pages only ({@code @ControllerAdvice(annotations = PageController.class,
 * assignableTypes = ErrorController.class)}): the API's controllers answer with JSON, and would otherwise work it out
 * on every request for nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

}
