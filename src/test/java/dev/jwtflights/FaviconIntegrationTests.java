package dev.jwtflights;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers ask for {@code /favicon.ico} on pages without our layout (the H2 console's, for one): it is there, for
 * anyone, and is the icon the layout links as {@code /favicon.svg}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FaviconIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void faviconIcoWhenSignedOutThenServedAsAnIcon() throws Exception {
        HttpResponse<byte[]> response = get("/favicon.ico");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
            .isIn("image/vnd.microsoft.icon", "image/x-icon"));
        assertThat(response.body()).isEqualTo(resource("static/favicon.ico"));
        // An ICO file: reserved 0, type 1 (icon), at least one image.
        assertThat(response.body()).startsWith(new byte[] { 0, 0, 1, 0 }).hasSizeGreaterThan(6);
        assertThat(response.body()[4]).isPositive();
    }

    @Test
    void faviconSvgWhenSignedOutThenServed() throws Exception {
        HttpResponse<byte[]> response = get("/favicon.svg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
            .startsWith("image/svg+xml"));
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FaviconIntegrationTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

}
