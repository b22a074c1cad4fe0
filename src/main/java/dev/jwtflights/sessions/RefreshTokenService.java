package dev.jwtflights.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.Account;
import dev.jwtflights.users.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refresh rules: starting a session, rotating its refresh token (with reuse detection) and revoking it. Every
 * grant carries a new access token whose roles are read from the user's row, at login and at every renewal alike.
 * <p>
 * A token is accepted once. Presenting it again after its rotation revokes its whole family (the login session),
 * except within {@code app.jwt.refresh-reuse-grace} of the rotation, so that tabs refreshing at the same moment all
 * succeed. Whether a rotation wins is decided by a conditional UPDATE, never by a read followed by a write; and every
 * change to a user's sessions holds a lock on that user's row, so that a revocation cannot miss a token that a
 * concurrent rotation is adding.
 */
@EnableConfigurationProperties(SessionProperties.class)
@Service
class RefreshTokenService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenService.class);

    private static final int TOKEN_BYTES = 32;

    /** 32 bytes in base64url without padding. */
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RefreshTokenRepository refreshTokens;

    private final UserAccounts accounts;

    private final TokenService accessTokens;

    private final SessionProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    RefreshTokenService(RefreshTokenRepository refreshTokens, UserAccounts accounts, TokenService accessTokens,
            SessionProperties properties, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts a login session for a user who just proved who they are: a new family with its first token.
     */
    @Transactional
    TokenGrant start(String username) {
        Optional<Account> account = this.accounts.lockForSessionChange(username);
        if (account.isEmpty() || !account.get().enabled()) {
            log.info("Login refused for user '{}': the user is gone or disabled", username);
            return new TokenGrant.Refused(Refusal.USER_DISABLED);
        }
        Instant now = this.clock.instant();
        String familyId = UUID.randomUUID().toString();
        IssuedRefreshToken token = issue(username, familyId, now, now, 0);
        log.info("Login: user '{}' started session {}", username, familyId);
        return granted(account.get(), token);
    }

    /**
     * Exchanges a refresh token for new tokens of the same session, or says why not.
     */
    @Transactional
    TokenGrant rotate(String value) {
        if (value == null || value.isEmpty()) {
            return new TokenGrant.Refused(Refusal.MISSING);
        }
        Optional<String> owner = ownerOf(value);
        Optional<Account> user = owner.flatMap(this.accounts::lockForSessionChange);
        // Read only now, under the user's lock: what a concurrent rotation or revocation did is visible.
        RefreshToken token = owner.flatMap((found) -> this.refreshTokens.findByTokenHash(hash(value))).orElse(null);
        if (token == null) {
            log.info("Refresh refused: unknown refresh token");
            return new TokenGrant.Refused(Refusal.UNKNOWN);
        }
        Instant now = this.clock.instant();
        Refusal failure = checkUsable(token, now);
        if (failure != null) {
            log.info("Refresh refused for user '{}' session {}: {}", token.getUsername(), token.getFamilyId(),
                    failure);
            return new TokenGrant.Refused(failure);
        }
        if (this.refreshTokens.existsByFamilyIdAndActiveFalse(token.getFamilyId())) {
            // Part of the session was revoked (by an admin's UPDATE that missed a token added meanwhile, say):
            // all of it is.
            revokeFamily(token.getFamilyId(), token.getUsername());
            log.info("Refresh refused for user '{}' session {}: the session was revoked", token.getUsername(),
                    token.getFamilyId());
            return new TokenGrant.Refused(Refusal.REVOKED);
        }
        if (user.isEmpty() || !user.get().enabled()) {
            log.info("Refresh refused for user '{}' session {}: the user is gone or disabled", token.getUsername(),
                    token.getFamilyId());
            return new TokenGrant.Refused(Refusal.USER_DISABLED);
        }
        Instant usedAt = token.getUsedAt();
        if (usedAt == null && this.refreshTokens.markUsed(token.getId(), now) == 0) {
            // Changed outside this service since we read it (say, by an admin's UPDATE): read it again.
            RefreshToken current = this.refreshTokens.findById(token.getId()).orElseThrow();
            if (!current.isActive()) {
                log.info("Refresh refused for user '{}' session {}: revoked meanwhile", token.getUsername(),
                        token.getFamilyId());
                return new TokenGrant.Refused(Refusal.REVOKED);
            }
            usedAt = current.getUsedAt();
        }
        if (usedAt != null && !withinGrace(usedAt, now)) {
            int revoked = this.refreshTokens.revokeFamily(token.getFamilyId());
            log.warn("SECURITY: refresh token reuse detected for user '{}' session {}: the token was rotated at {}; "
                    + "revoked the session ({} active tokens)", token.getUsername(), token.getFamilyId(), usedAt,
                    revoked);
            return new TokenGrant.Refused(Refusal.REUSED);
        }
        IssuedRefreshToken next = issue(token.getUsername(), token.getFamilyId(), now, token.getSessionStartedAt(),
                token.getGeneration() + 1);
        log.info("Refresh: user '{}' session {} rotated its refresh token{}", token.getUsername(),
                token.getFamilyId(), (usedAt != null) ? " (again, within the reuse grace)" : "");
        return granted(user.get(), next);
    }

    /** The grant of a session's new refresh token, with an access token for the user's role as stored now. */
    private TokenGrant granted(Account account, IssuedRefreshToken refresh) {
        AccessToken access = this.accessTokens.issue(account.username(), List.of(account.role().name()),
                refresh.sessionId());
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
        return new SessionInfo(SessionInfo.shortId(access.id()), access.expiresAt(), sessionEnd, renewals, now);
    }

    /**
     * Revokes the session that the given refresh token belongs to; unknown tokens are ignored.
     * @return the session id, if the token was known
     */
    @Transactional
    Optional<String> revokeSessionOf(String value) {
        Optional<String> owner = (value == null) ? Optional.empty() : ownerOf(value);
        owner.ifPresent(this.accounts::lockForSessionChange);
        Optional<RefreshToken> token = owner.flatMap((found) -> this.refreshTokens.findByTokenHash(hash(value)));
        token.ifPresent((found) -> revokeFamily(found.getFamilyId(), found.getUsername()));
        return token.map(RefreshToken::getFamilyId);
    }

    /**
     * Revokes every token of a login session.
     */
    @Transactional
    void revokeSession(String sessionId, String username) {
        this.accounts.lockForSessionChange(username);
        revokeFamily(sessionId, username);
    }

    private void revokeFamily(String sessionId, String username) {
        int revoked = this.refreshTokens.revokeFamily(sessionId);
        log.info("Revoked session {} of user '{}' ({} active tokens)", sessionId, username, revoked);
    }

    private Refusal checkUsable(RefreshToken token, Instant now) {
        if (!token.isActive()) {
            return Refusal.REVOKED;
        }
        if (!now.isBefore(token.getExpiresAt())) {
            return Refusal.EXPIRED;
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
        this.refreshTokens.save(new RefreshToken(username, hash(value), familyId, now, expiresAt, sessionStartedAt,
                generation));
        return new IssuedRefreshToken(value, familyId, expiresAt);
    }

    /** The user a refresh token was issued to; empty for a malformed or unknown token. */
    private Optional<String> ownerOf(String value) {
        if (!TOKEN_FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        return this.refreshTokens.findUsernameByTokenHash(hash(value));
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
