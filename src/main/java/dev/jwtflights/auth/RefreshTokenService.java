package dev.jwtflights.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refresh rules: issuing, rotating (with reuse detection) and revoking refresh tokens.
 * <p>
 * A token is accepted once. Presenting it again after its rotation revokes its whole family (the login session),
 * except within {@code app.jwt.refresh-reuse-grace} of the rotation, so that tabs refreshing at the same moment all
 * succeed. Whether a rotation wins is decided by a conditional UPDATE, never by a read followed by a write; and every
 * change to a user's sessions holds a lock on that user's row, so that a revocation cannot miss a token that a
 * concurrent rotation is adding.
 */
@Service
class RefreshTokenService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenService.class);

    private static final int TOKEN_BYTES = 32;

    /** 32 bytes in base64url without padding. */
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RefreshTokenRepository tokens;

    private final AppUserRepository users;

    private final JwtProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    RefreshTokenService(RefreshTokenRepository tokens, AppUserRepository users, JwtProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts a login session: a new family with its first token.
     */
    @Transactional
    public IssuedRefreshToken startSession(String username) {
        Instant now = this.clock.instant();
        String familyId = UUID.randomUUID().toString();
        IssuedRefreshToken token = issue(username, familyId, now, now, 0);
        log.info("Login: user '{}' started session {}", username, familyId);
        return token;
    }

    /**
     * Exchanges a refresh token for a new one of the same session, or says why not.
     */
    @Transactional
    public RefreshOutcome rotate(String value) {
        if (value == null || value.isEmpty()) {
            return new RefreshOutcome.Refused(RefreshFailure.MISSING);
        }
        Optional<String> owner = ownerOf(value);
        Optional<AppUser> user = owner.flatMap(this.users::findForUpdateByUsername);
        // Read only now, under the user's lock: what a concurrent rotation or revocation did is visible.
        RefreshToken token = owner.flatMap((found) -> this.tokens.findByTokenHash(hash(value))).orElse(null);
        if (token == null) {
            log.info("Refresh refused: unknown refresh token");
            return new RefreshOutcome.Refused(RefreshFailure.UNKNOWN);
        }
        Instant now = this.clock.instant();
        RefreshFailure failure = checkUsable(token, now);
        if (failure != null) {
            log.info("Refresh refused for user '{}' session {}: {}", token.getUsername(), token.getFamilyId(),
                    failure);
            return new RefreshOutcome.Refused(failure);
        }
        if (this.tokens.existsByFamilyIdAndActiveFalse(token.getFamilyId())) {
            // Part of the session was revoked (by an admin's UPDATE that missed a token added meanwhile, say):
            // all of it is.
            revokeFamily(token.getFamilyId(), token.getUsername());
            log.info("Refresh refused for user '{}' session {}: the session was revoked", token.getUsername(),
                    token.getFamilyId());
            return new RefreshOutcome.Refused(RefreshFailure.REVOKED);
        }
        if (user.isEmpty() || !user.get().isEnabled()) {
            log.info("Refresh refused for user '{}' session {}: the user is gone or disabled", token.getUsername(),
                    token.getFamilyId());
            return new RefreshOutcome.Refused(RefreshFailure.USER_DISABLED);
        }
        Instant usedAt = token.getUsedAt();
        if (usedAt == null && this.tokens.markUsed(token.getId(), now) == 0) {
            // Changed outside this service since we read it (say, by an admin's UPDATE): read it again.
            RefreshToken current = this.tokens.findById(token.getId()).orElseThrow();
            if (!current.isActive()) {
                log.info("Refresh refused for user '{}' session {}: revoked meanwhile", token.getUsername(),
                        token.getFamilyId());
                return new RefreshOutcome.Refused(RefreshFailure.REVOKED);
            }
            usedAt = current.getUsedAt();
        }
        if (usedAt != null && !withinGrace(usedAt, now)) {
            int revoked = this.tokens.revokeFamily(token.getFamilyId());
            log.warn("SECURITY: refresh token reuse detected for user '{}' session {}: the token was rotated at {}; "
                    + "revoked the session ({} active tokens)", token.getUsername(), token.getFamilyId(), usedAt,
                    revoked);
            return new RefreshOutcome.Refused(RefreshFailure.REUSED);
        }
        IssuedRefreshToken next = issue(token.getUsername(), token.getFamilyId(), now, token.getSessionStartedAt(),
                token.getGeneration() + 1);
        log.info("Refresh: user '{}' session {} rotated its refresh token{}", token.getUsername(),
                token.getFamilyId(), (usedAt != null) ? " (again, within the reuse grace)" : "");
        return new RefreshOutcome.Rotated(user.get(), next);
    }

    /**
     * Describes the login session of an access token for the session panel: when it ends and how often it was
     * renewed. Reads only; never returns a token or a hash of one.
     */
    @Transactional(readOnly = true)
    public SessionInfo describe(AccessToken access) {
        Instant now = this.clock.instant();
        Instant sessionEnd = this.tokens.findSessionEnd(access.sessionId(), access.username())
            .filter(now::isBefore)
            .orElse(null);
        int renewals = this.tokens.findLastGeneration(access.sessionId(), access.username()).orElse(0);
        return new SessionInfo(SessionInfo.shortId(access.id()), access.expiresAt(), sessionEnd, renewals, now);
    }

    /**
     * Revokes the session that the given refresh token belongs to; unknown tokens are ignored.
     * @return the session id, if the token was known
     */
    @Transactional
    public Optional<String> revokeSessionOf(String value) {
        Optional<String> owner = (value == null) ? Optional.empty() : ownerOf(value);
        owner.ifPresent(this.users::findForUpdateByUsername);
        Optional<RefreshToken> token = owner.flatMap((found) -> this.tokens.findByTokenHash(hash(value)));
        token.ifPresent((found) -> revokeFamily(found.getFamilyId(), found.getUsername()));
        return token.map(RefreshToken::getFamilyId);
    }

    /**
     * Revokes every token of a login session.
     */
    @Transactional
    public void revokeSession(String sessionId, String username) {
        this.users.findForUpdateByUsername(username);
        revokeFamily(sessionId, username);
    }

    private void revokeFamily(String sessionId, String username) {
        int revoked = this.tokens.revokeFamily(sessionId);
        log.info("Revoked session {} of user '{}' ({} active tokens)", sessionId, username, revoked);
    }

    private RefreshFailure checkUsable(RefreshToken token, Instant now) {
        if (!token.isActive()) {
            return RefreshFailure.REVOKED;
        }
        if (!now.isBefore(token.getExpiresAt())) {
            return RefreshFailure.EXPIRED;
        }
        return null;
    }

    private boolean withinGrace(Instant usedAt, Instant now) {
        Duration grace = this.properties.refreshReuseGrace();
        return !grace.isZero() && now.isBefore(usedAt.plus(grace));
    }

    private IssuedRefreshToken issue(String username, String familyId, Instant now, Instant sessionStartedAt,
            int generation) {
        Instant slidingEnd = now.plus(this.properties.refreshTokenTtl());
        Instant sessionEnd = sessionStartedAt.plus(this.properties.sessionMaxLifetime());
        Instant expiresAt = slidingEnd.isBefore(sessionEnd) ? slidingEnd : sessionEnd;
        String value = newTokenValue();
        this.tokens.save(new RefreshToken(username, hash(value), familyId, now, expiresAt, sessionStartedAt,
                generation));
        return new IssuedRefreshToken(value, familyId, expiresAt);
    }

    /** The user a refresh token was issued to; empty for a malformed or unknown token. */
    private Optional<String> ownerOf(String value) {
        if (!TOKEN_FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        return this.tokens.findUsernameByTokenHash(hash(value));
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
