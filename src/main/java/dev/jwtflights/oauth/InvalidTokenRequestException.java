package dev.jwtflights.oauth;

/**
 * A token request that breaks the rules of RFC 6749 (a parameter missing, repeated, or sent in the URL): answered
 * 400 {@code invalid_request} with the message as its description.
 */
class InvalidTokenRequestException extends RuntimeException {

    InvalidTokenRequestException(String description) {
        super(description, null, false, false);
    }

}
