package dev.jwtflights.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/auth/refresh} and {@code POST /api/auth/revoke}: a refresh token.
 */
@Schema(description = "A refresh token, as returned by /api/auth/token or /api/auth/refresh",
        requiredProperties = "refresh_token")
record RefreshTokenRequest(@JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[refresh_token=(hidden)]";
    }

}
