package dev.jwtflights.tokens;

/**
 * An access token was refused. The message says why, for the log only: clients are told nothing more than that
 * the token is invalid.
 */
public class InvalidTokenException extends RuntimeException {

    InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }

}
