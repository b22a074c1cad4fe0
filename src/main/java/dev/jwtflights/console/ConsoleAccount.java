package dev.jwtflights.console;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database account that the H2 console connects as, {@value #USER}: created if missing, given a new random
 * password at every start (which only this application knows and the console guard types in), allowed to read every
 * table and to update {@code refresh_token} and {@code app_user}, where triggers narrow that down:
 * {@link ConsoleTokenUpdateGuard} lets it set {@code is_active} to {@code FALSE} only (revoke), and
 * {@link ConsoleUserUpdateGuard} lets it change the {@code enabled} flag only. It is no H2 admin, so H2 refuses it
 * {@code CREATE ALIAS}, the file functions ({@code FILE_READ}, {@code CSVWRITE}, {@code RUNSCRIPT}, {@code SCRIPT}),
 * linked tables and every schema change.
 * <p>
 * The account, its rights and the triggers are set up here, not by a Flyway migration, because they belong to the
 * console of the embedded H2 database, which a production database does not have.
 */
class ConsoleAccount {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAccount.class);

    static final String USER = "CONSOLE";

    private final JdbcTemplate jdbc;

    private final String password;

    ConsoleAccount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        // base64url: no quote can end the SQL string literal below.
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    String password() {
        return this.password;
    }

    @EventListener(ApplicationStartedEvent.class)
    void setUp() {
        this.jdbc.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD '" + this.password + "'");
        this.jdbc.execute("ALTER USER " + USER + " SET PASSWORD '" + this.password + "'");
        List<String> tables = this.jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class);
        for (String table : tables) {
            this.jdbc.execute("GRANT SELECT ON \"" + table.replace("\"", "\"\"") + "\" TO " + USER);
        }
        this.jdbc.execute("GRANT UPDATE ON REFRESH_TOKEN, APP_USER TO " + USER);
        this.jdbc.execute("CREATE TRIGGER IF NOT EXISTS CONSOLE_UPDATE_GUARD BEFORE UPDATE ON APP_USER FOR EACH ROW "
                + "CALL '" + ConsoleUserUpdateGuard.class.getName() + "'");
        this.jdbc.execute("CREATE TRIGGER IF NOT EXISTS CONSOLE_TOKEN_GUARD BEFORE UPDATE ON REFRESH_TOKEN "
                + "FOR EACH ROW CALL '" + ConsoleTokenUpdateGuard.class.getName() + "'");
        log.info("H2 console: connects as the database account {} (reads every table, revokes refresh tokens, "
                + "updates app_user.enabled)", USER);
    }

}
