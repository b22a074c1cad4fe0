package dev.jwtflights.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/auth/revoke} (RFC 7009 section 2.1): the token to revoke, a refresh token or an access token, as
 * a form or as JSON. {@code refresh_token} is still accepted in place of {@code token}. {@code token_type_hint} may be
 * sent; every token is looked for among both types anyway, as the RFC allows.
 */
@Schema(description = "The token to revoke (RFC 7009): a refresh token or an access token. 'refresh_token' is "
        + "accepted in place of 'token'; token_type_hint is accepted and not needed.")
record RevocationRequest(
        @Schema(description = "The refresh token or the access token to revoke",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) String token,
        @Schema(allowableValues = { "refresh_token", "access_token" }, requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("token_type_hint") String tokenTypeHint,
        @Schema(description = "The same as 'token' (the name this endpoint took first)",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("refresh_token") String refreshToken) {

    RevocationRequest {
        token = TokenRequest.emptyAsNull(token);
        refreshToken = TokenRequest.emptyAsNull(refreshToken);
    }

    static RevocationRequest of(FormParameters form) {
        return new RevocationRequest(form.get("token"), form.get("token_type_hint"),
                form.get(TokenRequest.REFRESH_TOKEN));
    }

    /** The token to revoke. */
    String tokenToRevoke() {
        if (this.token != null && this.refreshToken != null && !this.token.equals(this.refreshToken)) {
            throw new InvalidTokenRequestException("Send one token: 'token' or 'refresh_token'");
        }
        String value = (this.token != null) ? this.token : this.refreshToken;
        if (value == null) {
            throw new InvalidTokenRequestException("'token' is required");
        }
        return value;
    }

    @Override
    public String toString() {
        return "RevocationRequest[token=(hidden)]";
    }

}
