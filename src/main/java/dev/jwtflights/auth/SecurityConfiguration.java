package dev.jwtflights.auth;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four filter chains, none of which keeps an HTTP session:
 * <ol>
 * <li>the API: bearer tokens only, no cookies, no CSRF; the token endpoints are open, writes need ADMIN;</li>
 * <li>the H2 console, when it is enabled: the page cookies, ADMIN only, framed by its own pages only;</li>
 * <li>the API description and Swagger UI: public, no cookies, a policy with what Swagger UI needs;</li>
 * <li>the pages: the login form, the page cookies with silent refresh, CSRF protection.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PAGE_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The H2 console is a page of frames with inline scripts, inline event handlers and inline styles, whose query
     * page asks for completions with XMLHttpRequest; it gets only that, from its own origin, and nothing else.
     */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'self'; frame-src 'self'; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

    /**
     * Swagger UI loads its own scripts and styles from {@code /swagger-ui/}, shows data: images (icons in its CSS) and
     * calls the API on this same origin. Its one inline {@code <style>} (in the Swagger logo) is allowed by its hash,
     * not by {@code 'unsafe-inline'}; should an upgrade of the swagger-ui WebJar change it, only the logo loses its
     * colours. Scripts stay {@code 'self'} only.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The token endpoints: open to anyone, and they ignore any Authorization header. */
    private static final String[] TOKEN_ENDPOINTS = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke" };

    private static final String[] API_DESCRIPTION_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**" };

    private static final String[] PUBLIC_PATHS = { "/login", "/error", "/css/**", "/js/**", "/webjars/**",
            "/favicon.ico", "/favicon.svg" };

    /** Keeps the authentication for the length of one request: nothing is ever stored in an HTTP session. */
    private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Checks usernames and passwords, for the login form and for {@code POST /api/auth/token} alike, with the
     * timing-attack protection of {@link DaoAuthenticationProvider}: an unknown user costs a BCrypt check too, and so
     * does a disabled one (Spring Security 7 checks the password before it refuses the account), so nobody learns
     * from the time of an answer which accounts exist or are disabled.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, TokenService tokens, JsonMapper jsonMapper) {
        BearerProblems problems = new BearerProblems(jsonMapper);
        String admin = Role.ADMIN.name();
        http.securityMatcher("/reservation", "/reservation/**", "/api/**")
            .authorizeHttpRequests((authorize) -> authorize.requestMatchers(TOKEN_ENDPOINTS)
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/reservation", "/reservation/**")
                .authenticated()
                .requestMatchers(HttpMethod.HEAD, "/reservation", "/reservation/**")
                .authenticated()
                .requestMatchers("/reservation", "/reservation/**")
                .hasRole(admin)
                .anyRequest()
                .authenticated())
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext((context) -> context.securityContextRepository(this.contextRepository))
            .csrf((csrf) -> csrf.disable())
            .logout((logout) -> logout.disable())
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
            .addFilterBefore(
                    new BearerTokenFilter(tokens, problems, matcher(TOKEN_ENDPOINTS), this.contextRepository),
                    BasicAuthenticationFilter.class)
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnBooleanProperty("spring.h2.console.enabled")
    SecurityFilterChain h2ConsoleSecurityFilterChain(HttpSecurity http, BrowserSession session) {
        http.securityMatcher(PathRequest.toH2Console())
            .authorizeHttpRequests((authorize) -> authorize.anyRequest().hasRole(Role.ADMIN.name()))
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext((context) -> context.securityContextRepository(this.contextRepository))
            .logout((logout) -> logout.disable())
            // The console's forms carry its own session key, and our cookies are SameSite=Strict.
            .csrf((csrf) -> csrf.disable())
            .headers((headers) -> headers.frameOptions((frames) -> frames.sameOrigin())
                .contentSecurityPolicy((csp) -> csp.policyDirectives(CONSOLE_POLICY)))
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
            .addFilterBefore(new CookieAuthenticationFilter(session, (request) -> false, this.contextRepository),
                    BasicAuthenticationFilter.class)
            .addFilterAfter(new NoStoreFilter(), AuthorizationFilter.class)
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginPageEntryPoint()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiDescriptionSecurityFilterChain(HttpSecurity http) {
        http.securityMatcher(API_DESCRIPTION_PATHS)
            .authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Read-only and public: nothing here acts on anyone's behalf, and no cookie is read.
            .csrf((csrf) -> csrf.disable())
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(SWAGGER_UI_POLICY)))
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, BrowserSession session,
            AuthenticationManager authenticationManager) {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
        http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(PUBLIC_PATHS)
            .permitAll()
            .anyRequest()
            .authenticated())
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext((context) -> context.securityContextRepository(this.contextRepository))
            .csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(PAGE_POLICY)))
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
            .authenticationManager(authenticationManager)
            .formLogin((login) -> login.loginPage("/login")
                .successHandler(new LoginSuccessHandler(session))
                .failureHandler(new LoginFailureHandler())
                .permitAll())
            .logout((logout) -> logout.logoutUrl("/logout")
                .addLogoutHandler(new SessionLogoutHandler(session))
                .logoutSuccessUrl("/login" + LoginNotice.SIGNED_OUT.query()))
            .addFilterBefore(new CookieAuthenticationFilter(session, matcher(PUBLIC_PATHS), this.contextRepository),
                    UsernamePasswordAuthenticationFilter.class)
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginPageEntryPoint()));
        return http.build();
    }

    private static RequestMatcher matcher(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = paths.matcher(patterns[i]);
        }
        return new OrRequestMatcher(matchers);
    }

}
