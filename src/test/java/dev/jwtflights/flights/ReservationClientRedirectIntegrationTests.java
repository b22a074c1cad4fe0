package dev.jwtflights.flights;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jwtflights.login.ApiTokenInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code app.api.base-url} pointing at a server that redirects elsewhere: the client follows no redirect, so the
 * user's bearer token never travels to the other server, and the API counts as unavailable.
 */
@SpringBootTest
class ReservationClientRedirectIntegrationTests {

    /** Where the redirect leads: it would answer a valid empty list, and it notes every request it gets. */
    private static final HttpServer elsewhere = server();

    private static final Queue<String> requestsElsewhere = new ConcurrentLinkedQueue<>();

    /** The configured API: it answers every request with a 302 to {@link #elsewhere}. */
    private static final HttpServer redirecting = server();

    static {
        elsewhere.createContext("/", (exchange) -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requestsElsewhere.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Authorization: "
                    + ((authorization != null) ? authorization : "-"));
            byte[] body = "[]".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        redirecting.createContext("/", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                    + exchange.getRequestURI().getRawPath());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        elsewhere.start();
        redirecting.start();
    }

    @Autowired
    private ReservationClient client;

    @MockitoBean
    private ApiTokenInterceptor apiTokens;

    @BeforeEach
    void sendTheUsersToken() throws IOException {
        ApiTokenStub.sendToken(this.apiTokens, "the-users-access-token");
    }

    @DynamicPropertySource
    static void apiBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("app.api.base-url", () -> "http://127.0.0.1:" + redirecting.getAddress().getPort());
    }

    @BeforeEach
    void forgetEarlierRequests() {
        requestsElsewhere.clear();
    }

    @AfterAll
    static void stopServers() {
        redirecting.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void flightsWhenApiRedirectsThenUnavailableAndTokenNotSentElsewhere() {
        assertThatExceptionOfType(ReservationClient.ApiUnavailableException.class)
            .isThrownBy(() -> this.client.flights());

        assertThat(requestsElsewhere).isEmpty();
    }

    @Test
    void addWhenApiRedirectsThenUnavailableAndTokenNotSentElsewhere() {
        ReservationForm form = new ReservationForm("Grace Hopper", "New York", "Arlington");

        assertThatExceptionOfType(ReservationClient.ApiUnavailableException.class)
            .isThrownBy(() -> this.client.add(form));

        assertThat(requestsElsewhere).isEmpty();
    }

    @Test
    void deleteWhenApiRedirectsThenUnavailableAndTokenNotSentElsewhere() {
        assertThatExceptionOfType(ReservationClient.ApiUnavailableException.class)
            .isThrownBy(() -> this.client.delete(7));

        assertThat(requestsElsewhere).isEmpty();
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
