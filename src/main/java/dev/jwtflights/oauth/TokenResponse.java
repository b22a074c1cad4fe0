package dev.jwtflights.oauth;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jwtflights.sessions.TokenPair;
import dev.jwtflights.tokens.AccessToken;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A successful token response (RFC 6749 section 5.1).
 */
@Schema(description = "New tokens (RFC 6749 section 5.1)", requiredProperties = { "access_token", "token_type",
        "expires_in", "refresh_token" })
record TokenResponse(
        @Schema(description = "An HS256 JWT for 'Authorization: Bearer ...'")
        @JsonProperty("access_token") String accessToken,
        @Schema(example = "Bearer")
        @JsonProperty("token_type") String tokenType,
        @Schema(description = "Seconds until the access token expires", example = "60")
        @JsonProperty("expires_in") long expiresIn,
        @Schema(description = "Opaque, single use: present it once to /api/auth/refresh")
        @JsonProperty("refresh_token") String refreshToken) {

    static TokenResponse of(TokenPair tokens) {
        AccessToken access = tokens.access();
        long expiresIn = Duration.between(access.issuedAt(), access.expiresAt()).toSeconds();
        return new TokenResponse(access.value(), "Bearer", expiresIn, tokens.refresh().value());
    }

    @Override
    public String toString() {
        return "TokenResponse[token_type=" + this.tokenType + ", expires_in=" + this.expiresIn + "]";
    }

}
