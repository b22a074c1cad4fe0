package dev.jwtflights.sessions.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

    /**
     * The token that stands for an active session: the newest unused token of a session none of whose tokens was
     * revoked, not expired at {@code :now}. Exactly one per active session.
     */
    String ACTIVE_SESSION = "t.active = true and t.usedAt is null and t.expiresAt > :now and t.id = "
            + "(select max(h.id) from RefreshToken h where h.familyId = t.familyId and h.active = true "
            + "and h.usedAt is null) and not exists (select r.id from RefreshToken r where r.familyId = t.familyId "
            + "and r.active = false)";

    /** Newest login first. */
    String NEWEST_FIRST = " order by t.sessionStartedAt desc, t.id desc";

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Whether any token of a session was revoked: then the whole session is. */
    boolean existsByFamilyIdAndActiveFalse(String familyId);

    /** Whose token this is, without loading the token (so that it is read afresh once its user is locked). */
    @Query("select t.username from RefreshToken t where t.tokenHash = :tokenHash")
    Optional<String> findUsernameByTokenHash(@Param("tokenHash") String tokenHash);

    /** Whose session this is. */
    @Query("select max(t.username) from RefreshToken t where t.familyId = :familyId")
    Optional<String> findUsernameByFamilyId(@Param("familyId") String familyId);

    /** The highest generation of a session: how often it was renewed. */
    @Query("select max(t.generation) from RefreshToken t where t.familyId = :familyId and t.username = :username")
    Optional<Integer> findLastGeneration(@Param("familyId") String familyId, @Param("username") String username);

    /** When a session ends unless it is renewed: the latest expiry of its tokens that are active and unused. */
    @Query("select max(t.expiresAt) from RefreshToken t where t.familyId = :familyId and t.username = :username "
            + "and t.active = true and t.usedAt is null")
    Optional<Instant> findSessionEnd(@Param("familyId") String familyId, @Param("username") String username);

    List<RefreshToken> findByFamilyIdOrderByIdAsc(String familyId);

    /** The active sessions of one user, newest login first. */
    @Query("select t from RefreshToken t where " + ACTIVE_SESSION + " and t.username = :username" + NEWEST_FIRST)
    List<RefreshToken> findActiveSessionsOf(@Param("username") String username, @Param("now") Instant now);

    /** Every active session, newest login first. */
    @Query(value = "select t from RefreshToken t where " + ACTIVE_SESSION + NEWEST_FIRST,
            countQuery = "select count(t) from RefreshToken t where " + ACTIVE_SESSION)
    Page<RefreshToken> findActiveSessions(@Param("now") Instant now, Pageable page);

    /** The active sessions of one user, newest login first, a page at a time. */
    @Query(value = "select t from RefreshToken t where " + ACTIVE_SESSION + " and t.username = :username"
            + NEWEST_FIRST, countQuery = "select count(t) from RefreshToken t where " + ACTIVE_SESSION
                    + " and t.username = :username")
    Page<RefreshToken> findActiveSessionsOf(@Param("username") String username, @Param("now") Instant now,
            Pageable page);

    /** How many active sessions each user with any has: pairs of username and count. */
    @Query("select t.username, count(t) from RefreshToken t where " + ACTIVE_SESSION + " group by t.username")
    List<Object[]> countActiveSessionsByUsername(@Param("now") Instant now);

    /**
     * The sessions that issued a token after {@code since} and have any token revoked since: the only ended sessions
     * whose access tokens can still be unexpired, when {@code since} is an access-token lifetime ago.
     * <p>
     * Only the tokens not yet rotated are looked at: a session that issued a token after {@code since} has one of
     * those issued after it too (the token itself, or the last of its successors, each written after the one it
     * replaced). Under load that is one row a session instead of one a renewal, each with its lookup of revoked rows.
     */
    @Query("select distinct t.familyId from RefreshToken t where t.createdAt > :since and t.usedAt is null and exists "
            + "(select r.id from RefreshToken r where r.familyId = t.familyId and r.active = false)")
    List<String> findEndedSessionsIssuingSince(@Param("since") Instant since);

    /** Ends a session: revokes its tokens that are still active, and says why. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RefreshToken t set t.active = false, t.endReason = :cause where t.familyId = :familyId "
            + "and t.active = true")
    int revokeFamily(@Param("familyId") String familyId, @Param("cause") String cause);

    /**
     * Deletes the sessions whose every token expired before the cutoff: they would be refused anyway. A session with
     * any token still alive keeps all its rows, so a revocation stays visible to every token of it.
     */
    @Transactional
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RefreshToken t where t.familyId in (select f.familyId from RefreshToken f "
            + "group by f.familyId having max(f.expiresAt) < :cutoff)")
    int deleteSessionsExpiredBefore(@Param("cutoff") Instant cutoff);

}
