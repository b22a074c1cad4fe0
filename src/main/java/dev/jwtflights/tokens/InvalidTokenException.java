package dev.jwtflights.tokens;

/**
 * An access token was refused. The message says why, for the log only: clients are told nothing more than that
 * the token is invalid. {@link #expired()} tells an expired token, which a browser renews, from every other refusal.
 */
public class InvalidTokenException extends RuntimeException {

    private final boolean expired;

    InvalidTokenException(String reason) {
        this(reason, false);
    }

    private InvalidTokenException(String reason, boolean expired) {
        super(reason, null, false, false);
        this.expired = expired;
    }

    /** A token that was ours and valid, and whose lifetime is over. */
    static InvalidTokenException expiredToken() {
        return new InvalidTokenException("expired", true);
    }

    /** Whether the token was refused only because its lifetime is over. */
    public boolean expired() {
        return this.expired;
    }

}
