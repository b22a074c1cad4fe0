package dev.jwtflights.test;

import java.util.Map;

import dev.jwtflights.test.CookieJarClient.Page;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API client over real HTTP, as curl or an SDK would be: signs in at the token endpoint, renews, revokes, and calls
 * {@code GET /reservation} with its bearer token.
 */
public final class ApiClient {

    private final JsonMapper json = JsonMapper.builder().build();

    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    /** Signs in with the password grant; the answer must be tokens. */
    public ApiSession logIn(String username, String password) {
        return session(post("/api/auth/token",
                Map.of("grant_type", "password", "username", username, "password", password)));
    }

    /** Renews with a refresh token; the answer must be tokens. */
    public ApiSession renew(String refreshToken) {
        return session(post("/api/auth/refresh", Map.of("refresh_token", refreshToken)));
    }

    public Page post(String path, Map<String, String> form) {
        return new CookieJarClient(this.port).post(path, form);
    }

    public Page reservations(String accessToken) {
        return new CookieJarClient(this.port).get("/reservation", "Authorization", "Bearer " + accessToken);
    }

    private ApiSession session(Page answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<?, ?> tokens = this.json.readValue(answer.body(), Map.class);
        String accessToken = (String) tokens.get("access_token");
        return new ApiSession(accessToken, (String) tokens.get("refresh_token"),
                (String) TestJwts.decodePart(accessToken, 1).get("sid"));
    }

    /** The tokens of one session, and its id (the access token's {@code sid}). */
    public record ApiSession(String accessToken, String refreshToken, String sessionId) {
    }

}
