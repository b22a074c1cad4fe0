package dev.jwtflights.login;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.tokens.TokenAuthentication;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates page requests from the token cookies, renewing the session silently when the access token is
 * missing or expired. Built by the security configuration, not a bean of its own.
 * <p>
 * An error page (the {@code ERROR} dispatch after a 403, 404 or 500) is shown to the same person as the request that
 * failed: it reuses that request's authentication, so the navigation still says who is signed in, and it never
 * refreshes a second time.
 */
final class CookieAuthenticationFilter extends OncePerRequestFilter {

    private static final String AUTHENTICATION_ATTRIBUTE = CookieAuthenticationFilter.class.getName()
            + ".authentication";

    private final BrowserSession session;

    private final RequestMatcher publicRequests;

    private final SecurityContextRepository contextRepository;

    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    CookieAuthenticationFilter(BrowserSession session, RequestMatcher publicRequests,
            SecurityContextRepository contextRepository) {
        this.session = session;
        this.publicRequests = publicRequests;
        this.contextRepository = contextRepository;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isErrorDispatch(request) && this.publicRequests.matches(request);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TokenAuthentication> authentication = isErrorDispatch(request)
                ? authenticationOfFailedRequest(request) : this.session.authenticate(request, response);
        if (authentication.isPresent()) {
            request.setAttribute(AUTHENTICATION_ATTRIBUTE, authentication.get());
            SecurityContext context = this.contextHolder.createEmptyContext();
            context.setAuthentication(authentication.get());
            this.contextHolder.setContext(context);
            // Saved for this request only, so that nothing downstream takes it for a new login (and, say,
            // replaces the CSRF token on every page).
            this.contextRepository.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }

    private static Optional<TokenAuthentication> authenticationOfFailedRequest(HttpServletRequest request) {
        return (request.getAttribute(AUTHENTICATION_ATTRIBUTE) instanceof TokenAuthentication authentication)
                ? Optional.of(authentication) : Optional.empty();
    }

    private static boolean isErrorDispatch(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.ERROR;
    }

}
