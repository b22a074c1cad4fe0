package dev.jwtflights.tokens;

import java.time.Clock;
import java.time.Duration;

/**
 * A real token service outside a Spring context, for the plain unit tests of the modules that use one: the default
 * issuer, audience and one-minute lifetime, the given key and clock.
 */
public final class TestTokenServices {

    private TestTokenServices() {
    }

    public static TokenService create(String secret, Clock clock) {
        return create(secret, clock, TokenService.VERIFIED_TOKENS);
    }

    /** The same, remembering at most that many verified tokens (0: none, every check is a first one). */
    public static TokenService create(String secret, Clock clock, int verifiedTokens) {
        return new TokenService(new JwtProperties(secret, null, "http://localhost:8080", "jwt-flights",
                Duration.ofMinutes(1), Duration.ZERO), clock, verifiedTokens);
    }

}
