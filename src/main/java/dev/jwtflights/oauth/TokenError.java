package dev.jwtflights.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A refused token request (RFC 6749 section 5.2; RFC 7009 section 2.2.1 for revocation).
 *
 * @param error {@code invalid_grant} (the credentials or the refresh token were not accepted, whatever the reason),
 * {@code unsupported_grant_type}, {@code server_error} (a fault of ours), {@code invalid_request} (the request is
 * not what the endpoint expects: a parameter missing, repeated or of the wrong type, the wrong content type or method,
 * a body too large), or {@code temporarily_unavailable} (a password grant refused unchecked by the login throttle,
 * with status 429 and {@code Retry-After}: RFC 6749 defines the code for its authorization endpoint, and OAuth client
 * libraries know it as "try again later"; {@code slow_down} is the device flow's, and says something else)
 * @param errorDescription what is wrong with the request; never given for {@code invalid_grant}
 */
@Schema(name = "OAuthError", description = "An OAuth 2.0 error (RFC 6749 section 5.2)", requiredProperties = "error")
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenError(
        @Schema(allowableValues = { "invalid_request", "invalid_grant", "unsupported_grant_type", "server_error",
                "temporarily_unavailable" },
                example = "invalid_grant") String error,
        @Schema(description = "For developers: what is wrong with the request", example = "'password' is required",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("error_description") String errorDescription) {

    static final TokenError INVALID_GRANT = new TokenError("invalid_grant", null);

    static final TokenError SERVER_ERROR = new TokenError("server_error", null);

    static TokenError invalidRequest(String description) {
        return new TokenError("invalid_request", description);
    }

    static TokenError temporarilyUnavailable(String description) {
        return new TokenError("temporarily_unavailable", description);
    }

    static TokenError unsupportedGrantType(String description) {
        return new TokenError("unsupported_grant_type", description);
    }

}
