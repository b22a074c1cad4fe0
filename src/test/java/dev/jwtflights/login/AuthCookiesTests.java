package dev.jwtflights.login;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import dev.jwtflights.sessions.IssuedRefreshToken;
import dev.jwtflights.sessions.TokenPair;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.tokens.AccessToken;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie rules.
 */
class AuthCookiesTests {

    private final MutableClock clock = MutableClock.startingNow();

    private final Instant now = this.clock.instant();

    private final AccessToken access = new AccessToken("header.payload.signature", "jti", "secret", "sid",
            List.of("USER"), this.now, this.now.plus(Duration.ofMinutes(1)));

    private final IssuedRefreshToken refresh = new IssuedRefreshToken("r".repeat(43), "sid",
            this.now.plus(Duration.ofDays(7)));

    private final MockHttpServletRequest request = new MockHttpServletRequest();

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void writeSetsBothCookiesHttpOnlyStrictOnTheRootPathWithTheirLifetimes() {
        new AuthCookies(new CookieProperties(false), this.clock).write(this.request, this.response,
                new TokenPair(this.access, this.refresh));

        // Expires is derived by Spring from the real time; Max-Age is ours.
        List<String> cookies = this.response.getHeaders(HttpHeaders.SET_COOKIE);
        assertThat(cookies).hasSize(2);
        assertThat(cookies.get(0)).startsWith("accessToken=header.payload.signature; Path=/; Max-Age=60; Expires=")
            .endsWith("; HttpOnly; SameSite=Strict");
        assertThat(cookies.get(1)).startsWith("refreshToken=" + "r".repeat(43) + "; Path=/; Max-Age=604800; Expires=")
            .endsWith("; HttpOnly; SameSite=Strict");
    }

    @Test
    void writeOverPlainHttpThenNotSecure() {
        new AuthCookies(new CookieProperties(false), this.clock).write(this.request, this.response,
                new TokenPair(this.access, this.refresh));

        assertThat(this.response.getHeaders(HttpHeaders.SET_COOKIE)).noneMatch((cookie) -> cookie.contains("Secure"));
    }

    @Test
    void writeOverHttpsThenSecure() {
        this.request.setSecure(true);

        new AuthCookies(new CookieProperties(false), this.clock).write(this.request, this.response,
                new TokenPair(this.access, this.refresh));

        assertThat(this.response.getHeaders(HttpHeaders.SET_COOKIE)).hasSize(2)
            .allMatch((cookie) -> cookie.contains("; Secure"));
    }

    @Test
    void writeWhenSecureConfiguredThenSecureEvenOverPlainHttp() {
        new AuthCookies(new CookieProperties(true), this.clock).write(this.request, this.response,
                new TokenPair(this.access, this.refresh));

        assertThat(this.response.getHeaders(HttpHeaders.SET_COOKIE)).hasSize(2)
            .allMatch((cookie) -> cookie.contains("; Secure"));
    }

    @Test
    void writeNearTheSessionCapThenTheRefreshCookieLivesOnlyAsLongAsTheToken() {
        IssuedRefreshToken capped = new IssuedRefreshToken("r".repeat(43), "sid", this.now.plus(Duration.ofHours(2)));

        new AuthCookies(new CookieProperties(false), this.clock).write(this.request, this.response,
                new TokenPair(this.access, capped));

        assertThat(this.response.getHeaders(HttpHeaders.SET_COOKIE).get(1)).contains("Max-Age=7200;");
    }

    @Test
    void writeWithinTheSecondOfIssueThenTheAccessCookieKeepsItsFullLifetime() {
        this.clock.advance(Duration.ofMillis(300));

        new AuthCookies(new CookieProperties(false), this.clock).write(this.request, this.response,
                new TokenPair(this.access, this.refresh));

        assertThat(this.response.getHeaders(HttpHeaders.SET_COOKIE).get(0)).contains("Max-Age=60;");
    }

    @Test
    void clearExpiresBothCookies() {
        new AuthCookies(new CookieProperties(false), this.clock).clear(this.request, this.response);

        assertThat(this.response.getHeaders(HttpHeaders.SET_COOKIE)).hasSize(2)
            .anyMatch((cookie) -> cookie.startsWith("accessToken=; Path=/; Max-Age=0;"))
            .anyMatch((cookie) -> cookie.startsWith("refreshToken=; Path=/; Max-Age=0;"))
            .allMatch((cookie) -> cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    }

    @Test
    void readReturnsTheCookieValuesAndIgnoresEmptyOnes() {
        AuthCookies cookies = new AuthCookies(new CookieProperties(false), this.clock);
        this.request.setCookies(new Cookie("accessToken", "a.b.c"), new Cookie("refreshToken", ""));

        assertThat(cookies.accessToken(this.request)).contains("a.b.c");
        assertThat(cookies.refreshToken(this.request)).isEmpty();
    }

    @Test
    void readReturnsEachCookieByItsOwnName() {
        AuthCookies cookies = new AuthCookies(new CookieProperties(false), this.clock);
        this.request.setCookies(new Cookie("refreshToken", "r".repeat(43)), new Cookie("other", "x"));

        assertThat(cookies.refreshToken(this.request)).contains("r".repeat(43));
        assertThat(cookies.accessToken(this.request)).isEmpty();
    }

}
