package dev.jwtflights.auth;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token was presented and refused (as opposed to none presented).
 */
final class InvalidBearerTokenException extends AuthenticationException {

    InvalidBearerTokenException() {
        super("The access token is invalid or expired");
    }

}
