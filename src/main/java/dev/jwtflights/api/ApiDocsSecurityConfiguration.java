package dev.jwtflights.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The API's own description and Swagger UI: public, read-only, no cookie read, no session, and a content security
 * policy with just what Swagger UI needs.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurityConfiguration {

    /**
     * Swagger UI loads its own scripts and styles from {@code /swagger-ui/}, shows data: images (icons in its CSS) and
     * calls the API on this same origin. Its one inline {@code <style>} (in the Swagger logo) is allowed by its hash,
     * not by {@code 'unsafe-inline'}; should an upgrade of the swagger-ui WebJar change it, only the logo loses its
     * colours. Scripts stay {@code 'self'} only.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] API_DOCS_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**" };

    /** Before the pages' chain, which is last and takes every request that no other chain matched. */
    @Bean
    @Order(3)
    SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http) {
        http.securityMatcher(API_DOCS_PATHS)
            .authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Read-only and public: nothing here acts on anyone's behalf, and no cookie is read.
            .csrf((csrf) -> csrf.disable())
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(SWAGGER_UI_POLICY)))
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()));
        return http.build();
    }

}
