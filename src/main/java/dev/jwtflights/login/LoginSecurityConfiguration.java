package dev.jwtflights.login;

import dev.jwtflights.console.NoStoreFilter;
import dev.jwtflights.passkeys.PasskeyRegistrationRefusals;
import dev.jwtflights.users.Role;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The browser's two filter chains, both authenticated by the token cookies and neither keeping an HTTP session: the
 * H2 console (when it is enabled: ADMIN only, framed by its own pages only) and the pages (the login form, passkeys,
 * silent renewal, CSRF protection). The pages' chain is the last one: it takes every request no other chain matched.
 */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfiguration {

    /**
     * Everything from our own origin only; images also as {@code data:} URLs, which is how Bootstrap draws the marks of
     * its checkboxes and selects.
     */
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The H2 console is a page of frames with inline scripts, inline event handlers and inline styles, whose query
     * page asks for completions with XMLHttpRequest; it gets only that, from its own origin, and nothing else.
     */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'self'; frame-src 'self'; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

    /** The browser features no page uses, turned off for them and for anything they would embed. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /** The pages only administrators see. */
    private static final String ADMIN_PATHS = "/admin/**";

    /** The two requests of a passkey sign-in: Spring Security's {@code webAuthn()} answers them. */
    private static final String PASSKEY_OPTIONS_PATH = "/webauthn/authenticate/options";

    private static final String PASSKEY_LOGIN_PATH = "/login/webauthn";

    private static final String[] PUBLIC_PATHS = { "/login", PASSKEY_LOGIN_PATH, PASSKEY_OPTIONS_PATH, "/error",
            "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg" };

    /** Keeps the authentication for the length of one request: nothing is ever stored in an HTTP session. */
    private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

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
            .headers((headers) -> pageHeaders(headers, CONSOLE_POLICY).frameOptions((frames) -> frames.sameOrigin()))
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
            .addFilterBefore(new CookieAuthenticationFilter(session, (request) -> false, this.contextRepository),
                    BasicAuthenticationFilter.class)
            .addFilterAfter(new NoStoreFilter(), AuthorizationFilter.class)
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginPageEntryPoint()));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, BrowserSession session,
            AuthenticationManager authenticationManager, WebAuthnRelyingPartyOperations relyingParty,
            PublicKeyCredentialRequestOptionsRepository signInCeremonies,
            PublicKeyCredentialCreationOptionsRepository registrationCeremonies, UserDetailsService users,
            ApplicationEventPublisher events) {
        LoginSuccessHandler successHandler = new LoginSuccessHandler(session);
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
        http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(PUBLIC_PATHS)
            .permitAll()
            .requestMatchers(ADMIN_PATHS)
            .hasRole(Role.ADMIN.name())
            // Spring Security's removal of a passkey: people remove theirs on /account/passkeys, which audits it.
            .requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
            .denyAll()
            .anyRequest()
            .authenticated())
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext((context) -> context.securityContextRepository(this.contextRepository))
            .csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
            .headers((headers) -> pageHeaders(headers, PAGE_POLICY))
            .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
            .authenticationManager(authenticationManager)
            .formLogin((login) -> login.loginPage("/login")
                .successHandler(successHandler)
                .failureHandler(new LoginFailureHandler())
                .permitAll())
            .webAuthn((passkeys) -> passkeys.disableDefaultRegistrationPage(true)
                .creationOptionsRepository(registrationCeremonies)
                .withObjectPostProcessor(passkeySignIn(successHandler, signInCeremonies,
                        passkeyCheck(relyingParty, users, events))))
            // Answers the sign-in options before webAuthn()'s own filter, which would keep them in an HTTP session.
            .addFilterAfter(passkeySignInOptions(relyingParty, signInCeremonies), CsrfFilter.class)
            // A passkey whose attestation fails verification is a 400, not the 500 of webAuthn()'s own filter.
            .addFilterAfter(new PasskeyRegistrationRefusals(), CsrfFilter.class)
            .logout((logout) -> logout.logoutUrl("/logout")
                .addLogoutHandler((request, response, authentication) -> session.end(request, response))
                .logoutSuccessUrl("/login" + LoginNotice.SIGNED_OUT.query()))
            .addFilterBefore(new CookieAuthenticationFilter(session, publicPaths(), this.contextRepository),
                    UsernamePasswordAuthenticationFilter.class)
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginPageEntryPoint()));
        return http.build();
    }

    /**
     * What every page's answer says about where it may be shown and what it may use: its content security policy;
     * no referrer beyond our origin for links to other sites; none of the browser features the pages never use
     * (passkeys keep theirs, for this origin); and a window of its own, that a page of another origin that opened it
     * cannot reach.
     */
    private static HeadersConfigurer<HttpSecurity> pageHeaders(HeadersConfigurer<HttpSecurity> headers,
            String policy) {
        return headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy))
            .referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
            .permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY))
            .crossOriginOpenerPolicy((opener) -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN));
    }

    /**
     * The passkey sign-in ({@code POST /login/webauthn}) ends as a password login does: the same success handler starts
     * the session; the security context lives for this request only, the ceremony's options come from where
     * {@link #passkeySignInOptions} left them, and the assertion is checked by {@link #passkeyCheck}.
     */
    private ObjectPostProcessor<WebAuthnAuthenticationFilter> passkeySignIn(LoginSuccessHandler successHandler,
            PublicKeyCredentialRequestOptionsRepository signInCeremonies, AuthenticationManager passkeyCheck) {
        return new ObjectPostProcessor<>() {

            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationManager(passkeyCheck);
                filter.setAuthenticationSuccessHandler(successHandler);
                filter.setAuthenticationFailureHandler(new PasskeyFailureHandler());
                filter.setSecurityContextRepository(LoginSecurityConfiguration.this.contextRepository);
                filter.setRequestOptionsRepository(signInCeremonies);
                return filter;
            }

        };
    }

    /**
     * The check of a passkey's assertion: Spring Security's own ({@code webAuthn()} makes the same provider), which
     * also refuses a disabled user (as the password check does) and publishes every refusal as an
     * {@code AbstractAuthenticationFailureEvent}, for the audit trail, like a refused password. The provider reports
     * every refusal as a {@link org.springframework.security.authentication.BadCredentialsException} whose cause says
     * why (a {@link org.springframework.security.authentication.DisabledException} for a disabled user).
     */
    static AuthenticationManager passkeyCheck(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users,
            ApplicationEventPublisher events) {
        AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
        UserDetailsService activeUsers = (username) -> {
            UserDetails user = users.loadUserByUsername(username);
            accountStatus.check(user);
            return user;
        };
        ProviderManager manager = new ProviderManager(new WebAuthnAuthenticationProvider(relyingParty, activeUsers));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /** {@code POST /webauthn/authenticate/options}: the challenge of a passkey sign-in, kept without an HTTP session. */
    private static PublicKeyCredentialRequestOptionsFilter passkeySignInOptions(
            WebAuthnRelyingPartyOperations relyingParty, PublicKeyCredentialRequestOptionsRepository signInCeremonies) {
        PublicKeyCredentialRequestOptionsFilter filter = new PublicKeyCredentialRequestOptionsFilter(relyingParty);
        filter.setRequestOptionsRepository(signInCeremonies);
        filter.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PASSKEY_OPTIONS_PATH));
        return filter;
    }

    private static RequestMatcher publicPaths() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[PUBLIC_PATHS.length];
        for (int i = 0; i < PUBLIC_PATHS.length; i++) {
            matchers[i] = paths.matcher(PUBLIC_PATHS[i]);
        }
        return new OrRequestMatcher(matchers);
    }

}
