package dev.jwtflights.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.tokens.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Lets a page call the API on behalf of the person who asked for it (the servlet counterpart of Spring Security's
 * {@code ServletBearerExchangeFilterFunction}): sends the access token of the current page request as
 * {@code Authorization: Bearer}, and if the API refuses it (401), renews the session once, in this same page request,
 * and sends the request again with the new token. If the session cannot be renewed, or the API refuses the new token
 * too, a {@link CredentialsExpiredException} sends the person to the login page, saying why.
 * <p>
 * Add it only to a client of our own API: whoever receives the requests receives the user's token.
 */
@Component
public class ApiTokenInterceptor implements ClientHttpRequestInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenInterceptor.class);

    private final BrowserSession session;

    ApiTokenInterceptor(BrowserSession session) {
        this.session = session;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        TokenAuthentication current = currentAuthentication();
        request.getHeaders().setBearerAuth(current.getCredentials());
        ClientHttpResponse response = execution.execute(request, body);
        if (!response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
            return response;
        }
        response.close();
        log.info("The API refused the access token of user '{}'; renewing the session", current.getName());
        ServletRequestAttributes page = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        TokenAuthentication renewed = renew(page.getRequest(), page.getResponse());
        request.getHeaders().setBearerAuth(renewed.getCredentials());
        ClientHttpResponse retried = execution.execute(request, body);
        if (retried.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
            retried.close();
            throw new CredentialsExpiredException("The API refused a freshly issued access token");
        }
        return retried;
    }

    private TokenAuthentication renew(HttpServletRequest request, HttpServletResponse response) {
        TokenAuthentication renewed = this.session.renew(request, response)
            .orElseThrow(() -> new CredentialsExpiredException("The session could not be renewed"));
        // The rest of this page request (later API calls, the session panel) goes on with the new token.
        SecurityContextHolder.getContext().setAuthentication(renewed);
        return renewed;
    }

    private static TokenAuthentication currentAuthentication() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication current) {
            return current;
        }
        throw new CredentialsExpiredException("No signed-in page request to call the API for");
    }

}
