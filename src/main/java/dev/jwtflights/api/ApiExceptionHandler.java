package dev.jwtflights.api;

import java.util.Comparator;
import java.util.List;

import dev.jwtflights.api.ApiProblem.FieldError;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * API errors as RFC 9457 problem details: Spring MVC's own exceptions with their 4xx status, an unreachable database
 * as a 503, anything unexpected as a bare 500 with no detail (the detail goes to the log). Invalid fields are listed
 * in an {@code errors} property, one {@link FieldError} per problem (see {@link ApiProblem}), so that a client can
 * show each next to its field.
 * <p>
 * This advice covers the API's controllers; {@link ApiRoutingExceptionHandler} hands it the errors of API requests
 * that found no controller (no such path, method, body type or representation). Endpoints with their own error
 * format (an {@link ApiErrorFormat}) get their errors in that format instead.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static final String ERRORS = "errors";

    private final List<ApiErrorFormat> formats;

    ApiExceptionHandler(List<ApiErrorFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error in the API", ex);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, "An unexpected error occurred."),
                new HttpHeaders(), status, request);
    }

    /**
     * The database is unreachable (no connection within the pool's timeout, or one lost on the way): no fault of the
     * request, and one that passes. 503, so that clients try again; the application recovers by itself when the
     * database is back.
     */
    @ExceptionHandler({ DataAccessException.class, TransactionException.class })
    ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
        log.error("The database could not be reached ({}); answering 503", ex.getClass().getSimpleName(), ex);
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status,
                "The service is unavailable for a moment: try again later."), new HttpHeaders(), status, request);
    }

    /**
     * Tomcat refuses to read the parameters of a form whose encoding is broken (a stray {@code %}) or that has too
     * many of them. That is the client's mistake: 400, with nothing in the log above debug.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameters(InvalidParameterException ex, WebRequest request) {
        log.debug("Refused a request whose parameters could not be read: {}", ex.getMessage());
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status,
                "The request's form parameters could not be read."), new HttpHeaders(), status, request);
    }

    /**
     * Every answer of this advice is made here: a problem detail, or the error object of an {@link ApiErrorFormat}
     * that applies to the request, with the detail as its description.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ApiErrorFormat format = formatFor(request);
        if (format == null) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail
                : (ex instanceof ErrorResponse response) ? response.getBody() : null;
        String description = (problem != null && problem.getDetail() != null) ? problem.getDetail()
                : "The request was refused.";
        return format.error(statusCode, headers, description);
    }

    private ApiErrorFormat formatFor(WebRequest request) {
        if (!this.formats.isEmpty() && request instanceof ServletWebRequest servlet) {
            for (ApiErrorFormat format : this.formats) {
                if (format.appliesTo(servlet.getRequest())) {
                    return format;
                }
            }
        }
        return null;
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
            problem = ProblemDetail.forStatusAndDetail(status,
                    "The request body is missing or not valid JSON (each field at most once).");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

}
