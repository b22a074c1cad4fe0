package dev.jwtflights.passkeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a passkey the server refuses to add ({@code POST /webauthn/register}) with 400 and a problem detail, where
 * Spring Security's registration filter lets the relying party's exception through (a 500): an attestation that fails
 * verification (a wrong challenge or origin, a bad signature, a malformed attestation object) is the browser's
 * answer, not the server's fault. The body says only that the passkey could not be added; the exception's class goes to
 * the log, never its message or a stack trace to the client. A failing database is still the server's fault, and is
 * let through. Built by the page chain's security configuration (in {@code login}), not a bean of its own.
 */
public final class PasskeyRegistrationRefusals extends OncePerRequestFilter {

    static final String DETAIL = "The passkey could not be added.";

    private static final Logger log = LoggerFactory.getLogger(PasskeyRegistrationRefusals.class);

    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"" + DETAIL + "\"}";

    private final RequestMatcher registration = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/webauthn/register");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !this.registration.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (DataAccessException | TransactionException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            if (response.isCommitted()) {
                throw ex;
            }
            log.info("Passkey registration refused ({})", ex.getClass().getSimpleName());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(PROBLEM);
        }
    }

}
