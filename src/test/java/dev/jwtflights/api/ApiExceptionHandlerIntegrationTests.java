package dev.jwtflights.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API errors over real HTTP (the servlet container's error dispatch included, which MockMvc does not run): whatever
 * goes wrong under {@code /api/**} and {@code /reservation/**}, also before any controller was chosen, the answer is
 * an RFC 9457 problem ({@code application/problem+json}), never Boot's default error body and never a 500 for a
 * client's mistake.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(BearerTokens.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String VALID_TOKEN_REQUEST = "{\"username\":\"secret\",\"password\":\"secret\"}";

    private static final String VALID_RESERVATION = "{\"name\":\"Grace Hopper\",\"startLocation\":\"New York\","
            + "\"endLocation\":\"Arlington\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private BearerTokens bearerTokens;

    @Autowired
    private JsonMapper json;

    static Stream<Arguments> bodyEndpointsAndContentTypes() {
        return Stream.of("*/*", "text/*", "application/*", "foo")
            .flatMap((contentType) -> Stream.of(Arguments.of("POST", "/api/auth/token", contentType),
                    Arguments.of("POST", "/reservation", contentType),
                    Arguments.of("PUT", "/reservation/1", contentType)));
    }

    @ParameterizedTest(name = "{0} {1} with Content-Type {2}")
    @MethodSource("bodyEndpointsAndContentTypes")
    void writeWhenContentTypeWildcardOrUnparseableThenUnsupportedMediaType(String method, String path,
            String contentType, CapturedOutput output) throws Exception {
        String body = path.startsWith("/api/") ? VALID_TOKEN_REQUEST : VALID_RESERVATION;
        HttpRequest request = request(path).header("Authorization", admin())
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();

        HttpResponse<String> response = send(request);

        if (path.startsWith("/api/auth/")) {
            assertOAuthError(response, 415);
        }
        else {
            assertProblem(response, 415);
            assertThat(response.headers().allValues("Accept")).containsExactly("application/json");
        }
        assertThat(output).doesNotContain("Unexpected error").doesNotContain("IllegalArgumentException")
            .doesNotContain("InvalidMediaTypeException");
    }

    @Test
    void requestWhenMethodNotAllowedThenProblem() throws Exception {
        HttpRequest request = request("/reservation/1").header("Authorization", admin())
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(VALID_RESERVATION))
            .build();

        HttpResponse<String> response = send(request);

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                (allow) -> assertThat(allow).contains("GET", "PUT", "DELETE").doesNotContain("PATCH"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "grant_type=password&username=secret&password=100%", "username=%zz", "a=%e9%" })
    void tokenEndpointWhenFormEncodingBrokenThenOAuthErrorAndNoErrorLogged(String form, CapturedOutput output)
            throws Exception {
        HttpResponse<String> response = send(request("/api/auth/token").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());

        assertOAuthError(response, 400);
        assertThat(output).doesNotContain("ERROR").doesNotContain("Unexpected error");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/token", "/api/auth/refresh", "/api/auth/revoke" })
    void tokenEndpointWhenMethodNotAllowedThenOAuthError(String path) throws Exception {
        HttpResponse<String> response = send(request(path).GET().build());

        assertOAuthError(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/xml", "text/html", "text/csv" })
    void requestWhenNoAcceptableRepresentationThenProblem(String accept) throws Exception {
        HttpResponse<String> response = send(request("/reservation").header("Authorization", user())
            .header("Accept", accept)
            .GET()
            .build());

        assertProblem(response, 406);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/reservation/1/x", "/reservation/1/", "/api/no-such-endpoint", "/api/auth/token/x" })
    void requestWhenNoSuchApiPathThenProblem(String path) throws Exception {
        HttpResponse<String> response = send(request(path).header("Authorization", user()).GET().build());

        assertProblem(response, 404);
    }

    @Test
    void requestWhenNoSuchApiPathAndBrowserAcceptThenStillProblem() throws Exception {
        HttpResponse<String> response = send(request("/reservation/1/x").header("Authorization", user())
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET()
            .build());

        assertProblem(response, 404);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = this.json.readValue(response.body(), Map.class);
        assertThat(problem).containsEntry("status", status).containsKey("title").doesNotContainKeys("timestamp",
                "error", "trace", "exception", "path");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.jwtflights");
    }

    /** The token endpoints' errors: what OAuth 2.0 clients read (RFC 6749 section 5.2), never problem details. */
    private void assertOAuthError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = this.json.readValue(response.body(), Map.class);
        assertThat(error).containsEntry("error", "invalid_request").containsOnlyKeys("error", "error_description");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.jwtflights");
    }

    private String admin() {
        return this.bearerTokens.header(Role.ADMIN);
    }

    private String user() {
        return this.bearerTokens.header(Role.USER);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
