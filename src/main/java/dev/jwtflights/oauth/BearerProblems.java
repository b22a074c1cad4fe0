package dev.jwtflights.oauth;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How the API refuses a request: the status and RFC 6750 {@code WWW-Authenticate} header, plus an RFC 9457 problem
 * body that says no more than the header does. A 401 is Spring Security's {@link BearerTokenAuthenticationEntryPoint}
 * (with the link to the RFC 9728 metadata, at the application's configured URL); a 403 is written here in the same form
 * as its {@code BearerTokenAccessDeniedHandler}, which names {@code insufficient_scope} only for its own token types.
 */
final class BearerProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\", "
            + "error_description=\"The request requires higher privileges than provided by the access token.\", "
            + "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

    private final JsonMapper jsonMapper;

    private final URI issuer;

    /**
     * @param issuer the application's URL ({@code app.jwt.issuer}), on which the link to the resource metadata is
     * built
     */
    BearerProblems(JsonMapper jsonMapper, String issuer) {
        this.jsonMapper = jsonMapper;
        this.issuer = URI.create(issuer);
    }

    /** 401: no token ({@code Bearer}) or a refused one ({@code Bearer error="invalid_token"}). */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        this.challenge.commence(new AtIssuer(request, this.issuer), response, exception);
        write(response, (exception instanceof OAuth2AuthenticationException)
                ? "The access token is invalid or expired."
                : "An access token is required: send it as 'Authorization: Bearer <token>'.");
    }

    /** 403: a valid token whose roles do not allow the request ({@code Bearer error="insufficient_scope"}). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, INSUFFICIENT_SCOPE);
        write(response, "The access token does not allow this request.");
    }

    /** The body under the status and header that Spring Security has just set. */
    private void write(HttpServletResponse response, String detail) throws IOException {
        HttpStatus status = HttpStatus.valueOf(response.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        this.jsonMapper.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }

    /**
     * The request as if it had been sent to the application's configured URL. Spring's entry point builds the
     * {@code resource_metadata} link from the URL of the request; the link must name the resource that the metadata
     * names, and never a host taken from the request's {@code Host} header.
     */
    private static final class AtIssuer extends HttpServletRequestWrapper {

        private final URI issuer;

        AtIssuer(HttpServletRequest request, URI issuer) {
            super(request);
            this.issuer = issuer;
        }

        @Override
        public String getScheme() {
            return this.issuer.getScheme();
        }

        @Override
        public String getServerName() {
            return this.issuer.getHost();
        }

        @Override
        public int getServerPort() {
            int port = this.issuer.getPort();
            return (port != -1) ? port : ("https".equals(this.issuer.getScheme()) ? 443 : 80);
        }

        @Override
        public String getContextPath() {
            return "";
        }

    }

}
