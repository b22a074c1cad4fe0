package dev.jwtflights.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit over real HTTP, where the servlet container decodes and normalises the path that Spring routes on:
 * a path written with percent-encoded letters or a path parameter reaches the same endpoint, and meets the same limit.
 * No token is sent: the limit comes before authentication.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestBodyLimitIntegrationTests {

    private static final byte[] OVERSIZED = oversizedJson();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke", "/reservation",
            "/reservation/1", "/%61pi/auth/token", "/api/auth/%72efresh", "/%72eservation", "/%72eservation/1" })
    void postWhenDeclaredLengthOverLimitThenContentTooLarge(String path) throws Exception {
        HttpResponse<String> response = post(path, HttpRequest.BodyPublishers.ofByteArray(OVERSIZED));

        assertContentTooLarge(path, response);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke", "/reservation",
            "/%61pi/auth/token", "/api/auth/%72evoke", "/%72eservation" })
    void postWhenChunkedOverLimitThenContentTooLarge(String path) throws Exception {
        HttpResponse<String> response = post(path,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(OVERSIZED)));

        assertContentTooLarge(path, response);
    }

    @Test
    void postWhenChunkedFormUnderLimitThenItsParametersReachTheEndpoint() throws Exception {
        byte[] form = "grant_type=password&username=secret&password=secret".getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/auth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
            .build();

        HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\"");
    }

    /** A problem detail, or on the token endpoints (however spelled) an OAuth error. */
    private static void assertContentTooLarge(String path, HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        if (URLDecoder.decode(path, StandardCharsets.UTF_8).startsWith("/api/auth/")) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\""
                    + RequestBodyLimitFilter.DETAIL + "\"}");
        }
        else {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":413");
        }
    }

    private HttpResponse<String> post(String path, BodyPublisher body) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + this.port + path);
        assertThat(uri.getRawPath()).as("sent as written").isEqualTo(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(body)
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON object just over the limit, which every endpoint would otherwise read. */
    private static byte[] oversizedJson() {
        char[] filler = new char[RequestBodyLimitFilter.MAX_BODY_BYTES];
        Arrays.fill(filler, 'x');
        return ("{\"refresh_token\":\"" + new String(filler) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

}
