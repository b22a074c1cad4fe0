package dev.jwtflights;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API does what its OpenAPI document says, checked from outside: for every documented operation, real requests,
 * allowed and refused, are sent to the running application, and every answer is checked against the document the
 * application serves: its status is documented for the operation, with the answer's content type (or no body), the
 * body matches the documented JSON Schema (networknt's validator, OpenAPI 3.1 dialect) and the documented headers
 * are there. Every allowed request also matches the documented request body. Finally, every status each operation
 * documents was seen at least once, so that the document claims nothing the API never answers (500 aside: a fault
 * of ours).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(BearerTokens.class)
class ApiContractIntegrationTests {

    private static final String JSON = "application/json";

    private static final String FORM = "application/x-www-form-urlencoded";

    private static final String RESERVATION = "{\"name\":\"Grace Hopper\",\"startLocation\":\"New York\","
            + "\"endLocation\":\"Arlington\"}";

    private static final String OVERSIZED = "{\"name\":\"" + "x".repeat(17 * 1024) + "\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private BearerTokens bearerTokens;

    @Autowired
    private JsonMapper json;

    @Autowired
    private JdbcTemplate jdbc;

    @Value("${app.throttle.failures-per-username:5}")
    private int failuresPerUsername;

    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());

    private JsonNode document;

    /** Operation ("POST /reservation") to the statuses seen. */
    private final Map<String, Set<String>> seen = new TreeMap<>();

    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void readTheDocument() throws Exception {
        String served = send(HttpRequest.newBuilder(uri("/v3/api-docs")).build()).body();
        this.document = this.json.readTree(served);
        assertThat(this.document.path("openapi").asString()).startsWith("3.1");
        // For the linter (Spectral) that CI runs on the document after the build.
        Files.writeString(Path.of("target", "openapi.json"), served);
    }

    @Test
    void everyOperationWhenCalledAllowedAndRefusedThenAnswersAsDocumented() throws Exception {
        String admin = this.bearerTokens.header(Role.ADMIN);
        String user = this.bearerTokens.header(Role.USER);

        String tokens = call(true, "POST", "/api/auth/token", "/api/auth/token", JSON,
                "{\"username\":\"admin\",\"password\":\"admin\"}").body();
        call(true, "POST", "/api/auth/token", "/api/auth/token", FORM,
                "grant_type=password&username=secret&password=secret");
        call(false, "POST", "/api/auth/token", "/api/auth/token", FORM, "grant_type=password&username=secret");
        call(false, "POST", "/api/auth/token", "/api/auth/token", JSON, "{\"username\":\"secret\",\"password\":\"x\"}");
        call(false, "POST", "/api/auth/token", "/api/auth/token", FORM, "grant_type=client_credentials");
        call(false, "POST", "/api/auth/token", "/api/auth/token", "text/plain", "username=secret");
        call(false, "POST", "/api/auth/token", "/api/auth/token", JSON, OVERSIZED);
        // Failed sign-ins of one username, until the login throttle refuses the next one unchecked.
        String guessed = TestUsers.create(this.jdbc, "USER");
        for (int i = 0; i < this.failuresPerUsername; i++) {
            call(false, "POST", "/api/auth/token", "/api/auth/token", FORM,
                    "grant_type=password&username=" + guessed + "&password=wrong");
        }
        HttpResponse<String> throttled = call(false, "POST", "/api/auth/token", "/api/auth/token", JSON,
                "{\"username\":\"" + guessed + "\",\"password\":\"" + TestUsers.passwordOf(guessed) + "\"}");
        assertThat(throttled.statusCode()).isEqualTo(429);

        String refreshed = call(true, "POST", "/api/auth/refresh", "/api/auth/refresh", JSON,
                "{\"refresh_token\":\"" + refreshToken(tokens) + "\"}").body();
        String refreshedAgain = call(true, "POST", "/api/auth/token", "/api/auth/token", FORM,
                "grant_type=refresh_token&refresh_token=" + refreshToken(refreshed)).body();
        String last = call(true, "POST", "/api/auth/refresh", "/api/auth/refresh", FORM,
                "refresh_token=" + refreshToken(refreshedAgain)).body();
        call(false, "POST", "/api/auth/refresh", "/api/auth/refresh", JSON, "{\"refresh_token\":\"unknown\"}");
        call(false, "POST", "/api/auth/refresh", "/api/auth/refresh", FORM, "");
        call(false, "POST", "/api/auth/refresh", "/api/auth/refresh", "application/xml", "<refresh_token/>");
        call(false, "POST", "/api/auth/refresh", "/api/auth/refresh", JSON, OVERSIZED);

        call(true, "POST", "/api/auth/revoke", "/api/auth/revoke", FORM,
                "token=" + refreshToken(last) + "&token_type_hint=refresh_token");
        call(true, "POST", "/api/auth/revoke", "/api/auth/revoke", JSON, "{\"token\":\"unknown\"}");
        call(false, "POST", "/api/auth/revoke", "/api/auth/revoke", JSON, "{}");
        call(false, "POST", "/api/auth/revoke", "/api/auth/revoke", "text/plain", "token=x");
        call(false, "POST", "/api/auth/revoke", "/api/auth/revoke", JSON, OVERSIZED);

        call(true, "GET", "/reservation", "/reservation", null, null, "Authorization", user);
        call(false, "GET", "/reservation", "/reservation", null, null);
        call(false, "GET", "/reservation", "/reservation", null, null, "Authorization", "Bearer not.a.token");
        call(false, "GET", "/reservation", "/reservation", null, null, "Authorization", user, "Accept",
                "application/yaml");

        HttpResponse<String> created = call(true, "POST", "/reservation", "/reservation", JSON, RESERVATION,
                "Authorization", admin);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        call(false, "POST", "/reservation", "/reservation", JSON, "{\"name\":\"\"}", "Authorization", admin);
        call(false, "POST", "/reservation", "/reservation", JSON, "{\"name\":", "Authorization", admin);
        call(false, "POST", "/reservation", "/reservation", JSON, RESERVATION, "Authorization", user);
        call(false, "POST", "/reservation", "/reservation", JSON, RESERVATION);
        call(false, "POST", "/reservation", "/reservation", "application/yaml", "name: x", "Authorization", admin);
        call(false, "POST", "/reservation", "/reservation", "application/vnd.example+json", RESERVATION,
                "Authorization", admin);
        call(false, "POST", "/reservation", "/reservation", JSON, OVERSIZED, "Authorization", admin);
        call(false, "POST", "/reservation", "/reservation", JSON, RESERVATION, "Authorization", admin, "Accept",
                "application/xml");

        call(true, "GET", "/reservation/{id}", "/reservation/" + id, null, null, "Authorization", user);
        call(false, "GET", "/reservation/{id}", "/reservation/999999", null, null, "Authorization", user);
        call(false, "GET", "/reservation/{id}", "/reservation/abc", null, null, "Authorization", user);
        call(false, "GET", "/reservation/{id}", "/reservation/" + id, null, null);
        call(false, "GET", "/reservation/{id}", "/reservation/" + id, null, null, "Authorization", user, "Accept",
                "text/html");

        call(true, "PUT", "/reservation/{id}", "/reservation/" + id, JSON, RESERVATION, "Authorization", admin);
        call(false, "PUT", "/reservation/{id}", "/reservation/" + id, JSON, "{}", "Authorization", admin);
        call(false, "PUT", "/reservation/{id}", "/reservation/abc", JSON, RESERVATION, "Authorization", admin);
        call(false, "PUT", "/reservation/{id}", "/reservation/999999", JSON, RESERVATION, "Authorization", admin);
        call(false, "PUT", "/reservation/{id}", "/reservation/" + id, JSON, RESERVATION, "Authorization", user);
        call(false, "PUT", "/reservation/{id}", "/reservation/" + id, JSON, RESERVATION);
        call(false, "PUT", "/reservation/{id}", "/reservation/" + id, "text/plain", "x", "Authorization", admin);
        call(false, "PUT", "/reservation/{id}", "/reservation/" + id, JSON, OVERSIZED, "Authorization", admin);
        call(false, "PUT", "/reservation/{id}", "/reservation/" + id, JSON, RESERVATION, "Authorization", admin,
                "Accept", "text/csv");

        call(false, "DELETE", "/reservation/{id}", "/reservation/" + id, null, null, "Authorization", user);
        call(false, "DELETE", "/reservation/{id}", "/reservation/" + id, null, null);
        call(false, "DELETE", "/reservation/{id}", "/reservation/abc", null, null, "Authorization", admin);
        call(false, "DELETE", "/reservation/{id}", "/reservation/" + id, null, null, "Authorization", admin,
                "Accept", "application/xml");
        call(true, "DELETE", "/reservation/{id}", "/reservation/" + id, null, null, "Authorization", admin);
        call(false, "DELETE", "/reservation/{id}", "/reservation/" + id, null, null, "Authorization", admin);

        assertThat(this.violations).isEmpty();
        assertThat(this.seen).isEqualTo(documentedStatusesButServerErrors());
    }

    /** Sends the request, checks the answer (and, if it is to be allowed, the request) against the document. */
    private HttpResponse<String> call(boolean allowed, String method, String template, String path,
            String contentType, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
                    : HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = send(request.build());

        String operationName = method + " " + template;
        String exchange = operationName + " (" + path + ", " + contentType + ", "
                + String.join(" ", headers).replaceAll("Bearer \\S+", "Bearer ...") + ") -> " + response.statusCode();
        assertThat(response.statusCode() < 300).as(exchange).isEqualTo(allowed);
        this.seen.computeIfAbsent(operationName, (key) -> new TreeSet<>()).add(String.valueOf(response.statusCode()));
        JsonNode operation = this.document.path("paths").path(template).path(method.toLowerCase());
        assertThat(operation.isObject()).as("documented: " + operationName).isTrue();
        checkAnswer(exchange, operation, response);
        if (allowed && body != null) {
            checkRequest(exchange, operation, contentType, body);
        }
        return response;
    }

    private void checkAnswer(String exchange, JsonNode operation, HttpResponse<String> response) {
        JsonNode documented = operation.path("responses").path(String.valueOf(response.statusCode()));
        if (!documented.isObject()) {
            this.violations.add(exchange + ": status not documented");
            return;
        }
        documented.path("headers").propertyNames().forEach((header) -> {
            if (response.headers().firstValue(header).isEmpty()) {
                this.violations.add(exchange + ": documented header " + header + " missing");
            }
        });
        if (response.body().isEmpty()) {
            if (!documented.path("content").isEmpty()) {
                this.violations.add(exchange + ": no body, but one is documented");
            }
            return;
        }
        String contentType = response.headers().firstValue("Content-Type").map(ApiContractIntegrationTests::essence)
            .orElse("(none)");
        check(exchange + " answer", documented.path("content").path(contentType), this.json.readTree(response.body()));
    }

    private void checkRequest(String exchange, JsonNode operation, String contentType, String body) {
        JsonNode instance;
        if (FORM.equals(contentType)) {
            ObjectNode form = this.json.createObjectNode();
            MultiValueMap<String, String> parameters = UriComponentsBuilder.newInstance().query(body).build()
                .getQueryParams();
            parameters.forEach((name, values) -> form.put(name, values.get(0)));
            instance = form;
        }
        else {
            instance = this.json.readTree(body);
        }
        check(exchange + " request", operation.path("requestBody").path("content").path(essence(contentType)),
                instance);
    }

    /** The instance matches the schema of the documented media type, which must exist. */
    private void check(String what, JsonNode mediaType, JsonNode instance) {
        if (!mediaType.isObject()) {
            this.violations.add(what + ": content type not documented");
            return;
        }
        ObjectNode schema = ((ObjectNode) mediaType.path("schema")).deepCopy();
        // Lets the document's own references (#/components/schemas/...) resolve inside the copy.
        schema.set("components", this.document.path("components"));
        List<Error> errors = this.schemas.getSchema(schema).validate(instance);
        errors.forEach((error) -> this.violations.add(what + ": " + error));
    }

    private static String essence(String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        return type.getType() + "/" + type.getSubtype();
    }

    private Map<String, Set<String>> documentedStatusesButServerErrors() {
        Map<String, Set<String>> documented = new TreeMap<>();
        this.document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
            Set<String> statuses = new TreeSet<>(method.getValue().path("responses").propertyNames());
            // Faults of ours and outages (the database down: see DatabaseOutagePostgresIntegrationTests).
            statuses.removeAll(Set.of("500", "503"));
            documented.put(method.getKey().toUpperCase() + " " + path.getKey(), statuses);
        }));
        return documented;
    }

    private static String refreshToken(String tokenResponse) {
        Matcher matcher = Pattern.compile("\"refresh_token\":\"([^\"]+)\"").matcher(tokenResponse);
        assertThat(matcher.find()).as(tokenResponse).isTrue();
        return matcher.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
