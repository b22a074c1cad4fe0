package dev.jwtflights.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A refused token request (RFC 6749 section 5.2).
 *
 * @param error {@code invalid_grant} (the credentials or the refresh token were not accepted, whatever the reason)
 * or {@code invalid_request} (the body is not what the endpoint expects)
 * @param errorDescription for {@code invalid_request} only: what is wrong with the request
 */
@Schema(description = "An OAuth 2.0 error (RFC 6749 section 5.2)")
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenError(
        @Schema(allowableValues = { "invalid_grant", "invalid_request" }) String error,
        @JsonProperty("error_description") String errorDescription) {

    static final TokenError INVALID_GRANT = new TokenError("invalid_grant", null);

    static TokenError invalidRequest(String description) {
        return new TokenError("invalid_request", description);
    }

}
