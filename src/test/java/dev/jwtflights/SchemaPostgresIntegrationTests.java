package dev.jwtflights;

import java.sql.SQLException;
import java.util.List;

import dev.jwtflights.test.postgres.EmbeddedPostgresDatabase;
import dev.jwtflights.test.postgres.EmbeddedPostgresDatabase.Database;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema on PostgreSQL. The one set of migrations ({@code db/migration}, which H2 runs in every other test)
 * applies to a new, empty database, and the data ones do what they say; the role that README.md suggests for
 * revoking sessions in {@code psql} can do that and nothing else. That the schema is the one the entities expect is
 * checked by every PostgreSQL test with an application context ({@code ddl-auto=validate}).
 */
class SchemaPostgresIntegrationTests {

    @Test
    void everyMigrationAppliesToAnEmptyDatabase() {
        Database database = EmbeddedPostgresDatabase.create();

        int applied = flyway(database, null).migrate().migrationsExecuted;

        JdbcTemplate jdbc = jdbc(database);
        assertThat(applied).isEqualTo(8);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                String.class)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isEqualTo(10);
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "ORDER BY table_name", String.class))
            .containsExactly("app_user", "auth_event", "flyway_schema_history", "passkey_ceremony", "refresh_token",
                    "reservation", "user_credentials", "user_entities");
        assertThat(jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE table_name = "
                + "'user_credentials' AND column_name IN ('public_key', 'attestation_object', "
                + "'attestation_client_data_json')", String.class))
            .hasSize(3)
            .containsOnly("bytea");
        assertThat(jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE table_name = 'refresh_token' "
                + "AND column_name IN ('created_at', 'expires_at', 'used_at', 'session_started_at')", String.class))
            .hasSize(4)
            .containsOnly("timestamp with time zone");
        assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_name = "
                + "'passkey_ceremony' AND column_name = 'expires_at'", String.class))
            .isEqualTo("timestamp with time zone");
        // What a renewal asks of its session, and what a login or a list asks of the unused tokens, is found by an
        // index, never by reading all of a session's or a user's rows.
        assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'refresh_token'", String.class))
            .anyMatch((index) -> index.endsWith("(family_id, generation)"))
            .anyMatch((index) -> index.endsWith("(family_id, is_active, used_at)"))
            .anyMatch((index) -> index.endsWith("(used_at, username)"))
            .noneMatch((index) -> index.endsWith("(family_id)") || index.endsWith("(family_id, is_active)"));
    }

    @Test
    void v3NumbersTheTokensOfSessionsThatExistedBeforeItInTheirOrder() {
        Database database = EmbeddedPostgresDatabase.create();
        flyway(database, "2").migrate();
        JdbcTemplate jdbc = jdbc(database);
        for (String family : List.of("family-a", "family-b", "family-a", "family-a")) {
            jdbc.update("INSERT INTO refresh_token (username, token_hash, family_id, created_at, expires_at, "
                    + "session_started_at) VALUES ('secret', md5(random()::text), ?, now(), now(), now())", family);
        }

        flyway(database, null).migrate();

        assertThat(jdbc.queryForList("SELECT family_id || ':' || generation FROM refresh_token ORDER BY id",
                String.class)).containsExactly("family-a:0", "family-b:0", "family-a:1", "family-a:2");
    }

    @Test
    void theReadmesRevokerRoleMayEndSessionsAndChangeNothingElse() {
        Database database = EmbeddedPostgresDatabase.create();
        flyway(database, null).migrate();
        JdbcTemplate owner = jdbc(database);
        for (String family : List.of("session-1", "session-2")) {
            owner.update("INSERT INTO refresh_token (username, token_hash, family_id, created_at, expires_at, "
                    + "session_started_at) VALUES ('secret', md5(random()::text), ?, now(), now(), now())", family);
        }
        // Roles belong to the whole server: a name of this database's own.
        String revoker = database.url().substring(database.url().lastIndexOf('/') + 1) + "_revoker";
        owner.execute("CREATE ROLE " + revoker + " LOGIN PASSWORD 'not-checked-here'");
        owner.execute("GRANT SELECT, UPDATE (is_active) ON refresh_token TO " + revoker);
        JdbcTemplate psql = new JdbcTemplate(new DriverManagerDataSource(database.url(), revoker, "not-checked-here"));

        assertThat(psql.update("UPDATE refresh_token SET is_active = FALSE WHERE family_id = 'session-1';")).isOne();
        assertThat(psql.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret';")).isEqualTo(2);
        assertThat(owner.queryForObject("SELECT COUNT(*) FROM refresh_token WHERE is_active", Integer.class)).isZero();
        for (String refused : List.of("UPDATE refresh_token SET expires_at = now()", "DELETE FROM refresh_token",
                "UPDATE app_user SET role = 'ADMIN'", "SELECT password_hash FROM app_user",
                "INSERT INTO auth_event (occurred_at, type) VALUES (now(), 'LOGGED_OUT')")) {
            // 42501: insufficient_privilege.
            assertThatExceptionOfType(DataAccessException.class).as(refused)
                .isThrownBy(() -> psql.execute(refused))
                .havingRootCause()
                .isInstanceOfSatisfying(SQLException.class, (ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
        }
    }

    private static Flyway flyway(Database database, String target) {
        return Flyway.configure()
            .dataSource(database.url(), database.username(), database.password())
            .locations("classpath:db/migration")
            .target((target != null) ? target : "latest")
            .load();
    }

    private static JdbcTemplate jdbc(Database database) {
        return new JdbcTemplate(new DriverManagerDataSource(database.url(), database.username(), database.password()));
    }

}
