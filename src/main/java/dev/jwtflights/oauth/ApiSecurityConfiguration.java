package dev.jwtflights.oauth;

import java.util.Arrays;

import dev.jwtflights.api.ApiPaths;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.Role;
import tools.jackson.databind.json.JsonMapper;

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
 * RFC 6750 challenges of Spring Security's resource server, and its RFC 9728 protected-resource metadata is served.
 * The token endpoints are open to anyone and ignore any Authorization header; reading reservations needs a signed-in
 * user, changing them ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String[] TOKEN_ENDPOINTS = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke" };

    private static final String[] RESERVATIONS = { "/reservation", "/reservation/**" };

    /**
     * The RFC 9728 protected-resource metadata, linked to from every 401 ({@code resource_metadata}): what this API is
     * and that it takes bearer tokens in the header.
     */
    static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    /** Keeps the authentication for the length of one request: nothing is ever stored in an HTTP session. */
    private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, TokenService tokenService, JsonMapper jsonMapper) {
        BearerProblems problems = new BearerProblems(jsonMapper);
        OAuth2ProtectedResourceMetadataFilter metadata = new OAuth2ProtectedResourceMetadataFilter();
        // Our tokens are plain bearer tokens, not bound to a client certificate (the filter's default says they are).
        metadata.setProtectedResourceMetadataCustomizer((resource) -> resource.resourceName("jwt-flights API")
            .tlsClientCertificateBoundAccessTokens(false));
        http.securityMatcher(apiAndResourceMetadata())
            .authorizeHttpRequests((authorize) -> authorize.requestMatchers(TOKEN_ENDPOINTS)
                .permitAll()
                .requestMatchers(HttpMethod.GET, RESOURCE_METADATA)
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
            .addFilterBefore(new BearerTokenFilter(tokenService, problems, anyOf(TOKEN_ENDPOINTS),
                    this.contextRepository), BasicAuthenticationFilter.class)
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        return http.build();
    }

    private static RequestMatcher apiAndResourceMetadata() {
        String[] patterns = Arrays.copyOf(ApiPaths.PATTERNS, ApiPaths.PATTERNS.length + 1);
        patterns[ApiPaths.PATTERNS.length] = RESOURCE_METADATA;
        return anyOf(patterns);
    }

    private static RequestMatcher anyOf(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).map(paths::matcher).toArray(RequestMatcher[]::new));
    }

}
