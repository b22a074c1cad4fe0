package dev.jwtflights.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jwtflights.system.LogSafe;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/auth/token}: a grant (RFC 6749), as a form or as JSON. The password grant (section 4.3.2) needs
 * {@code username} and {@code password}; the refresh-token grant (section 6) needs {@code refresh_token}. A JSON body
 * without {@code grant_type} is a password grant, as it was before the endpoint took other grants. Client
 * identification ({@code client_id}, {@code client_secret}, {@code scope}) is accepted and ignored: the API has one
 * public, first-party client.
 */
@Schema(description = "A token request (RFC 6749): grant_type 'password' with username and password, or "
        + "'refresh_token' with refresh_token. As JSON, a body without grant_type is a password grant. client_id, "
        + "client_secret and scope may be sent and are ignored.")
record TokenRequest(
        @Schema(allowableValues = { "password", "refresh_token" }, example = "password",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("grant_type") String grantType,
        @Schema(example = "secret", requiredMode = Schema.RequiredMode.NOT_REQUIRED) String username,
        @Schema(example = "secret", requiredMode = Schema.RequiredMode.NOT_REQUIRED) String password,
        @Schema(description = "For grant_type refresh_token", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("refresh_token") String refreshToken) {

    static final String PASSWORD = "password";

    static final String REFRESH_TOKEN = "refresh_token";

    /** As RFC 6749 section 3.1 says of parameters, an empty value counts as none, also in JSON. */
    TokenRequest {
        grantType = emptyAsNull(grantType);
        username = emptyAsNull(username);
        password = emptyAsNull(password);
        refreshToken = emptyAsNull(refreshToken);
    }

    static TokenRequest of(FormParameters form) {
        return new TokenRequest(form.get("grant_type"), form.get("username"), form.get("password"),
                form.get(REFRESH_TOKEN));
    }

    /** The request as a JSON body means it: without a grant type, a password grant. */
    TokenRequest passwordUnlessNamed() {
        return (this.grantType != null) ? this
                : new TokenRequest(PASSWORD, this.username, this.password, this.refreshToken);
    }

    static String emptyAsNull(String value) {
        return (value == null || value.isEmpty()) ? null : value;
    }

    @Override
    public String toString() {
        return "TokenRequest[grant_type=" + LogSafe.text(this.grantType) + ", username=" + LogSafe.text(this.username)
                + "]";
    }

}
