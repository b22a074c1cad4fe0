package dev.jwtflights.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Whether any token of a session was revoked: then the whole session is. */
    boolean existsByFamilyIdAndActiveFalse(String familyId);

    /** Whose token this is, without loading the token (so that it is read afresh once its user is locked). */
    @Query("select t.username from RefreshToken t where t.tokenHash = :tokenHash")
    Optional<String> findUsernameByTokenHash(@Param("tokenHash") String tokenHash);

    /** The highest generation of a session: how often it was renewed. */
    @Query("select max(t.generation) from RefreshToken t where t.familyId = :familyId and t.username = :username")
    Optional<Integer> findLastGeneration(@Param("familyId") String familyId, @Param("username") String username);

    /** When a session ends unless it is renewed: the latest expiry of its tokens that are active and unused. */
    @Query("select max(t.expiresAt) from RefreshToken t where t.familyId = :familyId and t.username = :username "
            + "and t.active = true and t.usedAt is null")
    Optional<Instant> findSessionEnd(@Param("familyId") String familyId, @Param("username") String username);

    List<RefreshToken> findByFamilyIdOrderByIdAsc(String familyId);

    /**
     * Marks a token as rotated, if nobody did before. The row count decides which of two concurrent refreshes wins.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RefreshToken t set t.usedAt = :now where t.id = :id and t.usedAt is null and t.active = true")
    int markUsed(@Param("id") Long id, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RefreshToken t set t.active = false where t.familyId = :familyId and t.active = true")
    int revokeFamily(@Param("familyId") String familyId);

    /**
     * Deletes the sessions whose every token expired before the cutoff: they would be refused anyway. A session with
     * any token still alive keeps all its rows, so a revocation stays visible to every token of it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RefreshToken t where t.familyId in (select f.familyId from RefreshToken f "
            + "group by f.familyId having max(f.expiresAt) < :cutoff)")
    int deleteSessionsExpiredBefore(@Param("cutoff") Instant cutoff);

}
