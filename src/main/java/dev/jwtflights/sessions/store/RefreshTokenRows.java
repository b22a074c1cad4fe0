package dev.jwtflights.sessions.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.jwtflights.tokens.SignInMethod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements a rotation runs on {@code refresh_token} (and a login, for its first token), in plain SQL (the same
 * on H2 and PostgreSQL) inside the caller's transaction. A renewal is the hottest write of the application: these skip
 * the per-query work of JPA (query translation, entity loading, dirty checking) and do in one statement what would
 * take two. What they read is never an entity, and what they write is not one Hibernate manages (an entity loaded
 * earlier in the same transaction does not see it; every caller reads afresh, with queries).
 */
@Component
public class RefreshTokenRows {

    private static final String LOCK_SESSION = "select g.id from refresh_token g where g.family_id = :familyId "
            + "and g.generation = 0 order by g.id for update";

    private static final String LOCK_SESSION_OF_TOKEN = "select g.id from refresh_token g where g.generation = 0 "
            + "and g.family_id = (select t.family_id from refresh_token t where t.token_hash = :tokenHash) "
            + "order by g.id for update";

    private static final String FIND_PRESENTED = "select t.id, t.username, t.family_id, t.is_active, t.end_reason, "
            + "t.expires_at, t.used_at, t.session_started_at, t.generation, t.amr, exists (select r.id from "
            + "refresh_token r where r.family_id = t.family_id and r.is_active = false) as session_revoked "
            + "from refresh_token t where t.token_hash = :tokenHash";

    private static final String MARK_USED = "update refresh_token set used_at = :now where id = :id "
            + "and used_at is null and is_active = true";

    private static final String INSERT = "insert into refresh_token (username, token_hash, family_id, is_active, "
            + "created_at, expires_at, session_started_at, generation, ip_address, user_agent, amr) values (:username, "
            + ":tokenHash, :familyId, true, :createdAt, :expiresAt, :sessionStartedAt, :generation, :ipAddress, "
            + ":userAgent, :amr)";

    private final JdbcClient jdbc;

    RefreshTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks a session until the transaction ends: the row of its first token (generation 0, written at the login),
     * with {@code SELECT ... FOR UPDATE}. Every change to a session's tokens takes this lock first: rotations of one
     * session, and its revocation by the application, happen one after the other, while other sessions (of the same
     * user too) go on.
     * @return whether the session exists
     */
    public boolean lockSession(String familyId) {
        return !this.jdbc.sql(LOCK_SESSION).param("familyId", familyId).query(Long.class).list().isEmpty();
    }

    /**
     * Locks the session of a token, as {@link #lockSession} does, found by the token's hash.
     * @return whether the token is known (and its session now locked)
     */
    public boolean lockSessionOf(String tokenHash) {
        return !this.jdbc.sql(LOCK_SESSION_OF_TOKEN).param("tokenHash", tokenHash).query(Long.class).list().isEmpty();
    }

    /** A token as it is stored now, with whether any token of its session was revoked. */
    public Optional<Presented> find(String tokenHash) {
        return this.jdbc.sql(FIND_PRESENTED)
            .param("tokenHash", tokenHash)
            .query(RefreshTokenRows::presented)
            .optional();
    }

    /**
     * Marks a token as rotated, if nobody did before and it is still active. The row count decides which of two
     * concurrent refreshes wins.
     */
    public int markUsed(long id, Instant now) {
        return this.jdbc.sql(MARK_USED).param("now", timestamp(now)).param("id", id).update();
    }

    /** Writes a new token: active, not used. */
    public void insert(RefreshToken token) {
        this.jdbc.sql(INSERT)
            .param("username", token.getUsername())
            .param("tokenHash", token.getTokenHash())
            .param("familyId", token.getFamilyId())
            .param("createdAt", timestamp(token.getCreatedAt()))
            .param("expiresAt", timestamp(token.getExpiresAt()))
            .param("sessionStartedAt", timestamp(token.getSessionStartedAt()))
            .param("generation", token.getGeneration())
            .param("ipAddress", token.getIpAddress())
            .param("userAgent", token.getUserAgent())
            .param("amr", token.getSignInMethod().amr())
            .update();
    }

    private static Presented presented(ResultSet row, int rowNumber) throws SQLException {
        return new Presented(row.getLong("id"), row.getString("username"), row.getString("family_id"),
                row.getBoolean("is_active"), row.getString("end_reason"), instant(row, "expires_at"),
                instant(row, "used_at"), instant(row, "session_started_at"), row.getInt("generation"),
                RefreshToken.signInMethodOf(row.getString("amr")),
                row.getBoolean("session_revoked"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    /**
     * A refresh token as a rotation reads it: never its value nor its hash.
     * @param sessionRevoked whether any token of its session is revoked (then all of it is)
     * @param signInMethod how the session was signed in to ({@link RefreshToken#signInMethodOf})
     */
    public record Presented(long id, String username, String familyId, boolean active, String endReason,
            Instant expiresAt, Instant usedAt, Instant sessionStartedAt, int generation, SignInMethod signInMethod,
            boolean sessionRevoked) {
    }

}
