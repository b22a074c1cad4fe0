package dev.jwtflights.oauth;

import java.util.Set;

import dev.jwtflights.api.ApiErrorFormat;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * On the token endpoints every error is an OAuth 2.0 error object ({@code application/json}, RFC 6749 section 5.2),
 * whatever the request's content type and whatever refused it: the endpoint itself, Spring MVC before it (a wrong
 * method or content type, a body that cannot be read) or the API's body-size limit. OAuth client libraries read
 * nothing else. Such an error that is no refusal of a grant is an {@code invalid_request}, with the status Spring MVC
 * gave it (405, 413, 415) and the description it wrote; an outage (503: the database is unreachable) is a
 * {@code temporarily_unavailable}; any other fault of ours is a {@code server_error} that says no more.
 */
@Component
class TokenErrorFormat implements ApiErrorFormat {

    private static final Set<String> PATHS = Set.of(ApiSecurityConfiguration.TOKEN_ENDPOINTS);

    @Override
    public boolean appliesTo(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return PATHS.contains(request.getServletPath() + ((pathInfo != null) ? pathInfo : ""));
    }

    @Override
    public ResponseEntity<Object> error(HttpStatusCode status, HttpHeaders headers, String description) {
        TokenError error = (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value())
                ? TokenError.temporarilyUnavailable(description)
                : status.is5xxServerError() ? TokenError.SERVER_ERROR : TokenError.invalidRequest(description);
        return noStore(ResponseEntity.status(status).headers(headers)).body(error);
    }

    /**
     * What every answer of the token endpoints carries: JSON (whatever the client's {@code Accept} says, as RFC 6749
     * has it; so never a 406), never to be stored (section 5.1).
     */
    static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder answer) {
        return answer.contentType(MediaType.APPLICATION_JSON)
            .cacheControl(CacheControl.noStore())
            .header(HttpHeaders.PRAGMA, "no-cache");
    }

}
