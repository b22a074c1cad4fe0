package dev.jwtflights.oauth;

import java.util.Arrays;

import dev.jwtflights.api.ApiPaths;
import dev.jwtflights.revocation.EndedSessions;
import dev.jwtflights.tokens.AccessTokenRefusals;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's filter chain: access tokens taken only from {@code Authorization: Bearer} (cookies are not read, so there
 * is no CSRF surface) and checked by the token service ({@link BearerTokenFilter}), no session. Refusals carry the
 * RFC 6750 challenges of Spring Security's resource server, and its RFC 9728 protected-resource metadata is served,
 * as is our RFC 8414 authorization server metadata.
 * The token endpoints are open to anyone and ignore any Authorization header; reading reservations needs a signed-in
 * user, changing them ADMIN.
 * <p>
 * The actuator's endpoints are served on this chain too, with the same bearer tokens: {@code /actuator/health} is
 * public (its status only), every other endpoint is for ADMIN tokens.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String[] TOKEN_ENDPOINTS = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke" };

    private static final String[] RESERVATIONS = { "/reservation", "/reservation/**" };

    /**
     * Public JSON about the API and its tokens, served on this chain: the RFC 9728 protected-resource metadata at
     * {@code /.well-known/oauth-protected-resource} (Spring Security's filter; every 401 links to it), which says what
     * this API is, who issues its tokens and that it takes them in the header, and the RFC 8414 authorization server
     * metadata. Stateless, no cookies. Any other well-known path is a plain 404 here, not a redirect to the login
     * page, so that a client that probes for OpenID Connect metadata, say, moves on to the next place it knows.
     */
    private static final String WELL_KNOWN = "/.well-known/**";

    /** Keeps the authentication for the length of one request: nothing is ever stored in an HTTP session. */
    private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

    /** The health endpoint: its status, UP or DOWN, for load balancers and probes; no details. */
    private static final RequestMatcher HEALTH = EndpointRequest.to("health");

    /** Every actuator endpoint, and the page that lists them. */
    private static final RequestMatcher ACTUATOR = EndpointRequest.toAnyEndpoint();

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, TokenService tokenService,
            EndedSessions endedSessions, AccessTokenRefusals refusals, JsonMapper jsonMapper) {
        String issuer = tokenService.issuer();
        BearerProblems problems = new BearerProblems(jsonMapper, issuer);
        OAuth2ProtectedResourceMetadataFilter metadata = new OAuth2ProtectedResourceMetadataFilter();
        // The resource and its authorization server are this application at its configured URL, never the request's
        // Host; and our tokens are plain bearer tokens, not bound to a client certificate (the filter's default).
        metadata.setProtectedResourceMetadataCustomizer((resource) -> resource.resource(issuer)
            .authorizationServer(issuer)
            .resourceName("jwt-flights API")
            .tlsClientCertificateBoundAccessTokens(false));
        http.securityMatcher(new OrRequestMatcher(apiAndMetadata(), ACTUATOR))
            .authorizeHttpRequests((authorize) -> authorize.requestMatchers(TOKEN_ENDPOINTS)
                .permitAll()
                .requestMatchers(HEALTH)
                .permitAll()
                .requestMatchers(ACTUATOR)
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, WELL_KNOWN)
                .permitAll()
                .requestMatchers(HttpMethod.GET, RESERVATIONS)
                .authenticated()
                .requestMatchers(HttpMethod.HEAD, RESERVATIONS)
                .authenticated()
                .requestMatchers(RESERVATIONS)
                .hasRole(Role.ADMIN.name())
                .anyRequest()
                .authenticated())
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext((context) -> context.securityContextRepository(this.contextRepository))
            .csrf((csrf) -> csrf.disable())
            .logout((logout) -> logout.disable())
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
            .addFilterBefore(metadata, BasicAuthenticationFilter.class)
            .addFilterBefore(new BearerTokenFilter(tokenService, endedSessions, refusals, problems,
                    anyOf(TOKEN_ENDPOINTS), this.contextRepository), BasicAuthenticationFilter.class)
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        return http.build();
    }

    private static RequestMatcher apiAndMetadata() {
        String[] patterns = Arrays.copyOf(ApiPaths.PATTERNS, ApiPaths.PATTERNS.length + 1);
        patterns[ApiPaths.PATTERNS.length] = WELL_KNOWN;
        return anyOf(patterns);
    }

    private static RequestMatcher anyOf(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).map(paths::matcher).toArray(RequestMatcher[]::new));
    }

}
