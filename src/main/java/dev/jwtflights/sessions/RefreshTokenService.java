package dev.jwtflights.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.jwtflights.sessions.store.RefreshToken;
import dev.jwtflights.sessions.store.RefreshTokenRepository;
import dev.jwtflights.sessions.store.RefreshTokenRows;
import dev.jwtflights.sessions.store.RefreshTokenRows.Presented;
import dev.jwtflights.system.Client;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.SignInMethod;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.Account;
import dev.jwtflights.users.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refresh rules: starting a session, rotating its refresh token (with reuse detection) and revoking it. Every
 * grant carries a new access token whose roles are read from the user's row, at login and at every renewal alike.
 * <p>
 * A token is accepted once. Presenting it again after its rotation revokes its whole family (the login session),
 * except within {@code app.jwt.refresh-reuse-grace} of the rotation, so that tabs refreshing at the same moment all
 * succeed. Whether a rotation wins is decided by a conditional UPDATE, never by a read followed by a write.
 * <p>
 * Two locks order what happens at once. Every change to a session's tokens holds the session's lock (the row of its
 * first token, {@link RefreshTokenRows#lockSession}), so that a revocation cannot miss a token that a concurrent
 * rotation is adding, and a rotation that waited sees what the other did. Every change to which sessions a user has (a
 * login and the session limit, ending sessions) holds the user's row lock too, taken before any session's. A rotation
 * takes its session's lock only: the sessions of one user, or of many, renew side by side.
 * <p>
 * Every session that starts, renews or ends is published as a {@link SessionEvent} inside the same transaction.
 * A user has at most {@code app.jwt.max-sessions-per-user} sessions: a login beyond that ends their oldest.
 */
@EnableConfigurationProperties(SessionProperties.class)
@Service
class RefreshTokenService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenService.class);

    private static final int TOKEN_BYTES = 32;

    /** 32 bytes in base64url without padding. */
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RefreshTokenRepository refreshTokens;

    private final RefreshTokenRows rows;

    private final UserAccounts accounts;

    private final TokenService accessTokens;

    private final SessionProperties properties;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final SecureRandom random = new SecureRandom();

    RefreshTokenService(RefreshTokenRepository refreshTokens, RefreshTokenRows rows, UserAccounts accounts,
            TokenService accessTokens, SessionProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.refreshTokens = refreshTokens;
        this.rows = rows;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** Starts a login session for a user who just proved who they are with their password. */
    @Transactional
    TokenGrant start(String username, Client client) {
        return start(username, SignInMethod.PASSWORD, client);
    }

    /**
     * Starts a login session for a user who just proved who they are, the way they did: a new family with its first
     * token, which (like every token after it) carries that way.
     */
    @Transactional
    TokenGrant start(String username, SignInMethod method, Client client) {
        Optional<Account> account = this.accounts.lockForSessionChange(username);
        if (account.isEmpty() || !account.get().enabled()) {
            log.info("Login refused for user '{}': the user is gone or disabled", username);
            return new TokenGrant.Refused(Refusal.USER_DISABLED);
        }
        Instant now = this.clock.instant();
        endOldestOverLimit(username, now, client);
        String familyId = UUID.randomUUID().toString();
        IssuedRefreshToken token = issue(username, familyId, now, now, 0, method, client);
        log.info("Login: user '{}' started session {} with a {}", username, familyId, method.label());
        this.events.publishEvent(new SessionEvent.Started(username, familyId, method, now, client));
        return granted(account.get(), token, method);
    }

    /** Makes room for one more session: ends the user's oldest ones while they have the most they may have. */
    private void endOldestOverLimit(String username, Instant now, Client client) {
        List<RefreshToken> active = this.refreshTokens.findActiveSessionsOf(username, now);
        int keep = this.properties.maxSessionsPerUser() - 1;
        if (active.size() > keep) {
            List<String> oldest = active.subList(keep, active.size()).stream().map(RefreshToken::getFamilyId).toList();
            end(username, oldest, EndCause.SESSION_LIMIT, null, now, client);
        }
    }

    /**
     * Exchanges a refresh token for new tokens of the same session, or says why not.
     */
    @Transactional
    TokenGrant rotate(String value, Client client) {
        if (value == null || value.isEmpty()) {
            return new TokenGrant.Refused(Refusal.MISSING);
        }
        String hash = wellFormed(value) ? hash(value) : null;
        // Read only once the session is locked: what a concurrent rotation or revocation of it did is visible.
        Presented token = (hash != null && this.rows.lockSessionOf(hash)) ? this.rows.find(hash).orElse(null) : null;
        if (token == null) {
            log.info("Refresh refused: unknown refresh token");
            return new TokenGrant.Refused(Refusal.UNKNOWN);
        }
        Instant now = this.clock.instant();
        Refusal failure = refusalOf(token.active(), token.endReason(), token.expiresAt(), now);
        if (failure != null) {
            log.info("Refresh refused for user '{}' session {}: {}", token.username(), token.familyId(), failure);
            return new TokenGrant.Refused(failure);
        }
        if (token.sessionRevoked()) {
            // Part of the session was revoked (by an admin's UPDATE that missed a token added meanwhile, say):
            // all of it is.
            int revoked = this.refreshTokens.revokeFamily(token.familyId(), null);
            log.info("Refresh refused for user '{}' session {}: the session was revoked ({} more active tokens now "
                    + "are)", token.username(), token.familyId(), revoked);
            return new TokenGrant.Refused(Refusal.REVOKED);
        }
        Optional<Account> user = this.accounts.find(token.username());
        if (user.isEmpty() || !user.get().enabled()) {
            log.info("Refresh refused for user '{}' session {}: the user is gone or disabled", token.username(),
                    token.familyId());
            return new TokenGrant.Refused(Refusal.USER_DISABLED);
        }
        Instant usedAt = token.usedAt();
        if (usedAt == null && this.rows.markUsed(token.id(), now) == 0) {
            // Changed outside this service since we read it (say, by an admin's UPDATE): read it again.
            Presented current = this.rows.find(hash).orElseThrow();
            if (!current.active()) {
                log.info("Refresh refused for user '{}' session {}: revoked meanwhile", token.username(),
                        token.familyId());
                return new TokenGrant.Refused(EndCause.refusalOf(current.endReason()));
            }
            usedAt = current.usedAt();
        }
        if (usedAt != null && !withinGrace(usedAt, now)) {
            log.warn("SECURITY: refresh token reuse detected for user '{}' session {}: the token was rotated at {}; "
                    + "ending the session", token.username(), token.familyId(), usedAt);
            end(token.username(), List.of(token.familyId()), EndCause.REUSE_DETECTED, null, now, client);
            return new TokenGrant.Refused(Refusal.REUSED);
        }
        IssuedRefreshToken next = issue(token.username(), token.familyId(), now, token.sessionStartedAt(),
                token.generation() + 1, token.signInMethod(), client);
        log.info("Refresh: user '{}' session {} rotated its refresh token{}", token.username(), token.familyId(),
                (usedAt != null) ? " (again, within the reuse grace)" : "");
        this.events.publishEvent(new SessionEvent.Renewed(token.username(), token.familyId(), now, client));
        return granted(user.get(), next, token.signInMethod());
    }

    /**
     * The grant of a session's new refresh token, with an access token for the user's role as stored now, which
     * expires no later than the refresh token: at the session's maximum lifetime, both end together.
     */
    private TokenGrant granted(Account account, IssuedRefreshToken refresh, SignInMethod method) {
        AccessToken access = this.accessTokens.issue(account.username(), List.of(account.role().name()),
                refresh.sessionId(), method, refresh.expiresAt());
        return new TokenGrant.Granted(new TokenPair(access, refresh));
    }

    /**
     * Describes the login session of an access token for the session panel: when it ends and how often it was
     * renewed. Reads only; never returns a token or a hash of one.
     */
    @Transactional(readOnly = true)
    SessionInfo describe(AccessToken access) {
        Instant now = this.clock.instant();
        Instant sessionEnd = this.refreshTokens.findSessionEnd(access.sessionId(), access.username())
            .filter(now::isBefore)
            .orElse(null);
        int renewals = this.refreshTokens.findLastGeneration(access.sessionId(), access.username()).orElse(0);
        return new SessionInfo(SessionInfo.shortId(access.id()), access.expiresAt(), sessionEnd, renewals, now,
                access.signInMethod());
    }

    /**
     * Signs out the session that the given refresh token belongs to; unknown tokens are ignored.
     * @return the session id, if the token was known
     */
    @Transactional
    Optional<String> signOut(String value, Client client) {
        Optional<String> owner = (value == null) ? Optional.empty() : ownerOf(value);
        owner.ifPresent(this.accounts::lockForSessionChange);
        Optional<RefreshToken> token = owner.flatMap((found) -> this.refreshTokens.findByTokenHash(hash(value)));
        token.ifPresent((found) -> end(found.getUsername(), List.of(found.getFamilyId()), EndCause.LOGGED_OUT, null,
                this.clock.instant(), client));
        return token.map(RefreshToken::getFamilyId);
    }

    /**
     * Signs out every session of the user whose refresh token this is, if the token still stands for an active
     * session: a token that was rotated (outside the reuse grace), revoked or expired ends nothing.
     * @return whether the token was usable (and every session of its user has ended)
     */
    @Transactional
    boolean signOutEverywhere(String value, Client client) {
        Optional<String> owner = (value == null) ? Optional.empty() : ownerOf(value);
        owner.ifPresent(this.accounts::lockForSessionChange);
        Optional<RefreshToken> token = owner.flatMap((found) -> this.refreshTokens.findByTokenHash(hash(value)));
        Instant now = this.clock.instant();
        boolean usable = token.isPresent() && usable(token.get(), now)
                && !this.refreshTokens.existsByFamilyIdAndActiveFalse(token.get().getFamilyId());
        if (usable) {
            endAllOf(token.get().getUsername(), null, EndCause.LOGGED_OUT, null, client);
        }
        return usable;
    }

    /**
     * Ends one session, if it is active and, when an owner is given, theirs.
     * @param owner the user the session must belong to, or {@code null} for any user's (an administrator's call)
     * @param actor who ends it when that is not its owner, or {@code null}
     * @return whether it was active and now has ended
     */
    @Transactional
    boolean endSession(String sessionId, String owner, EndCause cause, String actor, Client client) {
        Optional<String> username = this.refreshTokens.findUsernameByFamilyId(sessionId)
            .filter((found) -> owner == null || found.equals(owner));
        if (username.isEmpty()) {
            return false;
        }
        this.accounts.lockForSessionChange(username.get());
        return !end(username.get(), List.of(sessionId), cause, actor, this.clock.instant(), client).isEmpty();
    }

    /**
     * Ends every active session of a user, except one if it is given.
     * @param except a session to keep (the caller's own), or {@code null}
     * @return the sessions that ended
     */
    @Transactional
    List<String> endAllOf(String username, String except, EndCause cause, String actor, Client client) {
        this.accounts.lockForSessionChange(username);
        Instant now = this.clock.instant();
        List<String> active = this.refreshTokens.findActiveSessionsOf(username, now)
            .stream()
            .map(RefreshToken::getFamilyId)
            .filter((sessionId) -> !sessionId.equals(except))
            .toList();
        return end(username, active, cause, actor, now, client);
    }

    /**
     * Ends every active session of every user, except one if it is given: what an administrator does after a breach.
     * Users are locked in the order of their names, as every other caller locks one user at most.
     * @return how many sessions ended
     */
    @Transactional
    int endEveryone(String except, String actor, Client client) {
        int ended = 0;
        for (String username : activeSessionCounts().keySet()) {
            ended += endAllOf(username, except, EndCause.ENDED_BY_ADMIN, actor, client).size();
        }
        return ended;
    }

    /** The active sessions of a user, newest login first. */
    @Transactional(readOnly = true)
    List<ActiveSession> activeSessionsOf(String username) {
        return this.refreshTokens.findActiveSessionsOf(username, this.clock.instant())
            .stream()
            .map(this::describe)
            .toList();
    }

    /**
     * One page of the active sessions, newest login first.
     * @param username only this user's, or {@code null} for everyone's
     */
    @Transactional(readOnly = true)
    Page<ActiveSession> activeSessions(String username, int page, int size) {
        PageRequest request = PageRequest.of(page, size);
        Instant now = this.clock.instant();
        Page<RefreshToken> found = (username != null) ? this.refreshTokens.findActiveSessionsOf(username, now, request)
                : this.refreshTokens.findActiveSessions(now, request);
        return found.map(this::describe);
    }

    /** How many active sessions each user with any has, by username in order. */
    @Transactional(readOnly = true)
    Map<String, Long> activeSessionCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : this.refreshTokens.countActiveSessionsByUsername(this.clock.instant())) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The sessions that issued a token after the given time and have ended since (by the application or in SQL). */
    @Transactional(readOnly = true)
    List<String> endedSessionsIssuingSince(Instant since) {
        return this.refreshTokens.findEndedSessionsIssuingSince(since);
    }

    private ActiveSession describe(RefreshToken head) {
        return new ActiveSession(head.getFamilyId(), head.getUsername(), head.getUserAgent(), head.getIpAddress(),
                head.getSessionStartedAt(), (head.getGeneration() > 0) ? head.getCreatedAt() : null,
                head.getExpiresAt());
    }

    /**
     * Ends sessions of one user (whose row the caller has locked, unless it ends the one session whose lock it holds)
     * and publishes what ended. Each session is locked before it is revoked: a rotation of it that is under way
     * finishes first, and its new token is revoked too.
     * @return the sessions that were active and now have ended
     */
    private List<String> end(String username, Collection<String> sessionIds, EndCause cause, String actor,
            Instant now, Client client) {
        List<String> ended = new ArrayList<>();
        for (String sessionId : sessionIds) {
            this.rows.lockSession(sessionId);
            if (this.refreshTokens.revokeFamily(sessionId, cause.name()) > 0) {
                ended.add(sessionId);
            }
        }
        if (!ended.isEmpty()) {
            log.info("Ended {} session(s) of user '{}' ({}{}): {}", ended.size(), username, cause,
                    (actor != null) ? ", by '" + actor + "'" : "", ended);
            this.events.publishEvent(new SessionEvent.Ended(username, ended, cause, actor, now, client));
        }
        return ended;
    }

    /** Whether a token still stands for its session: active, unexpired, and not rotated (outside the grace). */
    private boolean usable(RefreshToken token, Instant now) {
        return refusalOf(token.isActive(), token.getEndReason(), token.getExpiresAt(), now) == null
                && (token.getUsedAt() == null || withinGrace(token.getUsedAt(), now));
    }

    private static Refusal refusalOf(boolean active, String endReason, Instant expiresAt, Instant now) {
        if (!active) {
            return EndCause.refusalOf(endReason);
        }
        if (!now.isBefore(expiresAt)) {
            return Refusal.EXPIRED;
        }
        return null;
    }

    private boolean withinGrace(Instant usedAt, Instant now) {
        Duration grace = this.properties.refreshReuseGrace();
        return !grace.isZero() && now.isBefore(usedAt.plus(grace));
    }

    private IssuedRefreshToken issue(String username, String familyId, Instant now, Instant sessionStartedAt,
            int generation, SignInMethod method, Client client) {
        Instant slidingEnd = now.plus(this.properties.refreshTokenTtl());
        Instant sessionEnd = sessionStartedAt.plus(this.properties.sessionMaxLifetime());
        Instant expiresAt = slidingEnd.isBefore(sessionEnd) ? slidingEnd : sessionEnd;
        String value = newTokenValue();
        this.rows.insert(new RefreshToken(username, hash(value), familyId, now, expiresAt, sessionStartedAt,
                generation, method, client));
        return new IssuedRefreshToken(value, familyId, expiresAt);
    }

    /** The user a refresh token was issued to; empty for a malformed or unknown token. */
    private Optional<String> ownerOf(String value) {
        return wellFormed(value) ? this.refreshTokens.findUsernameByTokenHash(hash(value)) : Optional.empty();
    }

    private static boolean wellFormed(String value) {
        return TOKEN_FORMAT.matcher(value).matches();
    }

    private String newTokenValue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        this.random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

}
