package dev.jwtflights.users;

/**
 * What the session rules need to know of a user: their role and whether they may sign in. No password hash.
 *
 * @param username the unique login name
 * @param role what the user may do
 * @param enabled whether the user may sign in and renew sessions
 */
public record Account(String username, Role role, boolean enabled) {

    static Account of(AppUser user) {
        return new Account(user.getUsername(), user.getRole(), user.isEnabled());
    }

}
