package dev.jwtflights.auth;

/**
 * An access token was refused. The message says why, for the log only: clients are told nothing more than that
 * the token is invalid.
 */
class InvalidTokenException extends RuntimeException {

    InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }

}
