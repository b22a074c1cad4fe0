package dev.jwtflights;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static files are served at the paths the pages link: the stylesheets and scripts from {@code static/}, and
 * Bootstrap from its WebJar at the versioned path that the page's link carries. (The favicons have a test of their
 * own.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticResourcesIntegrationTests {

    private static final Pattern BOOTSTRAP_LINK = Pattern
        .compile("href=\"(/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap\\.min\\.css)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void loginPageLinksBootstrapWithItsVersionAndThatPathServesIt() throws Exception {
        Matcher link = BOOTSTRAP_LINK.matcher(get("/login").body());
        assertThat(link.find()).as("the login page links Bootstrap with its version").isTrue();

        HttpResponse<String> css = get(link.group(1));

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains("Bootstrap");
    }

    @Test
    void ourStylesheetAndScriptsWhenSignedOutThenServed() throws Exception {
        for (String path : new String[] { "/css/app.css", "/js/passkeys.js", "/js/session-panel.js" }) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isNotBlank();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
