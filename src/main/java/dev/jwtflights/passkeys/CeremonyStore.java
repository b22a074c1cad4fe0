package dev.jwtflights.passkeys;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.ResponseCookie;

/**
 * Keeps what the server asked of the authenticator (the options, with their random challenge) from the first request
 * of a ceremony to the second, without an HTTP session: in this instance's memory, under a random key that the
 * browser carries in a cookie of its own ({@code HttpOnly}, {@code SameSite=Strict}, for the ceremony's length).
 * Each key is good for one answer: the second request takes the options out.
 * <p>
 * The two requests of one ceremony must reach the same instance, as with an HTTP session without a shared store:
 * behind a load balancer, send the cookie's holder to one instance. At most {@value #MAX_CEREMONIES} ceremonies are
 * kept at once, each forgotten after {@link #LIFETIME} (the ceremony's timeout).
 */
final class CeremonyStore<T> {

    /** How long a ceremony may take: the timeout Spring Security writes in the options. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    static final int MAX_CEREMONIES = 10_000;

    private static final int KEY_BYTES = 32;

    private final String cookieName;

    private final Cache<String, T> ceremonies;

    private final SecureRandom random = new SecureRandom();

    CeremonyStore(String cookieName) {
        this.cookieName = cookieName;
        this.ceremonies = Caffeine.newBuilder().expireAfterWrite(LIFETIME).maximumSize(MAX_CEREMONIES).build();
    }

    /** Keeps the options of a new ceremony, or with {@code null} ends the request's ceremony. */
    void save(HttpServletRequest request, HttpServletResponse response, T options) {
        key(request).ifPresent(this.ceremonies::invalidate);
        if (options == null) {
            write(request, response, "", Duration.ZERO);
            return;
        }
        byte[] bytes = new byte[KEY_BYTES];
        this.random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.ceremonies.put(key, options);
        write(request, response, key, LIFETIME);
    }

    /** The options of the request's ceremony, if it has one that has not timed out. */
    T load(HttpServletRequest request) {
        return key(request).map(this.ceremonies::getIfPresent).orElse(null);
    }

    private Optional<String> key(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (this.cookieName.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(this.cookieName, value)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Strict")
            .path("/")
            .maxAge(maxAge)
            .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

}
