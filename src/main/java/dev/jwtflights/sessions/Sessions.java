package dev.jwtflights.sessions;

import java.util.function.Supplier;

import dev.jwtflights.tokens.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Login sessions, one implementation for the browser's cookies and the API clients' JSON alike: a session starts with
 * a pair of tokens, is renewed by exchanging its refresh token for a new pair, and ends when it is revoked.
 * <p>
 * A failure inside (a database error, say) is logged here and answered as a refusal ({@link Refusal#ERROR}), never
 * thrown: callers only tell their clients "no".
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private static final TokenGrant FAILED = new TokenGrant.Refused(Refusal.ERROR);

    private final RefreshTokenService rules;

    Sessions(RefreshTokenService rules) {
        this.rules = rules;
    }

    /**
     * Starts a session for a user who just proved who they are.
     */
    public TokenGrant start(String username) {
        return refusedOnFailure("Starting a session", () -> this.rules.start(username), FAILED);
    }

    /**
     * Exchanges a refresh token for a new pair, or says why not.
     */
    public TokenGrant renew(String refreshToken) {
        return refusedOnFailure("Renewing a session", () -> this.rules.rotate(refreshToken), FAILED);
    }

    /**
     * Revokes the whole session of a refresh token.
     * @return whether the token was known (and its session is now revoked)
     */
    public boolean revoke(String refreshToken) {
        return refusedOnFailure("Revoking a session", () -> this.rules.revokeSessionOf(refreshToken).isPresent(),
                false);
    }

    /**
     * Revokes the whole session of an access token.
     * @return whether the session is now revoked (false if that failed)
     */
    public boolean revoke(AccessToken accessToken) {
        return refusedOnFailure("Revoking a session", () -> {
            this.rules.revokeSession(accessToken.sessionId(), accessToken.username());
            return true;
        }, false);
    }

    /**
     * Describes the session of an access token for the session panel: when it ends and how often it was renewed.
     * Never exposes a token.
     * @return the description, or {@code null} if it could not be read
     */
    public SessionInfo describe(AccessToken accessToken) {
        return refusedOnFailure("Describing a session", () -> this.rules.describe(accessToken), null);
    }

    /** The one place where a failure becomes a refusal. */
    private static <T> T refusedOnFailure(String action, Supplier<T> work, T refusal) {
        try {
            return work.get();
        }
        catch (RuntimeException ex) {
            log.error("{} failed ({}); answering it as refused", action, ex.getClass().getSimpleName(), ex);
            return refusal;
        }
    }

}
