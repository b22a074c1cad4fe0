package dev.jwtflights.sessions;

import dev.jwtflights.system.Client;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the session tests share: a user row made with SQL (the users' entity is theirs), and the tokens of a grant
 * that must have been granted.
 */
final class SessionsTestSupport {

    /** The client every session of these tests is started and renewed by. */
    static final Client CLIENT = new Client("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");

    private SessionsTestSupport() {
    }

    static void createUser(JdbcTemplate jdbc, String username) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role) VALUES (?, '{noop}not-used-here', 'USER')",
                username);
    }

    static TokenPair granted(TokenGrant grant) {
        assertThat(grant).isInstanceOf(TokenGrant.Granted.class);
        return ((TokenGrant.Granted) grant).tokens();
    }

    static IssuedRefreshToken issued(TokenGrant grant) {
        return granted(grant).refresh();
    }

}
