package dev.jwtflights.users;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users as the session rules see them.
 */
@Service
public class UserAccounts {

    private final AppUserRepository users;

    UserAccounts(AppUserRepository users) {
        this.users = users;
    }

    /**
     * Reads a user and locks their row until the caller's transaction ends ({@code SELECT ... FOR UPDATE}): every
     * change to a user's sessions holds this lock, so rotations, reuse detection and revocations of one user happen
     * one after the other. Must run inside the caller's transaction.
     * @return the user, or empty if there is no such user
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockForSessionChange(String username) {
        return this.users.findForUpdateByUsername(username).map(Account::of);
    }

}
