package dev.jwtflights.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an API error body looks like (RFC 9457, {@code application/problem+json}), for the API description. The
 * bodies themselves are Spring's {@link org.springframework.http.ProblemDetail}, whose extra properties Jackson writes
 * at the top level.
 */
@Schema(name = "Problem", description = "An error (RFC 9457 problem details, application/problem+json)",
        requiredProperties = { "title", "status", "detail" })
public record ApiProblem(
        @Schema(description = "Absent, or about:blank: the status says what went wrong",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) URI type,
        @Schema(description = "The status's reason phrase") String title,
        @Schema(description = "The HTTP status code") int status,
        @Schema(description = "What went wrong, for a person to read") String detail,
        @Schema(type = "string", format = "uri-reference", description = "The path of the request, where known",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) URI instance,
        @Schema(description = "Only for invalid fields: one entry per problem",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FieldError> errors) {

    /**
     * One invalid field of a request body.
     *
     * @param field the JSON property
     * @param message what is wrong with it, e.g. "is required"
     */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "name") String field, @Schema(example = "is required") String message) {
    }

}
