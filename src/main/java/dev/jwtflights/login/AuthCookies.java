package dev.jwtflights.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.sessions.IssuedRefreshToken;
import dev.jwtflights.sessions.TokenPair;
import dev.jwtflights.tokens.AccessToken;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * The cookie rules: both tokens travel only in HttpOnly, SameSite=Strict cookies on path {@code /}, marked Secure
 * over HTTPS or when {@code app.cookies.secure} is set.
 */
@EnableConfigurationProperties(CookieProperties.class)
@Component
class AuthCookies {

    static final String ACCESS_TOKEN = "accessToken";

    static final String REFRESH_TOKEN = "refreshToken";

    private final CookieProperties properties;

    private final Clock clock;

    AuthCookies(CookieProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Optional<String> accessToken(HttpServletRequest request) {
        return value(request, ACCESS_TOKEN);
    }

    Optional<String> refreshToken(HttpServletRequest request) {
        return value(request, REFRESH_TOKEN);
    }

    void write(HttpServletRequest request, HttpServletResponse response, TokenPair tokens) {
        Instant now = this.clock.instant();
        AccessToken access = tokens.access();
        IssuedRefreshToken refresh = tokens.refresh();
        add(response, cookie(request, ACCESS_TOKEN, access.value(), until(now, access.expiresAt())));
        add(response, cookie(request, REFRESH_TOKEN, refresh.value(), until(now, refresh.expiresAt())));
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        add(response, cookie(request, ACCESS_TOKEN, "", Duration.ZERO));
        add(response, cookie(request, REFRESH_TOKEN, "", Duration.ZERO));
    }

    private ResponseCookie cookie(HttpServletRequest request, String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
            .httpOnly(true)
            .secure(this.properties.secure() || request.isSecure())
            .sameSite("Strict")
            .path("/")
            .maxAge(maxAge)
            .build();
    }

    /** Whole seconds from now until the end, rounded up, so a token issued this second keeps its full lifetime. */
    private static Duration until(Instant now, Instant end) {
        long millis = Duration.between(now, end).toMillis();
        return (millis <= 0) ? Duration.ZERO : Duration.ofSeconds((millis + 999) / 1000);
    }

    private static void add(HttpServletResponse response, ResponseCookie cookie) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static Optional<String> value(HttpServletRequest request, String name) {
        Cookie cookie = WebUtils.getCookie(request, name);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter((value) -> !value.isEmpty());
    }

}
