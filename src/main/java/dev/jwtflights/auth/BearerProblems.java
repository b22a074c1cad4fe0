package dev.jwtflights.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How the API refuses a request: RFC 6750 {@code WWW-Authenticate} headers and an RFC 9457 problem body that says
 * no more than the header does.
 */
final class BearerProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper jsonMapper;

    BearerProblems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** 401: no token ({@code Bearer}) or a refused one ({@code Bearer error="invalid_token"}). */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof InvalidBearerTokenException) {
            write(request, response, HttpStatus.UNAUTHORIZED, "Bearer error=\"invalid_token\"",
                    "The access token is invalid or expired.");
        }
        else {
            write(request, response, HttpStatus.UNAUTHORIZED, "Bearer",
                    "An access token is required: send it as 'Authorization: Bearer <token>'.");
        }
    }

    /** 403: a valid token whose roles do not allow the request. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Bearer error=\"insufficient_scope\"",
                "The access token does not allow this request.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String challenge, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        this.jsonMapper.writeValue(response.getOutputStream(), problem);
    }

}
