package dev.jwtflights;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.jwtflights.test.ApiClient;
import dev.jwtflights.test.ApiClient.ApiSession;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application while its database is down, and after: a PostgreSQL server of this test's own (the shared one of
 * {@code @OnPostgres} keeps running for the other tests) is stopped under a running application, then started again
 * on the same data directory and port. Meanwhile the API says "try again later" (503) rather than refusing anybody,
 * the health endpoint says DOWN, and the failed renewal is measured as an error; once the server is back, the health
 * endpoint says UP and the same tokens work again, without a restart of the application.
 */
class DatabaseOutagePostgresIntegrationTests {

    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres server;

    private ConfigurableApplicationContext application;

    @AfterEach
    void stopEverything() throws IOException {
        if (this.application != null) {
            this.application.close();
        }
        if (this.server != null) {
            this.server.close();
        }
    }

    @Test
    void databaseDownThenTheApiAnswersTemporarilyUnavailableAndRecoversWhenItIsBack() throws IOException {
        int port = freePort();
        this.server = startServer(port);
        this.application = startApplication(port);
        int applicationPort = this.application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        ApiClient api = new ApiClient(applicationPort);
        String user = TestUsers.create(this.application.getBean(JdbcTemplate.class), "USER");
        ApiSession signedIn = api.logIn(user, TestUsers.passwordOf(user));
        CookieJarClient browser = CookieJarClient.signedIn(applicationPort, user, TestUsers.passwordOf(user));
        CookieJarClient anonymous = new CookieJarClient(applicationPort);
        assertThat(anonymous.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");

        this.server.close();

        Page health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");

        Page refresh = api.post("/api/auth/refresh", Map.of("refresh_token", signedIn.refreshToken()));
        assertThat(refresh.status()).isEqualTo(503);
        assertThat(refresh.body()).contains("\"error\":\"temporarily_unavailable\"");
        assertThat(refresh.header("Cache-Control")).hasValue("no-store");
        Page password = api.post("/api/auth/token",
                Map.of("grant_type", "password", "username", user, "password", TestUsers.passwordOf(user)));
        assertThat(password.status()).isEqualTo(503);
        assertThat(password.body()).contains("\"error\":\"temporarily_unavailable\"");
        Page reservations = api.reservations(signedIn.accessToken());
        assertThat(reservations.status()).isEqualTo(503);
        assertThat(reservations.header("Content-Type")).hasValue("application/problem+json");
        assertThat(reservations.body()).contains("\"status\":503").doesNotContain("Exception");
        Page page = browser.get("/account/sessions", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("try again in a moment").doesNotContain("Exception");
        Page signIn = new CookieJarClient(applicationPort).logIn(user, TestUsers.passwordOf(user));
        assertThat(signIn.status()).isEqualTo(503);
        MeterRegistry meters = this.application.getBean(MeterRegistry.class);
        assertThat(meters.get("jwtflights.refreshes").tag("outcome", "error").timer().count()).isEqualTo(1);
        assertThat(meters.get("jwtflights.logins").tag("outcome", "error").timer().count()).isEqualTo(2);

        this.server = startServer(port);
        // The pool replaces its broken connections by itself, on the next requests: no restart, no call of ours.
        await().atMost(Duration.ofSeconds(30))
            .until(() -> api.reservations(signedIn.accessToken()).status() == 200);
        assertThat(anonymous.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");

        // The refresh token was not used up by the failed renewal: it still renews the session.
        ApiSession renewed = api.renew(signedIn.refreshToken());
        assertThat(renewed.sessionId()).isEqualTo(signedIn.sessionId());
        assertThat(api.reservations(renewed.accessToken()).status()).isEqualTo(200);
        assertThat(api.logIn(user, TestUsers.passwordOf(user)).sessionId()).isNotEqualTo(signedIn.sessionId());
        assertThat(browser.get("/account/sessions").status()).isEqualTo(200);
    }

    /** The server on the test's data directory: created at the first start, kept as it was at the next. */
    private EmbeddedPostgres startServer(int port) throws IOException {
        return EmbeddedPostgres.builder()
            .setDataDirectory(this.dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "off")
            .start();
    }

    private static ConfigurableApplicationContext startApplication(int databasePort) {
        Map<String, Object> settings = Map.of("server.port", "0", "spring.datasource.url",
                "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "spring.datasource.username", "postgres",
                "spring.datasource.password", "", "spring.h2.console.enabled", "false",
                // A request waits this long for a connection while the database is down (the default is 30 s).
                "spring.datasource.hikari.connection-timeout", "1000");
        return new SpringApplicationBuilder(JwtFlightsApplication.class)
            .initializers((ConfigurableApplicationContext starting) -> starting.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("databaseOutage", settings)))
            .run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
