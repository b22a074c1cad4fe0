package dev.jwtflights.oauth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.revocation.EndedSessions;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.AccessTokenRefusals;
import dev.jwtflights.tokens.InvalidTokenException;
import dev.jwtflights.tokens.TokenAuthentication;
import dev.jwtflights.tokens.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer <access token>}, and by nothing else: cookies are not
 * read here. A token is refused when the token service refuses it, or when its session has ended (signed out, ended
 * by its person or an administrator, in SQL too): that ends the request with a 401 ({@code error="invalid_token"},
 * written by Spring Security's {@code BearerTokenAuthenticationEntryPoint}); the reason goes to the log only. Built by
 * the security configuration, not a bean of its own.
 * <p>
 * Why not Spring Security's resource server ({@code oauth2ResourceServer(jwt -> jwt.decoder(...))}): it was built, with
 * a {@code JwtDecoder} backed by the same token service, and measured against this filter with
 * {@code bench/reservation-load.sh}: in five paired runs it served 3 to 27% fewer {@code GET /reservation} requests
 * (median 19%), and a profile showed 14% more CPU per request (its regular-expression header parser, the {@code Jwt}
 * and the authentication it builds from our claims, two more filters). We allow 5%. This filter does the same job in
 * one step: the header's scheme, the token service, {@link TokenAuthentication}; the challenges it answers with are
 * Spring Security's.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    private static final String BEARER = "Bearer ";

    private final TokenService tokenService;

    private final EndedSessions endedSessions;

    private final AccessTokenRefusals refusals;

    private final AuthenticationEntryPoint entryPoint;

    private final RequestMatcher ignored;

    private final SecurityContextRepository contextRepository;

    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    /**
     * @param ignored requests whose Authorization header is not looked at (the token endpoints, which clients may
     * call with the very access token that just expired)
     */
    BearerTokenFilter(TokenService tokenService, EndedSessions endedSessions, AccessTokenRefusals refusals,
            AuthenticationEntryPoint entryPoint, RequestMatcher ignored, SecurityContextRepository contextRepository) {
        this.tokenService = tokenService;
        this.endedSessions = endedSessions;
        this.refusals = refusals;
        this.entryPoint = entryPoint;
        this.ignored = ignored;
        this.contextRepository = contextRepository;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return this.ignored.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        AccessToken token;
        try {
            token = this.tokenService.verify(header.substring(BEARER.length()).strip());
        }
        catch (InvalidTokenException ex) {
            this.refusals.refused(ex);
            refuse(request, response, ex.getMessage());
            return;
        }
        if (this.endedSessions.contains(token.sessionId())) {
            this.refusals.refused(AccessTokenRefusals.Reason.REVOKED);
            refuse(request, response, "session " + token.sessionId() + " of user '" + token.username() + "' has ended");
            return;
        }
        SecurityContext context = this.contextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(token));
        this.contextHolder.setContext(context);
        this.contextRepository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        log.info("Bearer token refused for {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
        this.contextHolder.clearContext();
        this.entryPoint.commence(request, response,
                new InvalidBearerTokenException("The access token is invalid or expired"));
    }

}
