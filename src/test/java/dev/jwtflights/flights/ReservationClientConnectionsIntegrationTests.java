package dev.jwtflights.flights;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import dev.jwtflights.login.ApiTokenInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' client keeps its connections to the API open: page after page, the API sees its calls come over the
 * same connection.
 */
@SpringBootTest
class ReservationClientConnectionsIntegrationTests {

    /** The API: the same list every time, noting from which client port each request came. */
    private static final HttpServer api = server();

    private static final Queue<Integer> clientPorts = new ConcurrentLinkedQueue<>();

    static {
        api.createContext("/", (exchange) -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "[{\"id\":1,\"name\":\"Ada Lovelace\",\"startLocation\":\"London\",\"endLocation\":\"Paris\"}]"
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
    }

    @Autowired
    private ReservationClient client;

    @MockitoBean
    private ApiTokenInterceptor apiTokens;

    @BeforeEach
    void sendTheUsersToken() throws IOException {
        ApiTokenStub.sendToken(this.apiTokens, "the-users-access-token");
        clientPorts.clear();
    }

    @DynamicPropertySource
    static void apiBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("app.api.base-url", () -> "http://127.0.0.1:" + api.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        api.stop(0);
    }

    @Test
    void flightsWhenCalledAgainThenTheSameConnection() {
        for (int page = 0; page < 3; page++) {
            assertThat(this.client.flights()).extracting(Flight::name).containsExactly("Ada Lovelace");
        }

        assertThat(clientPorts).hasSize(3);
        assertThat(clientPorts.stream().distinct()).hasSize(1);
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
