package dev.jwtflights;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restarted instance cleans up at once, not an hour later: rows that were already due when it started (written here
 * by a runner, which runs before the application is ready) are gone when it is ready, and nothing else is.
 */
@SpringBootTest(properties = "app.audit.retention=90d")
class PurgeAtStartIntegrationTests {

    private static final Instant NOW = Instant.now();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void whenReadyThenOldAuditEventsAndLongExpiredSessionsAreGoneAndTheRestKept() {
        assertThat(this.jdbc.queryForList("SELECT username FROM auth_event ORDER BY username", String.class))
            .containsExactly("kept");
        assertThat(this.jdbc.queryForList("SELECT family_id FROM refresh_token ORDER BY family_id", String.class))
            .containsExactly("alive");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RowsFromBeforeTheStart {

        @Bean
        ApplicationRunner rowsFromBeforeTheStart(JdbcTemplate jdbc) {
            return (arguments) -> {
                event(jdbc, "too-old", NOW.minus(Duration.ofDays(91)));
                event(jdbc, "kept", NOW.minus(Duration.ofDays(89)));
                session(jdbc, "long-expired", NOW.minus(Duration.ofDays(3)));
                session(jdbc, "alive", NOW.plus(Duration.ofDays(3)));
            };
        }

        private static void event(JdbcTemplate jdbc, String username, Instant at) {
            jdbc.update("INSERT INTO auth_event (occurred_at, type, username) VALUES (?, 'LOGIN_SUCCEEDED', ?)",
                    Timestamp.from(at), username);
        }

        private static void session(JdbcTemplate jdbc, String familyId, Instant expiresAt) {
            Timestamp issued = Timestamp.from(expiresAt.minus(Duration.ofDays(7)));
            jdbc.update("INSERT INTO app_user (username, password_hash, role) VALUES (?, 'unused', 'USER')", familyId);
            jdbc.update("INSERT INTO refresh_token (username, token_hash, family_id, created_at, expires_at, "
                    + "session_started_at) VALUES (?, ?, ?, ?, ?, ?)", familyId, familyId, familyId, issued,
                    Timestamp.from(expiresAt), issued);
        }

    }

}
