package dev.jwtflights.users;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByRole(Role role);

    /**
     * Reads a user and locks their row until the transaction ends (a pessimistic write lock:
     * {@code SELECT ... FOR UPDATE} on H2, {@code FOR NO KEY UPDATE} on PostgreSQL): every change to which sessions a
     * user has (a login, the session limit, ending sessions) holds this lock, so those of one user happen one after
     * the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.username = :username")
    Optional<AppUser> findForUpdateByUsername(@Param("username") String username);

}
