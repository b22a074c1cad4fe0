package dev.jwtflights.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The errors Spring MVC raises before any controller was chosen: no such path (404), method (405) or representation
 * (406). On an API path (see {@link ApiPaths}) they are problem details, made by {@link ApiExceptionHandler} as for any
 * other API error; elsewhere this advice steps aside (it rethrows, which Spring MVC documents as "not handled here"),
 * so that the pages keep their HTML error pages.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingExceptionHandler {

    private final ApiExceptionHandler api;

    ApiRoutingExceptionHandler(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class })
    ResponseEntity<Object> noApiHandler(Exception ex, HttpServletRequest request, WebRequest webRequest)
            throws Exception {
        if (!ApiPaths.matches(request)) {
            throw ex;
        }
        return this.api.handleException(ex, webRequest);
    }

}
