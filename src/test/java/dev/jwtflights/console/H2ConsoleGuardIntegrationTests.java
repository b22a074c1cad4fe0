package dev.jwtflights.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 console as an ADMIN uses it, over real HTTP: whatever its login form says, it is connected to the
 * application's database as the console's account, which can revoke sessions (the README's {@code UPDATE}) and
 * disable a user, and can do nothing that reaches the host or another database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class H2ConsoleGuardIntegrationTests {

    private static final Pattern SESSION = Pattern.compile("jsessionid=([0-9a-f]+)");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private CookieJarClient admin;

    private String consoleSession;

    @BeforeEach
    void signInAsAdminAndOpenTheConsole() {
        this.admin = new CookieJarClient(this.port);
        this.admin.logIn("admin", "admin");
        Matcher session = SESSION.matcher(this.admin.get("/h2-console/").body());
        assertThat(session.find()).isTrue();
        this.consoleSession = session.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "jdbc:h2:mem:elsewhere;INIT=CREATE ALIAS X AS 'String x() { return \"\"; }'",
            "jdbc:h2:file:/tmp/another-database", "jdbc:h2:tcp://127.0.0.1:9092/x" })
    void loginWhenAnyOtherUrlAndAdminAccountTypedThenTheAppDatabaseAsTheConsoleAccount(String url) {
        connect(url, "sa", "", "login.do");

        assertThat(query("SELECT CURRENT_USER")).contains(">CONSOLE<");
        assertThat(query("SELECT COUNT(*) FROM app_user")).contains("(1 row");
    }

    @Test
    void testConnectionWhenAnotherUrlTypedThenAlsoTheAppDatabase() {
        Page tested = connect("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '/etc/passwd'", "sa", "", "test.do");

        assertThat(tested.status()).isEqualTo(200);
        assertThat(tested.body()).contains("Test successful").doesNotContain("RUNSCRIPT");
    }

    @ParameterizedTest
    @ValueSource(strings = { "CREATE ALIAS EXEC AS 'String exec(String c) throws Exception { return \"\"; }'",
            "SELECT FILE_READ('/etc/passwd')", "CALL CSVWRITE('/tmp/console.csv', 'SELECT 1')",
            "RUNSCRIPT FROM '/tmp/console.sql'", "SCRIPT TO '/tmp/console.sql'",
            "CREATE LINKED TABLE L('org.h2.Driver', 'jdbc:h2:mem:y', 'sa', '', 'T')",
            "CREATE TABLE console_table(id INT)", "DROP TABLE reservation", "DELETE FROM app_user",
            "INSERT INTO refresh_token (id) VALUES (-1)" })
    void queryWhenBeyondTheConsolesRightsThenRefused(String sql) {
        connect("jdbc:h2:mem:x", "sa", "", "login.do");

        assertThat(query(sql)).containsAnyOf("Admin rights are required", "Not enough rights");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isPositive();
    }

    @Test
    void updateWhenAppUserColumnOtherThanEnabledThenRefused() {
        connect("jdbc:h2:mem:x", "sa", "", "login.do");

        assertThat(query("UPDATE app_user SET role = 'ADMIN' WHERE username = 'secret'"))
            .contains("The console may change app_user.enabled only");
        assertThat(query("UPDATE app_user SET password_hash = 'x' WHERE username = 'secret'"))
            .contains("The console may change app_user.enabled only");
        assertThat(this.jdbc.queryForObject("SELECT role FROM app_user WHERE username = 'secret'", String.class))
            .isEqualTo("USER");
    }

    @Test
    void updateWhenRevokingAsTheReadmeSaysThenTheSessionEnds() {
        CookieJarClient user = new CookieJarClient(this.port);
        user.logIn("secret", "secret");
        String refresh = user.cookie("refreshToken").orElseThrow();
        connect("jdbc:h2:mem:x", "sa", "", "login.do");

        assertThat(query("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret'"))
            .containsPattern("Update count: [1-9]");

        Page refused = user.post("/api/auth/refresh", Map.of("refresh_token", refresh));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }

    @Test
    void updateWhenRefreshTokenChangedOtherThanRevokedThenRefused() {
        CookieJarClient user = new CookieJarClient(this.port);
        user.logIn("secret", "secret");
        String refresh = user.cookie("refreshToken").orElseThrow();
        connect("jdbc:h2:mem:x", "sa", "", "login.do");

        for (String sql : new String[] { "UPDATE refresh_token SET username = 'admin' WHERE username = 'secret'",
                "UPDATE refresh_token SET expires_at = DATEADD('YEAR', 1, expires_at) WHERE username = 'secret'",
                "UPDATE refresh_token SET is_active = FALSE, end_reason = 'LOGOUT' WHERE username = 'secret'" }) {
            assertThat(query(sql)).contains("The console may only revoke");
        }
        assertThat(query("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret'"))
            .containsPattern("Update count: [1-9]");
        assertThat(query("UPDATE refresh_token SET is_active = TRUE WHERE username = 'secret'"))
            .contains("The console may only revoke");

        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM refresh_token WHERE username = 'secret' "
                + "AND (is_active OR end_reason IS NOT NULL)", Integer.class)).isZero();
        assertThat(user.post("/api/auth/refresh", Map.of("refresh_token", refresh)).status()).isEqualTo(400);
    }

    @Test
    void updateWhenDisablingAUserThenDone() {
        this.jdbc.update("MERGE INTO app_user (username, password_hash, role, enabled) KEY (username) "
                + "VALUES ('console-test-user', 'x', 'USER', TRUE)");
        connect("jdbc:h2:mem:x", "sa", "", "login.do");

        assertThat(query("UPDATE app_user SET enabled = FALSE WHERE username = 'console-test-user'"))
            .contains("Update count: 1");
        assertThat(this.jdbc.queryForObject("SELECT enabled FROM app_user WHERE username = 'console-test-user'",
                Boolean.class)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "tools.do", "tools.jsp", "settingSave.do", "settingRemove.do", "admin.do",
            "adminLogin.do", "adminSave.do", "adminShutdown.do", "adminStartTranslate.do", "transfer.do" })
    void consolePageWhenToolsSettingsOrAdminThenNotFound(String page) {
        connect("jdbc:h2:mem:x", "sa", "", "login.do");

        assertThat(this.admin.get("/h2-console/" + page + "?jsessionid=" + this.consoleSession).status())
            .isEqualTo(404);
    }

    private Page connect(String url, String user, String password, String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("language", "en");
        form.put("setting", "Generic H2 (Embedded)");
        form.put("name", "Generic H2 (Embedded)");
        form.put("driver", "org.h2.Driver");
        form.put("url", url);
        form.put("user", user);
        form.put("password", password);
        Page page = this.admin.post("/h2-console/" + action + "?jsessionid=" + this.consoleSession, form);
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    private String query(String sql) {
        Page result = this.admin.post("/h2-console/query.do?jsessionid=" + this.consoleSession, Map.of("sql", sql));
        assertThat(result.status()).isEqualTo(200);
        return result.body();
    }

}
