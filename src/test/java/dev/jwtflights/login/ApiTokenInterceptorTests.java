package dev.jwtflights.login;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.TokenAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The pages' API calls carry the page user's access token; a 401 renews the session once, in the same page request,
 * and the call is sent again with the new token.
 */
class ApiTokenInterceptorTests {

    private final BrowserSession session = mock(BrowserSession.class);

    private final ApiTokenInterceptor interceptor = new ApiTokenInterceptor(this.session);

    private final MockHttpServletRequest pageRequest = new MockHttpServletRequest("GET", "/flights");

    private final MockHttpServletResponse pageResponse = new MockHttpServletResponse();

    private final TokenAuthentication signedIn = authentication("old-token");

    /** The Authorization header of every request the API got. */
    private final List<String> sent = new ArrayList<>();

    @BeforeEach
    void aSignedInPageRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.pageRequest, this.pageResponse));
        SecurityContextHolder.getContext().setAuthentication(this.signedIn);
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void interceptWhenTheApiAcceptsTheTokenThenOneCallWithIt() throws IOException {
        ClientHttpResponse response = this.interceptor.intercept(apiRequest(), new byte[0], api(HttpStatus.OK));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(this.sent).containsExactly("Bearer old-token");
        then(this.session).shouldHaveNoInteractions();
    }

    @Test
    void interceptWhenTheApiRefusesTheTokenThenRenewsOnceAndCallsAgainWithTheNewOne() throws IOException {
        TokenAuthentication renewed = authentication("new-token");
        given(this.session.renew(this.pageRequest, this.pageResponse)).willReturn(Optional.of(renewed));

        ClientHttpResponse response = this.interceptor.intercept(apiRequest(), new byte[0],
                api(HttpStatus.UNAUTHORIZED, HttpStatus.OK));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(this.sent).containsExactly("Bearer old-token", "Bearer new-token");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(renewed);
    }

    @Test
    void interceptWhenTheSessionCannotBeRenewedThenCredentialsExpired() {
        given(this.session.renew(this.pageRequest, this.pageResponse)).willReturn(Optional.empty());

        assertThatExceptionOfType(CredentialsExpiredException.class).isThrownBy(
                () -> this.interceptor.intercept(apiRequest(), new byte[0], api(HttpStatus.UNAUTHORIZED)));
        assertThat(this.sent).containsExactly("Bearer old-token");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(this.signedIn);
    }

    @Test
    void interceptWhenTheApiRefusesTheRenewedTokenTooThenCredentialsExpired() {
        given(this.session.renew(this.pageRequest, this.pageResponse))
            .willReturn(Optional.of(authentication("new-token")));

        assertThatExceptionOfType(CredentialsExpiredException.class).isThrownBy(() -> this.interceptor
            .intercept(apiRequest(), new byte[0], api(HttpStatus.UNAUTHORIZED, HttpStatus.UNAUTHORIZED)));
        assertThat(this.sent).containsExactly("Bearer old-token", "Bearer new-token");
    }

    @Test
    void interceptWhenTheApiForbidsThenNoRenewal() throws IOException {
        ClientHttpResponse response = this.interceptor.intercept(apiRequest(), new byte[0],
                api(HttpStatus.FORBIDDEN));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        then(this.session).should(never()).renew(this.pageRequest, this.pageResponse);
    }

    @Test
    void interceptWhenNotASignedInPageRequestThenNothingIsSent() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("secret", "password"));

        assertThatExceptionOfType(CredentialsExpiredException.class)
            .isThrownBy(() -> this.interceptor.intercept(apiRequest(), new byte[0], api(HttpStatus.OK)));
        assertThat(this.sent).isEmpty();
    }

    private static MockClientHttpRequest apiRequest() {
        return new MockClientHttpRequest(HttpMethod.GET, URI.create("http://localhost:8080/reservation"));
    }

    /** An API that answers the given statuses in turn, noting the Authorization header it got each time. */
    private ClientHttpRequestExecution api(HttpStatus... answers) {
        int[] calls = { 0 };
        return (request, body) -> {
            this.sent.add(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            return new MockClientHttpResponse(new byte[0], answers[calls[0]++]);
        };
    }

    private static TokenAuthentication authentication(String value) {
        Instant now = Instant.now();
        return new TokenAuthentication(new AccessToken(value, "jti-" + value, "secret", "session-1", List.of("USER"),
                now, now.plusSeconds(60)));
    }

}
