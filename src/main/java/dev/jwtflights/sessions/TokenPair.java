package dev.jwtflights.sessions;

import dev.jwtflights.tokens.AccessToken;

/**
 * An access token and the refresh token of the same session, just issued.
 */
public record TokenPair(AccessToken access, IssuedRefreshToken refresh) {
}
