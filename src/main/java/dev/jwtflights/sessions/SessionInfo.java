package dev.jwtflights.sessions;

import java.time.Duration;
import java.time.Instant;

import dev.jwtflights.tokens.SignInMethod;

/**
 * What the session panel shows about a browser's login session, without any token in it.
 *
 * @param shortTokenId the first characters of the current access token's {@code jti}: changes at every renewal
 * @param accessTokenExpiresAt when the current access token expires (the next page load after it renews silently)
 * @param sessionExpiresAt when the session ends unless it is renewed before: the latest expiry of its refresh tokens,
 * never later than {@code app.jwt.session-max-lifetime} after the login; {@code null} if the session has already
 * ended (revoked or expired)
 * @param renewals how many times the session was renewed since the login
 * @param now the server's time when this was read, so that a page can count down by the server's clock
 * @param signInMethod how the person signed in to this session: with a password or a passkey
 */
public record SessionInfo(String shortTokenId, Instant accessTokenExpiresAt, Instant sessionExpiresAt, int renewals,
        Instant now, SignInMethod signInMethod) {

    /** How many characters of the {@code jti} are shown. */
    static final int SHORT_ID_LENGTH = 8;

    public boolean sessionActive() {
        return this.sessionExpiresAt != null;
    }

    /** Seconds left before the access token expires; 0 once it has. */
    public long accessTokenSecondsLeft() {
        Duration left = Duration.between(this.now, this.accessTokenExpiresAt);
        return left.isNegative() ? 0 : left.toSeconds();
    }

    /**
     * The same description read at another time: the session's end is {@code null} once it has passed, as if read
     * from the database then.
     */
    SessionInfo at(Instant time) {
        Instant end = (this.sessionExpiresAt != null && time.isBefore(this.sessionExpiresAt)) ? this.sessionExpiresAt
                : null;
        return new SessionInfo(this.shortTokenId, this.accessTokenExpiresAt, end, this.renewals, time,
                this.signInMethod);
    }

    static String shortId(String tokenId) {
        return (tokenId.length() <= SHORT_ID_LENGTH) ? tokenId : tokenId.substring(0, SHORT_ID_LENGTH);
    }

}
