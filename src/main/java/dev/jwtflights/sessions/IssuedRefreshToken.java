package dev.jwtflights.sessions;

import java.time.Instant;

/**
 * A refresh token just issued: its value goes to the client once and is never stored.
 *
 * @param value the opaque token (43 base64url characters)
 * @param sessionId the family id of the login session
 * @param expiresAt when the server stops accepting it
 */
public record IssuedRefreshToken(String value, String sessionId, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedRefreshToken[sessionId=" + this.sessionId + ", expiresAt=" + this.expiresAt + "]";
    }

}
