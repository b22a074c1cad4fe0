package dev.jwtflights.tokens;

import java.time.Instant;
import java.util.List;

/**
 * A signed access token and the claims it was verified to carry.
 *
 * @param value the compact JWT; never logged, never put in a URL or a page
 * @param id the {@code jti} claim
 * @param username the {@code sub} claim
 * @param sessionId the {@code sid} claim: the login session (refresh-token family) it belongs to
 * @param roles the {@code roles} claim
 * @param signInMethod how the session was signed in to: the {@code amr} claim
 */
public record AccessToken(String value, String id, String username, String sessionId, List<String> roles,
        Instant issuedAt, Instant expiresAt, SignInMethod signInMethod) {

    public AccessToken {
        roles = List.copyOf(roles);
        if (signInMethod == null) {
            throw new IllegalArgumentException("signInMethod is required");
        }
    }

    /** A token of a session signed in to with a password. */
    public AccessToken(String value, String id, String username, String sessionId, List<String> roles,
            Instant issuedAt, Instant expiresAt) {
        this(value, id, username, sessionId, roles, issuedAt, expiresAt, SignInMethod.PASSWORD);
    }

    @Override
    public String toString() {
        return "AccessToken[id=" + id + ", username=" + username + ", sessionId=" + sessionId + ", roles=" + roles
                + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + ", signInMethod=" + signInMethod + "]";
    }

}
