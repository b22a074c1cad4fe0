package dev.jwtflights.users;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up the {@code app_user} table for the login form and the password grant. A username with a control character
 * in it is no user's (usernames are printable) and is not looked up: PostgreSQL refuses a text with a NUL character
 * in it with an error, which would turn a mistyped or crafted sign-in into a database failure (503) instead of a
 * failed sign-in that the throttle counts.
 */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    AppUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (username.chars().anyMatch(Character::isISOControl)) {
            throw new UsernameNotFoundException("no such user");
        }
        AppUser user = this.users.findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.getUsername())
            .password(user.getPasswordHash())
            .roles(user.getRole().name())
            .disabled(!user.isEnabled())
            .build();
    }

}
