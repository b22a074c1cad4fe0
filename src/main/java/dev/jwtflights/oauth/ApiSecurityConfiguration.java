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
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's filter chain: Spring Security's resource server with our access tokens ({@link JwtDecoder} backed by the
 * token service), taken only from {@code Authorization: Bearer} (cookies are not read, so there is no CSRF surface),
 * no session. The token endpoints are open to anyone and ignore any Authorization header; reading reservations needs
 * a signed-in user, changing them ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String[] TOKEN_ENDPOINTS = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke" };

    private static final String[] RESERVATIONS = { "/reservation", "/reservation/**" };

    /**
     * The RFC 9728 protected-resource metadata that Spring Security's resource server serves, and links to from every
     * 401 ({@code resource_metadata}): what this API is and that it takes bearer tokens in the header.
     */
    static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtDecoder accessTokenDecoder,
            JsonMapper jsonMapper) {
        BearerProblems problems = new BearerProblems(jsonMapper);
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
            .oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(bearerTokens())
                .protectedResourceMetadata((metadata) -> metadata
                    .protectedResourceMetadataCustomizer((resource) -> resource.resourceName("jwt-flights API")))
                .jwt((jwt) -> jwt.authenticationManager(bearerTokenAuthentication(accessTokenDecoder)))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf((csrf) -> csrf.disable())
            .logout((logout) -> logout.disable())
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The {@code Authorization: Bearer} header only (never a query or form parameter); none at all on the token
     * endpoints, which clients may call with the very access token that just expired.
     */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        RequestMatcher tokenEndpoints = tokenEndpoints();
        return (request) -> tokenEndpoints.matches(request) ? null : header.resolve(request);
    }

    /**
     * Bearer tokens are checked by our decoder alone: no password check behind it to fall back to, and no
     * authentication event per API request (the sign-in log is about passwords).
     */
    private static AuthenticationManager bearerTokenAuthentication(JwtDecoder accessTokenDecoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(accessTokenDecoder);
        provider.setJwtAuthenticationConverter(rolesAsAuthorities());
        return new ProviderManager(provider);
    }

    /** The {@code roles} claim ({@code ["ADMIN"]}) as Spring Security roles ({@code ROLE_ADMIN}), the name from sub. */
    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenService.ROLES_CLAIM);
        authorities.setAuthorityPrefix(Role.AUTHORITY_PREFIX);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static RequestMatcher tokenEndpoints() {
        return anyOf(TOKEN_ENDPOINTS);
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
