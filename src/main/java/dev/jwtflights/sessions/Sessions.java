package dev.jwtflights.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jwtflights.system.Client;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.SignInMethod;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.UserEvent;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Login sessions, one implementation for the browser's cookies and the API clients' JSON alike: a session starts with
 * a pair of tokens, is renewed by exchanging its refresh token for a new pair, and ends when its person signs out,
 * ends it from another session, or an administrator ends it.
 * <p>
 * Starting, renewing and signing out never throw: a failure inside (a database error, say) is logged here and
 * answered as a refusal ({@link Refusal#ERROR}); callers only tell their clients "no". What the session pages ask for
 * (listing, ending one or many) throws on such a failure, so that the page says it did not happen.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private static final TokenGrant FAILED = new TokenGrant.Refused(Refusal.ERROR);

    /** At most this many access tokens' descriptions are remembered (about 200 bytes each). */
    static final int MAX_DESCRIBED = 10_000;

    private final RefreshTokenService rules;

    private final SessionMeters meters;

    private final Clock clock;

    /**
     * The session panel's descriptions by access token id ({@code jti}): what they show changes only when the session
     * is renewed, which issues a new access token, or ends, which refuses the token before any page is rendered. So
     * an ordinary page view reads no row; the first view under each new access token does.
     */
    private final Cache<String, SessionInfo> descriptions;

    Sessions(RefreshTokenService rules, SessionMeters meters, Clock clock, TokenService accessTokens) {
        this.rules = rules;
        this.meters = meters;
        this.clock = clock;
        // Forgotten on the system clock once no token with that id can still be accepted; bounded in number anyway.
        this.descriptions = Caffeine.newBuilder()
            .maximumSize(MAX_DESCRIBED)
            .expireAfterWrite(accessTokens.maxAcceptedAge())
            .build();
    }

    /**
     * Starts a session for a user who just proved who they are with their password.
     */
    public TokenGrant start(String username, Client client) {
        return start(username, SignInMethod.PASSWORD, client);
    }

    /**
     * Starts a session for a user who just proved who they are, the way they did it: every token of the session
     * carries it. The same rules whichever the method: a disabled or unknown user is refused.
     */
    public TokenGrant start(String username, SignInMethod method, Client client) {
        return refusedOnFailure("Starting a session", () -> this.rules.start(username, method, client), FAILED);
    }

    /**
     * Exchanges a refresh token for a new pair, or says why not.
     */
    public TokenGrant renew(String refreshToken, Client client) {
        Timer.Sample timing = this.meters.start();
        TokenGrant grant = refusedOnFailure("Renewing a session", () -> this.rules.rotate(refreshToken, client),
                FAILED);
        this.meters.renewed(timing, grant);
        return grant;
    }

    /**
     * Signs out the whole session of a refresh token.
     * @return whether the token was known (and its session has ended)
     */
    public boolean signOut(String refreshToken, Client client) {
        return refusedOnFailure("Signing out", () -> this.rules.signOut(refreshToken, client).isPresent(), false);
    }

    /**
     * Revokes the whole session of a refresh token, for an API client's revocation request (RFC 7009): a token that
     * is unknown, expired or already revoked has nothing left to revoke, and counts as revoked.
     * @return whether that worked (false only if it failed, and nothing was revoked)
     */
    public boolean revoke(String refreshToken, Client client) {
        return refusedOnFailure("Signing out", () -> {
            this.rules.signOut(refreshToken, client);
            return true;
        }, false);
    }

    /**
     * Signs out the whole session of an access token.
     * @return whether that worked (false if it failed); a session that had already ended counts as signed out
     */
    public boolean signOut(AccessToken accessToken, Client client) {
        return refusedOnFailure("Signing out", () -> {
            this.rules.endSession(accessToken.sessionId(), accessToken.username(), EndCause.LOGGED_OUT, null, client);
            return true;
        }, false);
    }

    /**
     * Signs out every session of the person whose refresh token this is, this one included, if the token is usable.
     * @return whether it was (false also if that failed)
     */
    public boolean signOutEverywhere(String refreshToken, Client client) {
        return refusedOnFailure("Signing out everywhere", () -> this.rules.signOutEverywhere(refreshToken, client),
                false);
    }

    /**
     * Signs out every session of the person whose access token this is, this one included.
     * @return whether that worked (false if it failed)
     */
    public boolean signOutEverywhere(AccessToken accessToken, Client client) {
        return refusedOnFailure("Signing out everywhere", () -> {
            this.rules.endAllOf(accessToken.username(), null, EndCause.LOGGED_OUT, null, client);
            return true;
        }, false);
    }

    /**
     * Describes the session of an access token for the session panel: when it ends and how often it was renewed.
     * Read from the database once per access token, then remembered (see {@link #descriptions}), with the time of
     * this call. Never exposes a token.
     * @return the description, or {@code null} if it could not be read
     */
    public SessionInfo describe(AccessToken accessToken) {
        SessionInfo known = this.descriptions.getIfPresent(accessToken.id());
        if (known != null) {
            return known.at(this.clock.instant());
        }
        SessionInfo read = refusedOnFailure("Describing a session", () -> this.rules.describe(accessToken), null);
        if (read != null) {
            this.descriptions.put(accessToken.id(), read);
        }
        return read;
    }

    /** The active sessions of a user, newest login first. */
    public List<ActiveSession> activeSessionsOf(String username) {
        return this.rules.activeSessionsOf(username);
    }

    /**
     * One page of the active sessions, newest login first.
     * @param username only this user's, or {@code null} for everyone's
     */
    public Page<ActiveSession> activeSessions(String username, int page, int size) {
        return this.rules.activeSessions(username, page, size);
    }

    /** How many active sessions each user with any has, by username. */
    public Map<String, Long> activeSessionCounts() {
        return this.rules.activeSessionCounts();
    }

    /**
     * Ends one of a person's own sessions, from another of theirs.
     * @return whether it was theirs and active, and now has ended
     */
    public boolean endOwn(AccessToken current, String sessionId, Client client) {
        return this.rules.endSession(sessionId, current.username(), EndCause.ENDED_BY_USER, null, client);
    }

    /**
     * Ends every session of a person except the current one.
     * @return how many ended
     */
    public int endOthers(AccessToken current, Client client) {
        return this.rules.endAllOf(current.username(), current.sessionId(), EndCause.ENDED_BY_USER, null, client)
            .size();
    }

    /**
     * An administrator ends one session.
     * @return whether it was active and now has ended
     */
    public boolean endByAdmin(String sessionId, String admin, Client client) {
        return this.rules.endSession(sessionId, null, EndCause.ENDED_BY_ADMIN, admin, client);
    }

    /**
     * An administrator ends every session of one user.
     * @return how many ended
     */
    public int endAllOfUserByAdmin(String username, String admin, Client client) {
        return this.rules.endAllOf(username, null, EndCause.ENDED_BY_ADMIN, admin, client).size();
    }

    /**
     * An administrator ends every session of every user, after a breach, say.
     * @param keep the administrator's own session, to keep it; or {@code null} to end it too
     * @return how many ended
     */
    public int endEveryoneByAdmin(String keep, String admin, Client client) {
        return this.rules.endEveryone(keep, admin, client);
    }

    /**
     * The sessions that issued a token after the given time and have ended since, by the application or in SQL.
     */
    public List<String> endedSessionsIssuingSince(Instant since) {
        return this.rules.endedSessionsIssuingSince(since);
    }

    /**
     * A user who is disabled or gets a new password loses every session, in the transaction that changed the user: if
     * that rolls back, the sessions stay.
     */
    @EventListener
    void onUserChange(UserEvent event) {
        if (event instanceof UserEvent.Disabled) {
            this.rules.endAllOf(event.username(), null, EndCause.USER_DISABLED, event.actor(), event.client());
        }
        else if (event instanceof UserEvent.PasswordSet) {
            this.rules.endAllOf(event.username(), null, EndCause.PASSWORD_SET, event.actor(), event.client());
        }
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
