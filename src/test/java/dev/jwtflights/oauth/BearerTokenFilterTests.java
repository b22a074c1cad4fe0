package dev.jwtflights.oauth;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import dev.jwtflights.revocation.EndedSessions;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.AccessTokenRefusals;
import dev.jwtflights.tokens.TokenAuthentication;
import dev.jwtflights.tokens.TestTokenServices;
import dev.jwtflights.tokens.TokenService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The API's bearer filter with the real token service: a valid token authenticates the request with its roles, a
 * refused one ends it through the entry point with nothing but "invalid_token", anything else is left alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class BearerTokenFilterTests {

    private static final String SECRET = "a-test-secret-of-more-than-32-bytes!!";

    private final MutableClock clock = MutableClock.startingNow();

    private final TokenService tokenService = TestTokenServices.create(SECRET, this.clock);

    private final AtomicReference<AuthenticationException> refusal = new AtomicReference<>();

    private final EndedSessions endedSessions = mock(EndedSessions.class);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final BearerTokenFilter filter = new BearerTokenFilter(this.tokenService, this.endedSessions,
            new AccessTokenRefusals(this.meters), (request, response, exception) -> this.refusal.set(exception),
            PathPatternRequestMatcher.withDefaults().matcher("/api/auth/token"),
            new RequestAttributeSecurityContextRepository());

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void filterWhenTheTokenIsValidThenTheRequestIsAuthenticatedWithItsRoles() throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("admin", List.of("ADMIN"), "session-1");
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(this.refusal.get()).isNull();
        TokenAuthentication authentication = (TokenAuthentication) SecurityContextHolder.getContext()
            .getAuthentication();
        assertThat(authentication.getName()).isEqualTo("admin");
        assertThat(authentication.token().sessionId()).isEqualTo("session-1");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactly("ROLE_ADMIN");
    }

    @Test
    void filterWhenTheTokenIsValidThenTheAuthenticationIsKeptForThisRequestOnly()
            throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        MockHttpServletRequest request = request("/reservation", "Bearer " + token.value());

        this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(new RequestAttributeSecurityContextRepository().loadDeferredContext(request).get()
            .getAuthentication()).isInstanceOf(TokenAuthentication.class);
        assertThat(request.getSession(false)).isNull();
    }

    @Test
    void filterWhenTheSchemeIsWrittenInLowerCaseThenStillRead() throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");

        this.filter.doFilter(request("/reservation", "bearer " + token.value()), new MockHttpServletResponse(),
                new MockFilterChain());

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(TokenAuthentication.class);
    }

    @Test
    void filterWhenTheTokenHasExpiredThenInvalidTokenAndTheReasonOnlyInTheLog(CapturedOutput output)
            throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        this.clock.advance(Duration.ofMinutes(2));
        MockFilterChain chain = new MockFilterChain();
        SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(token));

        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(this.refusal.get()).isInstanceOf(InvalidBearerTokenException.class)
            .hasMessage("The access token is invalid or expired");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(output).contains("Bearer token refused for GET /reservation: expired")
            .doesNotContain(token.value());
        assertThat(refusals()).isEqualTo(Map.of("expired", 1.0, "invalid", 0.0, "revoked", 0.0));
    }

    @Test
    void filterWhenTheTokenIsAlteredThenInvalidTokenCountedAsInvalid(CapturedOutput output)
            throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        String altered = token.value().substring(0, token.value().length() - 2) + "AA";
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request("/reservation", "Bearer " + altered), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(this.refusal.get()).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(output).doesNotContain(altered);
        assertThat(refusals()).isEqualTo(Map.of("expired", 0.0, "invalid", 1.0, "revoked", 0.0));
    }

    @Test
    void filterWhenTheTokensSessionHasEndedThenInvalidTokenThoughTheTokenIsValid(CapturedOutput output)
            throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        given(this.endedSessions.contains("session-1")).willReturn(true);
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(this.refusal.get()).isInstanceOf(InvalidBearerTokenException.class)
            .hasMessage("The access token is invalid or expired");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(output).contains("Bearer token refused for GET /reservation: session session-1 of user 'secret' "
                + "has ended").doesNotContain(token.value());
        assertThat(refusals()).isEqualTo(Map.of("expired", 0.0, "invalid", 0.0, "revoked", 1.0));
    }

    @Test
    void filterWhenARememberedTokensSessionEndsThenItsNextRequestIsRefused() throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        MockFilterChain before = new MockFilterChain();
        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), before);
        assertThat(before.getRequest()).isNotNull();
        SecurityContextHolder.clearContext();

        given(this.endedSessions.contains("session-1")).willReturn(true);
        MockFilterChain after = new MockFilterChain();
        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), after);

        assertThat(after.getRequest()).isNull();
        assertThat(this.refusal.get()).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void filterWhenARememberedTokenHasExpiredThenRefused() throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        MockFilterChain before = new MockFilterChain();
        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), before);
        assertThat(before.getRequest()).isNotNull();
        SecurityContextHolder.clearContext();

        this.clock.advance(Duration.ofSeconds(60));
        MockFilterChain after = new MockFilterChain();
        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), after);

        assertThat(after.getRequest()).isNull();
        assertThat(this.refusal.get()).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void filterWhenAnotherSessionHasEndedThenThisTokenStillWorks() throws ServletException, IOException {
        AccessToken token = this.tokenService.issue("secret", List.of("USER"), "session-1");
        given(this.endedSessions.contains("session-2")).willReturn(true);
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request("/reservation", "Bearer " + token.value()), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(this.refusal.get()).isNull();
        assertThat(refusals()).isEqualTo(Map.of("expired", 0.0, "invalid", 0.0, "revoked", 0.0));
    }

    @Test
    void filterWhenNoBearerHeaderThenLeftAlone() throws ServletException, IOException {
        for (String header : new String[] { null, "Basic c2VjcmV0OnNlY3JldA==", "Bearer" }) {
            MockFilterChain chain = new MockFilterChain();

            this.filter.doFilter(request("/reservation", header), new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(String.valueOf(header)).isNotNull();
            assertThat(this.refusal.get()).isNull();
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        }
    }

    @Test
    void filterWhenATokenEndpointThenTheHeaderIsNotRead() throws ServletException, IOException {
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request("/api/auth/token", "Bearer not-a-token"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(this.refusal.get()).isNull();
    }

    private static MockHttpServletRequest request(String path, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        if (authorization != null) {
            request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request;
    }

    /** The refusal counter's value by its reason tag. */
    private Map<String, Double> refusals() {
        Map<String, Double> counts = new HashMap<>();
        this.meters.find("jwtflights.access.token.refusals")
            .counters()
            .forEach((counter) -> counts.put(counter.getId().getTag("reason"), counter.count()));
        return counts;
    }

}
