package dev.jwtflights;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages over real HTTP (the servlet container's error dispatch, which MockMvc does not run): in the layout,
 * with the signed-in user's navigation, and without any technical detail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ ErrorPagesIntegrationTests.FailingPage.class, BearerTokens.class })
class ErrorPagesIntegrationTests {

    private static final String DETAIL = "detail-that-must-not-leak";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private BearerTokens bearerTokens;

    @Test
    void pageWhenItFailsThen500PageWithoutDetail() throws Exception {
        HttpResponse<String> response = get("/test/failing-page", "secret", Role.USER);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<title>Something went wrong &middot; jwt-flights</title>")
            .contains("Signed in as")
            .contains("a problem on our side", "Please try again in a moment.")
            .doesNotContain(DETAIL)
            .doesNotContain("IllegalStateException")
            .doesNotContain("Whitelabel")
            .doesNotContain("at dev.jwtflights");
    }

    @Test
    void pageWhenMissingThen404PageWithNavigation() throws Exception {
        HttpResponse<String> response = get("/no-such-page", "secret", Role.USER);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<title>Page not found &middot; jwt-flights</title>")
            .contains("Signed in as")
            .contains("secret")
            .doesNotContain("Whitelabel")
            .doesNotContain("aria-current");
    }

    @Test
    void deleteWhenIdIsNotANumberThen400PageThatDoesNotAskToTryAgain() {
        CookieJarClient admin = new CookieJarClient(this.port);
        admin.logIn("admin", "admin");
        Page flights = admin.get("/flights");
        assertThat(flights.status()).isEqualTo(200);

        Page response = admin.post("/flights/not-a-number/delete", Map.of("_csrf", flights.csrfToken()), "Accept",
                "text/html");

        assertThat(response.status()).isEqualTo(400);
        assertClientErrorPage(response.body());
    }

    @Test
    void pageWhenMethodNotAllowedThenTheHtml4xxPageNotAProblem() throws Exception {
        HttpResponse<String> response = get("/flights/1/delete", "admin", Role.ADMIN);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertClientErrorPage(response.body());
        assertThat(response.body()).doesNotContain("\"status\"");
    }

    @Test
    void formPostWhenMethodNotAllowedThenErrorPageNotProblem() {
        CookieJarClient browser = new CookieJarClient(this.port);
        browser.logIn("secret", "secret");
        Page flights = browser.get("/flights", "Accept", "text/html");

        Page answer = browser.post("/flights", Map.of("_csrf", flights.csrfToken()), "Accept", "text/html");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
        assertClientErrorPage(answer.body());
        assertThat(answer.body()).doesNotContain("\"status\"");
    }

    @Test
    void consoleWhenNotAdminThen403Page() throws Exception {
        HttpResponse<String> response = get("/h2-console/", "secret", Role.USER);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<title>Access denied &middot; jwt-flights</title>")
            .contains("Signed in as");
    }

    @Test
    void pageWhenMissingAndSignedOutThenLoginFirst() throws Exception {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(uri("/no-such-page")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(location)
            .endsWith("/login"));
    }

    private static void assertClientErrorPage(String body) {
        assertThat(body).contains("<title>Request not accepted &middot; jwt-flights</title>")
            .contains("Signed in as")
            .contains("Sending it again unchanged will not help.")
            .doesNotContain("try again in a moment")
            .doesNotContain("Something went wrong")
            .doesNotContain("Exception")
            .doesNotContain("Whitelabel")
            .doesNotContain("not-a-number");
    }

    private HttpResponse<String> get(String path, String username, Role role)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header("Cookie", "accessToken=" + this.bearerTokens.forUser(username, role))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    /** A page that fails, as a bug would. */
    @TestConfiguration(proxyBeanMethods = false)
    @Controller
    static class FailingPage {

        @GetMapping("/test/failing-page")
        String fail() {
            throw new IllegalStateException(DETAIL);
        }

    }

}
