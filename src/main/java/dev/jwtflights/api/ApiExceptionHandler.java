package dev.jwtflights.api;

import java.util.Comparator;
import java.util.List;

import dev.jwtflights.api.ApiProblem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * API errors as RFC 9457 problem details: Spring MVC's own exceptions with their 4xx status, anything unexpected as a
 * bare 500 with no detail (the detail goes to the log). Invalid fields are listed in an {@code errors} property,
 * one {@link FieldError} per problem (see {@link ApiProblem}), so that a client can show each next to its field.
 * <p>
 * This advice covers the API's controllers; {@link ApiRoutingExceptionHandler} hands it the errors of API requests
 * that found no controller (no such path, method or representation).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static final String ERRORS = "errors";

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error in the API", ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    }

    /**
     * A {@code Content-Type} that names no concrete media type ({@code *}{@code /*}, {@code text/*}) makes Spring's
     * request headers throw an {@link IllegalArgumentException} where it reads a body, instead of its usual 415. That
     * is the client's mistake, so it is answered as any other unsupported content type; the request's own header
     * decides, so that any other {@code IllegalArgumentException} stays an unexpected error.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex, WebRequest request) throws Exception {
        if (isConcreteOrAbsent(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return ResponseEntity.internalServerError().body(unexpected(ex));
        }
        log.debug("Refused a request body whose Content-Type is not a concrete media type");
        return handleException(new HttpMediaTypeNotSupportedException("Content-Type is not a concrete media type",
                List.of(MediaType.APPLICATION_JSON)), request);
    }

    private static boolean isConcreteOrAbsent(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
            .distinct()
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Some fields are invalid: see 'errors'.");
        problem.setProperty(ERRORS, errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof MismatchedInputException mismatch && mismatch.getPath().size() == 1
                && mismatch.getPath().get(0).getPropertyName() != null) {
            JacksonException.Reference reference = mismatch.getPath().get(0);
            problem = ProblemDetail.forStatusAndDetail(status, "Some fields are invalid: see 'errors'.");
            problem.setProperty(ERRORS, List.of(new FieldError(reference.getPropertyName(), "must be a string")));
        }
        else {
            problem = ProblemDetail.forStatusAndDetail(status, "The request body is missing or not valid JSON.");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

}
