package dev.jwtflights.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The access tokens this instance has verified lately, by their whole compact text, so that the same token presented
 * again within its life is not parsed and verified again: its signature, issuer, audience and claims cannot have
 * changed, since the text is the same down to the last character. Only the time can have made it invalid, so each
 * entry is checked against the clock on every hit and is dropped once the token expires; none ever outlives its
 * {@code exp} (plus the allowed clock skew).
 * <p>
 * What it never answers: whether the token's session has ended. That is not a property of the token, and its callers
 * ask the revocation view on every request, whether the token came from here or from jjwt.
 * <p>
 * Only tokens that passed every check get in, so nobody can fill it without holding valid tokens; it holds at most
 * {@code maxSize} of them (least recently and least frequently used go first), about 1 KB each.
 */
final class VerifiedTokens {

    private final Cache<String, AccessToken> tokens;

    private final Clock clock;

    private final Duration clockSkew;

    VerifiedTokens(int maxSize, Clock clock, Duration clockSkew) {
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.tokens = Caffeine.newBuilder()
            .maximumSize(maxSize)
            // Expiry by the same clock that decides whether a token is expired, and upkeep on the calling thread.
            .ticker(() -> nanos(clock.instant()))
            .executor(Runnable::run)
            .expireAfter(Expiry.creating((String value, AccessToken token) -> timeLeft(token)))
            .build();
    }

    /** The token verified earlier with exactly this text, if it is still unexpired. */
    AccessToken find(String value) {
        AccessToken token = this.tokens.getIfPresent(value);
        if (token == null) {
            return null;
        }
        if (!isUnexpired(token)) {
            this.tokens.invalidate(value);
            return null;
        }
        return token;
    }

    /** Remembers a token that has just passed every check. */
    void add(AccessToken token) {
        if (isUnexpired(token)) {
            this.tokens.put(token.value(), token);
        }
    }

    /** How many tokens are held now, after any pending upkeep. */
    long size() {
        this.tokens.cleanUp();
        return this.tokens.estimatedSize();
    }

    /** As the token service decides it: unexpired until {@code exp + skew}, excluded. */
    private boolean isUnexpired(AccessToken token) {
        return this.clock.instant().isBefore(token.expiresAt().plus(this.clockSkew));
    }

    /** Until that moment, for the cache's own expiry; never negative. */
    private Duration timeLeft(AccessToken token) {
        Duration left = Duration.between(this.clock.instant(), token.expiresAt().plus(this.clockSkew));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

}
