package dev.jwtflights.auth;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The tokens of a login session, one implementation for the browser's cookies and the API clients' JSON alike: a
 * session starts with a pair of tokens, and is renewed by exchanging its refresh token for a new pair.
 */
@Component
class SessionTokens {

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

    private final TokenService tokens;

    private final RefreshTokenService refreshTokens;

    SessionTokens(TokenService tokens, RefreshTokenService refreshTokens) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
    }

    /**
     * Starts a session for a user who just proved who they are.
     */
    TokenPair start(String username, List<String> roles) {
        IssuedRefreshToken refresh = this.refreshTokens.startSession(username);
        return new TokenPair(this.tokens.issue(username, roles, refresh.sessionId()), refresh);
    }

    /**
     * Exchanges a refresh token for a new pair, or says why not. A failure inside (a database error, say) is logged
     * and answered as a refusal ({@link RefreshFailure#ERROR}), never thrown.
     */
    Renewal renew(String refreshToken) {
        try {
            RefreshOutcome outcome = this.refreshTokens.rotate(refreshToken);
            if (outcome instanceof RefreshOutcome.Rotated rotated) {
                AppUser user = rotated.user();
                AccessToken access = this.tokens.issue(user.getUsername(), List.of(user.getRole().name()),
                        rotated.token().sessionId());
                return new Renewal.Renewed(new TokenPair(access, rotated.token()));
            }
            return new Renewal.Refused(((RefreshOutcome.Refused) outcome).reason());
        }
        catch (RuntimeException ex) {
            log.error("Refresh failed ({}); answering it as a refused refresh", ex.getClass().getSimpleName(), ex);
            return new Renewal.Refused(RefreshFailure.ERROR);
        }
    }

    /** An access token and the refresh token of the same session. */
    record TokenPair(AccessToken access, IssuedRefreshToken refresh) {
    }

    /** The result of {@link #renew}. */
    sealed interface Renewal {

        /** New tokens; the presented refresh token is used up. */
        record Renewed(TokenPair tokens) implements Renewal {
        }

        /** Refused, for the given reason. */
        record Refused(RefreshFailure reason) implements Renewal {
        }

    }

}
