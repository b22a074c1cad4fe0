package dev.jwtflights.sessions.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.jwtflights.system.Client;
import dev.jwtflights.tokens.SignInMethod;

/**
 * One issued refresh token. Only the SHA-256 hash of the cookie value is stored. All tokens of one login share a
 * family id, so a whole session can be revoked at once.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "family_id", nullable = false, length = 36)
    private String familyId;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "session_started_at", nullable = false)
    private Instant sessionStartedAt;

    @Column(nullable = false)
    private int generation;

    @Column(name = "ip_address", length = 45)
    private String ipAddress;

    @Column(name = "user_agent", length = 255)
    private String userAgent;

    /**
     * Why the application ended the session ({@link dev.jwtflights.sessions.EndCause}); {@code null} if it did not (SQL,
     * or active).
     */
    @Column(name = "end_reason", length = 30)
    private String endReason;

    /** How the session was signed in to: the RFC 8176 value of its access tokens' {@code amr} claim. */
    @Column(nullable = false, length = 10)
    private String amr;

    protected RefreshToken() {
    }

    public RefreshToken(String username, String tokenHash, String familyId, Instant createdAt, Instant expiresAt,
            Instant sessionStartedAt, int generation, SignInMethod signInMethod, Client client) {
        this.username = username;
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.active = true;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.sessionStartedAt = sessionStartedAt;
        this.generation = generation;
        this.ipAddress = client.ipAddress();
        this.userAgent = client.userAgent();
        this.amr = signInMethod.amr();
    }

    public Long getId() {
        return this.id;
    }

    public String getUsername() {
        return this.username;
    }

    public String getTokenHash() {
        return this.tokenHash;
    }

    public String getFamilyId() {
        return this.familyId;
    }

    public boolean isActive() {
        return this.active;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public Instant getExpiresAt() {
        return this.expiresAt;
    }

    public Instant getUsedAt() {
        return this.usedAt;
    }

    public Instant getSessionStartedAt() {
        return this.sessionStartedAt;
    }

    /** 0 for the token issued at login, one more at every rotation. */
    public int getGeneration() {
        return this.generation;
    }

    public String getIpAddress() {
        return this.ipAddress;
    }

    public String getUserAgent() {
        return this.userAgent;
    }

    public String getEndReason() {
        return this.endReason;
    }

    /** How the session was signed in to; a value that is not ours (typed in SQL) counts as a password. */
    public SignInMethod getSignInMethod() {
        return signInMethodOf(this.amr);
    }

    /** The sign-in method of a stored {@code amr} value; one that is not ours (typed in SQL) counts as a password. */
    public static SignInMethod signInMethodOf(String amr) {
        return SignInMethod.ofAmr(amr).orElse(SignInMethod.PASSWORD);
    }

    @Override
    public String toString() {
        return "RefreshToken[id=" + this.id + ", username=" + this.username + ", familyId=" + this.familyId
                + ", active=" + this.active + ", expiresAt=" + this.expiresAt + ", usedAt=" + this.usedAt + "]";
    }

}
