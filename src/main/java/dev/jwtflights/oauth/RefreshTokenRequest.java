package dev.jwtflights.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/auth/refresh}: a refresh token, as a form or as JSON ({@code grant_type}, if sent, is ignored: this
 * endpoint has one grant). {@code POST /api/auth/token} takes the same as a {@code refresh_token} grant.
 */
@Schema(description = "A refresh token, as returned by /api/auth/token or /api/auth/refresh",
        requiredProperties = "refresh_token")
record RefreshTokenRequest(@JsonProperty("refresh_token") String refreshToken) {

    RefreshTokenRequest {
        refreshToken = TokenRequest.emptyAsNull(refreshToken);
    }

    static RefreshTokenRequest of(FormParameters form) {
        return new RefreshTokenRequest(form.get(TokenRequest.REFRESH_TOKEN));
    }

    @Override
    public String toString() {
        return "RefreshTokenRequest[refresh_token=(hidden)]";
    }

}
