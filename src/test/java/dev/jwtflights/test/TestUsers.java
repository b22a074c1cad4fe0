package dev.jwtflights.test;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users made for one test, with SQL as an administrator would: a fresh name each time, so tests that share an
 * application context never share a user, and a password the test knows.
 */
public final class TestUsers {

    /** BCrypt at its lowest cost: the application checks a hash at the cost it carries, so these logins are quick. */
    private static final PasswordEncoder CHEAP_HASHES = new BCryptPasswordEncoder(4);

    private TestUsers() {
    }

    /**
     * @param role {@code USER} or {@code ADMIN}
     * @return the new user's name; their password is {@link #passwordOf(String)}
     */
    public static String create(JdbcTemplate jdbc, String role) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID();
        jdbc.update("INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, ?)", username,
                CHEAP_HASHES.encode(passwordOf(username)), role);
        return username;
    }

    public static String passwordOf(String username) {
        return "password-of-" + username;
    }

}
