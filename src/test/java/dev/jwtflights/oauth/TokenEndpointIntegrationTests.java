package dev.jwtflights.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.Sha256;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON token endpoints, against the real refresh rules, users and database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, BearerTokens.class })
class TokenEndpointIntegrationTests {

    private static final String INVALID_GRANT = "{\"error\":\"invalid_grant\"}";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JsonMapper json;

    @Autowired
    private TokenService tokenService;

    @Autowired
    private MutableClock clock;

    @Autowired
    private BearerTokens bearerTokens;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void tokenWhenCredentialsValidThenAccessAndRefreshTokens() {
        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"secret\"}");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).headers().hasSingleValue(HttpHeaders.CACHE_CONTROL, "no-store")
            .hasSingleValue(HttpHeaders.PRAGMA, "no-cache")
            .doesNotContainHeader(HttpHeaders.SET_COOKIE);
        Map<String, Object> body = body(result);
        assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token")
            .containsEntry("token_type", "Bearer")
            .containsEntry("expires_in", 60);
        AccessToken access = this.tokenService.verify((String) body.get("access_token"));
        assertThat(access.username()).isEqualTo("secret");
        assertThat(access.roles()).containsExactly("USER");
        assertThat(this.jdbc.queryForObject("SELECT family_id FROM refresh_token WHERE token_hash = ?", String.class,
                Sha256.hex((String) body.get("refresh_token")))).isEqualTo(access.sessionId());
    }

    @Test
    void tokenWhenAdminThenAccessTokenCarriesAdminRole() {
        Map<String, Object> body = body(post("/api/auth/token", "{\"username\":\"admin\",\"password\":\"admin\"}"));

        assertThat(this.tokenService.verify((String) body.get("access_token")).roles()).containsExactly("ADMIN");
    }

    @Test
    void tokenWhenAccessTokenUsedThenReservationsListed() {
        String access = (String) login("secret", "secret").get("access_token");

        assertThat(this.mvc.get().uri("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + access))
            .hasStatusOk();
    }

    @Test
    void tokenWhenPasswordWrongThenInvalidGrant() {
        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":\"wrong\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
        assertThat(result).headers().hasSingleValue(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void tokenWhenUserUnknownThenSameInvalidGrant() {
        MvcTestResult result = post("/api/auth/token", "{\"username\":\"nobody\",\"password\":\"secret\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void tokenWhenUserDisabledThenSameInvalidGrant() {
        String username = newUser("pw-of-a-disabled-user", false);

        MvcTestResult result = post("/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"pw-of-a-disabled-user\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void tokenWhenPasswordLongerThanBcryptAllowsThenInvalidGrant() {
        MvcTestResult result = post("/api/auth/token",
                "{\"username\":\"secret\",\"password\":\"" + "x".repeat(200) + "\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void tokenWhenJsonMalformedThenInvalidRequest() {
        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request").containsKey("error_description");
        assertThat(result).headers().hasSingleValue(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void tokenWhenBodyMissingThenInvalidRequest() {
        MvcTestResult result = this.mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request");
    }

    @Test
    void tokenWhenPasswordMissingThenInvalidRequest() {
        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request")
            .containsEntry("error_description", "'username' and 'password' are required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "42", "4.2", "true", "{}", "[\"secret\"]" })
    void tokenWhenPasswordNotStringThenInvalidRequest(String password) {
        MvcTestResult result = post("/api/auth/token", "{\"username\":\"secret\",\"password\":" + password + "}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request")
            .containsEntry("error_description", "'password' must be a string");
    }

    @Test
    void resourceMetadataWhenAskedByAnyoneThenTheApiAtTheIssuerAndItsBearerMethod() {
        MvcTestResult result = this.mvc.get()
            .uri("/.well-known/oauth-protected-resource")
            .header(HttpHeaders.HOST, "evil.example")
            .exchange();

        assertThat(result).hasStatusOk();
        Map<String, Object> metadata = body(result);
        assertThat(metadata).containsEntry("resource", "http://localhost:8080")
            .containsEntry("authorization_servers", List.of("http://localhost:8080"))
            .containsEntry("resource_name", "jwt-flights API")
            .containsEntry("bearer_methods_supported", List.of("header"))
            .containsEntry("tls_client_certificate_bound_access_tokens", false);
    }

    @Test
    void authorizationServerMetadataWhenAskedByAnyoneThenEndpointsAtTheIssuer() {
        MvcTestResult result = this.mvc.get()
            .uri("/.well-known/oauth-authorization-server")
            .header(HttpHeaders.HOST, "evil.example")
            .exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(body(result)).containsOnly(Map.entry("issuer", "http://localhost:8080"),
                Map.entry("token_endpoint", "http://localhost:8080/api/auth/token"),
                Map.entry("revocation_endpoint", "http://localhost:8080/api/auth/revoke"),
                Map.entry("grant_types_supported", List.of("password", "refresh_token")),
                Map.entry("token_endpoint_auth_methods_supported", List.of("none")),
                Map.entry("revocation_endpoint_auth_methods_supported", List.of("none")),
                Map.entry("response_types_supported", List.of()),
                Map.entry("service_documentation", "http://localhost:8080/swagger-ui.html"));
    }

    @Test
    void reservationsWhenHostForgedThenChallengeStillNamesTheIssuer() {
        MvcTestResult result = this.mvc.get().uri("/reservation").header(HttpHeaders.HOST, "evil.example").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING);
    }

    @Test
    void tokenWhenStaleBearerHeaderSentThenIgnored() {
        String expired = this.bearerTokens.header(Role.USER);
        this.clock.advance(Duration.ofMinutes(2));

        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/token")
            .header(HttpHeaders.AUTHORIZATION, expired)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\":\"secret\",\"password\":\"secret\"}")
            .exchange();

        assertThat(result).hasStatusOk();
    }

    @Test
    void refreshWhenTokenValidThenNewTokensOfTheSameSession() {
        Map<String, Object> first = login("secret", "secret");

        MvcTestResult result = refresh((String) first.get("refresh_token"));

        assertThat(result).hasStatusOk();
        assertThat(result).headers().hasSingleValue(HttpHeaders.CACHE_CONTROL, "no-store")
            .doesNotContainHeader(HttpHeaders.SET_COOKIE);
        Map<String, Object> second = body(result);
        assertThat(second).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token")
            .containsEntry("token_type", "Bearer");
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat(this.tokenService.verify((String) second.get("access_token")).sessionId())
            .isEqualTo(this.tokenService.verify((String) first.get("access_token")).sessionId());
    }

    @Test
    void refreshWhenTokenForgedThenInvalidGrant() {
        assertThat(refresh("A".repeat(43))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
        assertThat(refresh("not a token")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void refreshWhenTokenExpiredThenInvalidGrant() {
        String refreshToken = (String) login("secret", "secret").get("refresh_token");
        this.clock.advance(Duration.ofDays(7).plusSeconds(1));

        assertThat(refresh(refreshToken)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void refreshWhenSessionRevokedByAdminSqlThenInvalidGrant() {
        String username = newUser("pw-of-a-revoked-user", true);
        String refreshToken = (String) login(username, "pw-of-a-revoked-user").get("refresh_token");

        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = ?", username);

        assertThat(refresh(refreshToken)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void refreshWhenTokenReplayedThenInvalidGrantAndSessionRevoked() {
        String first = (String) login("secret", "secret").get("refresh_token");
        String second = (String) body(refresh(first)).get("refresh_token");
        this.clock.advance(Duration.ofSeconds(11));

        assertThat(refresh(first)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
        assertThat(refresh(second)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void refreshWhenTokenReplayedWithinGraceThenRotatedAgain() {
        String first = (String) login("secret", "secret").get("refresh_token");
        String second = (String) body(refresh(first)).get("refresh_token");
        this.clock.advance(Duration.ofSeconds(5));

        MvcTestResult again = refresh(first);

        assertThat(again).hasStatusOk();
        assertThat(refresh(second)).hasStatusOk();
        assertThat(refresh((String) body(again).get("refresh_token"))).hasStatusOk();
    }

    @Test
    void refreshWhenUserDisabledThenInvalidGrant() {
        String username = newUser("pw-of-a-user-disabled-later", true);
        String refreshToken = (String) login(username, "pw-of-a-user-disabled-later").get("refresh_token");
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", username);

        assertThat(refresh(refreshToken)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void refreshWhenTokenMissingThenInvalidRequest() {
        MvcTestResult result = post("/api/auth/refresh", "{}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request")
            .containsEntry("error_description", "'refresh_token' is required");
    }

    @Test
    void refreshWhenTokenNotStringThenInvalidRequest() {
        MvcTestResult result = post("/api/auth/refresh", "{\"refresh_token\":12345}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request")
            .containsEntry("error_description", "'refresh_token' must be a string");
    }

    @Test
    void revokeWhenTokenKnownThenWholeSessionRevoked() {
        String first = (String) login("secret", "secret").get("refresh_token");
        String second = (String) body(refresh(first)).get("refresh_token");

        MvcTestResult result = revoke(first);

        assertThat(result).hasStatusOk();
        assertThat(result).headers().hasSingleValue(HttpHeaders.CACHE_CONTROL, "no-store")
            .doesNotContainHeader(HttpHeaders.SET_COOKIE);
        assertThat(refresh(second)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isStrictlyEqualTo(INVALID_GRANT);
    }

    @Test
    void revokeWhenRepeatedThenStillOk() {
        String refreshToken = (String) login("secret", "secret").get("refresh_token");

        assertThat(revoke(refreshToken)).hasStatusOk();
        assertThat(revoke(refreshToken)).hasStatusOk();
        assertThat(refresh(refreshToken)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void revokeWhenTokenUnknownThenOk() {
        assertThat(revoke("B".repeat(43))).hasStatusOk();
        assertThat(revoke("garbage")).hasStatusOk();
    }

    @Test
    void revokeWhenTokenMissingThenInvalidRequest() {
        MvcTestResult result = post("/api/auth/revoke", "[]");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request");
    }

    @Test
    void tokenEndpointsWhenCookiesSentThenNotRead() {
        String refreshToken = (String) login("secret", "secret").get("refresh_token");

        MvcTestResult result = this.mvc.post()
            .uri("/api/auth/refresh")
            .cookie(new jakarta.servlet.http.Cookie("refreshToken", refreshToken))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(result)).containsEntry("error", "invalid_request");
        assertThat(refresh(refreshToken)).hasStatusOk();
    }

    private Map<String, Object> login(String username, String password) {
        MvcTestResult result = post("/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(result).hasStatusOk();
        return body(result);
    }

    private MvcTestResult refresh(String refreshToken) {
        return post("/api/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private MvcTestResult revoke(String refreshToken) {
        return post("/api/auth/revoke", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private MvcTestResult post(String path, String content) {
        return this.mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(content).exchange();
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

    private String newUser(String password, boolean enabled) {
        String username = "user-" + UUID.randomUUID();
        this.jdbc.update("INSERT INTO app_user (username, password_hash, role, enabled) VALUES (?, ?, 'USER', ?)",
                username, this.passwordEncoder.encode(password), enabled);
        return username;
    }

}
