package dev.jwtflights.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * The errors of API endpoints that are not written as problem details. The OAuth 2.0 token endpoints, for one, answer
 * every error as an OAuth error object (RFC 6749 section 5.2), since that is all their clients can read. The API's
 * error handling and its body-size limit ask the beans of this type whether one of them speaks for a request; if
 * one does, it writes the answer, else a problem detail is written.
 */
public interface ApiErrorFormat {

    /** Whether this format answers the errors of the request. */
    boolean appliesTo(HttpServletRequest request);

    /**
     * The answer to an error of a request this format applies to.
     * @param status the status the error has
     * @param headers headers the answer must carry ({@code Allow} with a 405, {@code Accept} with a 415), or none
     * @param description what went wrong, in words a client may be shown
     * @return the whole answer, with its {@code Content-Type}
     */
    ResponseEntity<Object> error(HttpStatusCode status, HttpHeaders headers, String description);

}
