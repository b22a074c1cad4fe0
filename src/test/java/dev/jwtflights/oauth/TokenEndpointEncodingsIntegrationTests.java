package dev.jwtflights.oauth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.tokens.TokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoints as OAuth 2.0 clients call them: every grant and every refusal, with a form
 * ({@code application/x-www-form-urlencoded}, as RFC 6749 and RFC 7009 define) and with JSON alike.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class TokenEndpointEncodingsIntegrationTests {

    enum Encoding {

        FORM, JSON

    }

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JsonMapper json;

    @Autowired
    private TokenService tokenService;

    @Autowired
    private MutableClock clock;

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenPasswordGrantThenTokens(Encoding encoding) {
        MvcTestResult result = post("/api/auth/token", encoding, "grant_type", "password", "username", "secret",
                "password", "secret");

        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(result).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
        Map<String, Object> tokens = body(result);
        assertThat(tokens).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token");
        assertThat(this.tokenService.verify((String) tokens.get("access_token")).username()).isEqualTo("secret");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenRefreshGrantThenNewTokensOfTheSameSession(Encoding encoding) {
        Map<String, Object> first = signIn(encoding);

        MvcTestResult result = post("/api/auth/token", encoding, "grant_type", "refresh_token", "refresh_token",
                (String) first.get("refresh_token"));

        assertThat(result).hasStatusOk();
        Map<String, Object> second = body(result);
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat(sessionOf(second)).isEqualTo(sessionOf(first));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenRefreshGrantReplayedAfterGraceThenInvalidGrantAndSessionEnded(Encoding encoding) {
        String used = (String) signIn(encoding).get("refresh_token");
        MvcTestResult rotated = post("/api/auth/token", encoding, "grant_type", "refresh_token", "refresh_token", used);
        assertThat(rotated).hasStatusOk();
        this.clock.advance(Duration.ofSeconds(11));

        assertThat(post("/api/auth/token", encoding, "grant_type", "refresh_token", "refresh_token", used))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
        assertError(post("/api/auth/token", encoding, "grant_type", "refresh_token", "refresh_token",
                (String) body(rotated).get("refresh_token")), HttpStatus.BAD_REQUEST, "invalid_grant");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenUsernameHasSpacesAroundThenTrimmedAsOnTheLoginPage(Encoding encoding) {
        MvcTestResult result = post("/api/auth/token", encoding, "grant_type", "password", "username", " secret\t",
                "password", "secret");

        assertThat(result).hasStatusOk();
        assertThat(this.tokenService.verify((String) body(result).get("access_token")).username()).isEqualTo("secret");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenPasswordWrongThenInvalidGrant(Encoding encoding) {
        assertThat(post("/api/auth/token", encoding, "grant_type", "password", "username", "secret", "password",
                "wrong"))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .isStrictlyEqualTo("{\"error\":\"invalid_grant\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "client_credentials", "authorization_code", "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "PASSWORD" })
    void tokenWhenGrantTypeNotOursThenUnsupportedGrantType(String grantType) {
        for (Encoding encoding : Encoding.values()) {
            MvcTestResult result = post("/api/auth/token", encoding, "grant_type", grantType, "username", "secret",
                    "password", "secret");

            assertError(result, HttpStatus.BAD_REQUEST, "unsupported_grant_type");
            assertThat(body(result).get("error_description")).asString().doesNotContain(grantType);
        }
    }

    @Test
    void tokenWhenFormWithoutGrantTypeThenInvalidRequest() {
        MvcTestResult result = post("/api/auth/token", Encoding.FORM, "username", "secret", "password", "secret");

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
        assertThat(body(result)).containsEntry("error_description", "'grant_type' is required");
    }

    @Test
    void tokenWhenJsonWithoutGrantTypeThenPasswordGrantAsBefore() {
        assertThat(post("/api/auth/token", Encoding.JSON, "username", "secret", "password", "secret")).hasStatusOk();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenPasswordGrantLacksPasswordThenInvalidRequest(Encoding encoding) {
        MvcTestResult result = post("/api/auth/token", encoding, "grant_type", "password", "username", "secret");

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
        assertThat(body(result)).containsEntry("error_description", "'username' and 'password' are required");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenParameterEmptyThenCountedAsMissing(Encoding encoding) {
        assertError(post("/api/auth/token", encoding, "grant_type", "password", "username", "secret", "password", ""),
                HttpStatus.BAD_REQUEST, "invalid_request");
        assertError(post("/api/auth/token", encoding, "grant_type", "refresh_token", "refresh_token", ""),
                HttpStatus.BAD_REQUEST, "invalid_request");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenRefreshGrantLacksRefreshTokenThenInvalidRequest(Encoding encoding) {
        MvcTestResult result = post("/api/auth/token", encoding, "grant_type", "refresh_token");

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
        assertThat(body(result)).containsEntry("error_description", "'refresh_token' is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "grant_type=password&grant_type=password&username=secret&password=secret",
            "grant_type=password&username=secret&password=wrong&password=secret",
            "grant_type=password&username=secret&password=secret&client_id=a&client_id=b" })
    void tokenWhenFormParameterRepeatedThenInvalidRequest(String form) {
        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content(form)
            .exchange();

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
        assertThat(body(result).get("error_description")).asString().endsWith("must not be sent more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"username\":\"secret\",\"password\":\"wrong\",\"password\":\"secret\"}",
            "{\"grant_type\":\"password\",\"grant_type\":\"password\",\"username\":\"secret\",\"password\":\"secret\"}" })
    void tokenWhenJsonKeyRepeatedThenInvalidRequest(String json) {
        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/token")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json)
            .exchange();

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/refresh", "/api/auth/revoke" })
    void refreshAndRevokeWhenJsonKeyRepeatedThenInvalidRequestAndTheTokenUntouched(String path) {
        String refreshToken = (String) signIn(Encoding.JSON).get("refresh_token");

        MvcTestResult result = this.mvc.post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"refresh_token\":\"unknown\",\"token\":\"" + refreshToken + "\",\"refresh_token\":\""
                    + refreshToken + "\"}")
            .exchange();

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
        assertThat(post("/api/auth/refresh", Encoding.JSON, "refresh_token", refreshToken)).hasStatusOk();
    }

    @Test
    void tokenWhenUnknownFormParameterRepeatedThenNotNamed() {
        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=password&username=secret&password=secret&secret-looking=1&secret-looking=2")
            .exchange();

        assertThat(body(result)).containsEntry("error_description", "A parameter must not be sent more than once");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void tokenWhenClientIdentificationSentThenAcceptedAndIgnored(Encoding encoding) {
        String basic = "Basic " + Base64.getEncoder().encodeToString("jwt-flights-cli:".getBytes(StandardCharsets.UTF_8));

        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/token")
            .header(HttpHeaders.AUTHORIZATION, basic)
            .contentType(encoding == Encoding.FORM ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON)
            .content(content(encoding, "grant_type", "password", "username", "secret", "password", "secret",
                    "client_id", "jwt-flights-cli", "client_secret", "", "scope", "reservations openid"))
            .exchange();

        assertThat(result).hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth/token?password=secret", "/api/auth/refresh?x=1", "/api/auth/revoke?token=x" })
    void tokenEndpointsWhenQueryStringThenInvalidRequest(String uri) {
        for (Encoding encoding : Encoding.values()) {
            MvcTestResult result = this.mvc.post()
                .uri(uri)
                .contentType(encoding == Encoding.FORM ? MediaType.APPLICATION_FORM_URLENCODED
                        : MediaType.APPLICATION_JSON)
                .content(content(encoding, "grant_type", "password", "username", "secret", "password", "secret",
                        "refresh_token", "r", "token", "t"))
                .exchange();

            assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
            assertThat(body(result)).containsEntry("error_description",
                    "Send the parameters in the request body, not in the URL");
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void refreshWhenTokenValidThenNewTokens(Encoding encoding) {
        Map<String, Object> first = signIn(encoding);

        MvcTestResult result = post("/api/auth/refresh", encoding, "refresh_token", (String) first.get("refresh_token"));

        assertThat(result).hasStatusOk();
        assertThat(sessionOf(body(result))).isEqualTo(sessionOf(first));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void refreshWhenTokenMissingThenInvalidRequest(Encoding encoding) {
        assertError(post("/api/auth/refresh", encoding, "grant_type", "refresh_token"), HttpStatus.BAD_REQUEST,
                "invalid_request");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenTokenParameterThenEmptyJsonObjectAndSessionEnded(Encoding encoding) {
        String refreshToken = (String) signIn(encoding).get("refresh_token");

        MvcTestResult result = post("/api/auth/revoke", encoding, "token", refreshToken, "token_type_hint",
                "refresh_token");

        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(result).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(result).bodyJson().isStrictlyEqualTo("{}");
        assertError(post("/api/auth/refresh", encoding, "refresh_token", refreshToken), HttpStatus.BAD_REQUEST,
                "invalid_grant");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenRefreshTokenParameterAsBeforeThenSessionEnded(Encoding encoding) {
        String refreshToken = (String) signIn(encoding).get("refresh_token");

        assertThat(post("/api/auth/revoke", encoding, "refresh_token", refreshToken)).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{}");
        assertError(post("/api/auth/refresh", encoding, "refresh_token", refreshToken), HttpStatus.BAD_REQUEST,
                "invalid_grant");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenAccessTokenThenItsSessionEnded(Encoding encoding) {
        Map<String, Object> tokens = signIn(encoding);

        assertThat(post("/api/auth/revoke", encoding, "token", (String) tokens.get("access_token"),
                "token_type_hint", "access_token"))
            .hasStatusOk();

        assertError(post("/api/auth/refresh", encoding, "refresh_token", (String) tokens.get("refresh_token")),
                HttpStatus.BAD_REQUEST, "invalid_grant");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenAccessTokenExpiredThenOkButItsSessionKept(Encoding encoding) {
        Map<String, Object> tokens = signIn(encoding);
        this.clock.advance(Duration.ofMinutes(5));

        assertThat(post("/api/auth/revoke", encoding, "token", (String) tokens.get("access_token"),
                "token_type_hint", "access_token"))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{}");

        assertThat(post("/api/auth/refresh", encoding, "refresh_token", (String) tokens.get("refresh_token")))
            .hasStatusOk();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenHintIsWrongThenTokenStillFoundAndRevoked(Encoding encoding) {
        String refreshToken = (String) signIn(encoding).get("refresh_token");

        assertThat(post("/api/auth/revoke", encoding, "token", refreshToken, "token_type_hint", "access_token"))
            .hasStatusOk();

        assertError(post("/api/auth/refresh", encoding, "refresh_token", refreshToken), HttpStatus.BAD_REQUEST,
                "invalid_grant");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenTokenUnknownThenStillEmptyJsonObject(Encoding encoding) {
        assertThat(post("/api/auth/revoke", encoding, "token", "not-a-token-of-ours")).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{}");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenTokenMissingThenInvalidRequest(Encoding encoding) {
        MvcTestResult result = post("/api/auth/revoke", encoding, "token_type_hint", "refresh_token");

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
        assertThat(body(result)).containsEntry("error_description", "'token' is required");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void revokeWhenTokenAndRefreshTokenDifferThenInvalidRequestAndNothingRevoked(Encoding encoding) {
        String refreshToken = (String) signIn(encoding).get("refresh_token");

        assertError(post("/api/auth/revoke", encoding, "token", "another", "refresh_token", refreshToken),
                HttpStatus.BAD_REQUEST, "invalid_request");

        assertThat(post("/api/auth/refresh", encoding, "refresh_token", refreshToken)).hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/xml", "multipart/form-data;boundary=x",
            "application/vnd.example+json", "application/yaml" })
    void tokenEndpointsWhenContentTypeNeitherFormNorJsonThenUnsupportedMediaTypeAsOAuthError(String contentType) {
        for (String path : ApiSecurityConfiguration.TOKEN_ENDPOINTS) {
            MvcTestResult result = this.mvc.post()
                .uri(path)
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .content("username: secret")
                .exchange();

            assertError(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request");
            assertThat(MediaType.parseMediaTypes(result.getResponse().getHeaders(HttpHeaders.ACCEPT)))
                .containsExactlyInAnyOrder(MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/html", "application/xml", "application/x-www-form-urlencoded" })
    void tokenEndpointsWhenAcceptNamesNoJsonThenStillJson(String accept) {
        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/token")
            .accept(accept)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=password&username=secret&password=secret")
            .exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertError(this.mvc.post().uri("/api/auth/token").accept(accept).contentType(MediaType.TEXT_PLAIN).content("x")
            .exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request");
    }

    @Test
    void tokenWhenFormBodyMissingThenInvalidRequest() {
        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .exchange();

        assertError(result, HttpStatus.BAD_REQUEST, "invalid_request");
    }

    private Map<String, Object> signIn(Encoding encoding) {
        MvcTestResult result = post("/api/auth/token", encoding, "grant_type", "password", "username", "secret",
                "password", "secret");
        assertThat(result).hasStatusOk();
        return body(result);
    }

    private String sessionOf(Map<String, Object> tokens) {
        return this.tokenService.verify((String) tokens.get("access_token")).sessionId();
    }

    private void assertError(MvcTestResult result, HttpStatus status, String error) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_JSON);
        assertThat(result).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(body(result)).containsEntry("error", error);
    }

    /** A POST with the given parameters (name, value, name, value...), as a form or as a JSON object. */
    private MvcTestResult post(String path, Encoding encoding, String... parameters) {
        return this.mvc.post()
            .uri(path)
            .contentType(encoding == Encoding.FORM ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON)
            .content(content(encoding, parameters))
            .exchange();
    }

    private String content(Encoding encoding, String... parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        if (encoding == Encoding.JSON) {
            return this.json.writeValueAsString(values);
        }
        StringBuilder form = new StringBuilder();
        values.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
            .append(UriUtils.encode(name, StandardCharsets.UTF_8))
            .append('=')
            .append(UriUtils.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(MvcTestResult result) {
        try {
            return this.json.readValue(result.getResponse().getContentAsString(), Map.class);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
