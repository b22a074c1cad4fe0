package dev.jwtflights.flights;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole page when the API refuses a token that the page itself accepted (an API elsewhere, with its own view of
 * the session): the page renews the session once, in the same request, calls again with the new token and shows the
 * flights; if the API refuses the new token too, the person lands on the login page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class FlightsPageRenewalIntegrationTests {

    /** The configured API: refuses the first {@link #refusals} requests, then answers one flight. */
    private static final HttpServer api = server();

    private static final AtomicInteger refusals = new AtomicInteger();

    /** The Authorization header of every request the API got. */
    private static final Queue<String> authorizations = new ConcurrentLinkedQueue<>();

    static {
        api.createContext("/reservation", FlightsPageRenewalIntegrationTests::answer);
        api.start();
    }

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void apiBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("app.api.base-url", () -> "http://127.0.0.1:" + api.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        api.stop(0);
    }

    @BeforeEach
    void reset() {
        authorizations.clear();
    }

    @Test
    void flightsWhenTheApiRefusesTheTokenThenRenewsOnceAndShowsThePage() {
        CookieJarClient browser = new CookieJarClient(this.port);
        browser.logIn("secret", "secret");
        String oldAccess = browser.cookie("accessToken").orElseThrow();
        String oldRefresh = browser.cookie("refreshToken").orElseThrow();
        refusals.set(1);

        Page page = browser.get("/flights");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Katherine Johnson");
        String newAccess = browser.cookie("accessToken").orElseThrow();
        assertThat(newAccess).isNotEqualTo(oldAccess);
        assertThat(browser.cookie("refreshToken")).hasValueSatisfying((refresh) -> assertThat(refresh)
            .isNotEqualTo(oldRefresh));
        assertThat(authorizations).containsExactly("Bearer " + oldAccess, "Bearer " + newAccess);
    }

    @Test
    void flightsWhenTheApiRefusesTheRenewedTokenTooThenLoginPage() {
        CookieJarClient browser = new CookieJarClient(this.port);
        browser.logIn("secret", "secret");
        refusals.set(2);

        Page page = browser.get("/flights");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
        assertThat(authorizations).hasSize(2);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        if (refusals.getAndDecrement() > 0) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            exchange.sendResponseHeaders(401, -1);
        }
        else {
            byte[] body = ("[{\"id\":7,\"name\":\"Katherine Johnson\",\"startLocation\":\"Hampton\","
                    + "\"endLocation\":\"Houston\"}]").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
