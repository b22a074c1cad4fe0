package dev.jwtflights.reservation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A reservation as a client sends it to create or replace one. Every field is required and trimmed; after trimming
 * it holds 1 to {@value #MAX_LENGTH} characters and no control characters ({@link ReservationText}).
 */
@Schema(description = "A reservation to create or replace", requiredProperties = { "name", "startLocation",
        "endLocation" })
record ReservationRequest(
        @Schema(example = "Ada Lovelace", minLength = 1, description = RULE) @ReservationText String name,
        @Schema(example = "London", minLength = 1, description = RULE) @ReservationText String startLocation,
        @Schema(example = "Paris", minLength = 1, description = RULE) @ReservationText String endLocation) {

    /** The rule of {@link ReservationText}, in the words of the API description. */
    static final String RULE = "Trimmed of whitespace at both ends, then 1 to 100 characters, without control "
            + "characters, bidirectional overrides or isolates, or unpaired surrogates";

    /** The width of the columns (V2__reservations.sql). */
    static final int MAX_LENGTH = 100;

    /** No control characters, no bidirectional overrides or isolates, no unpaired surrogate halves. */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}\\p{Cs}\\u202A-\\u202E\\u2066-\\u2069]*";

    static final String REQUIRED = "is required";

    static final String LENGTH = "must be 1 to " + MAX_LENGTH + " characters long, not counting spaces around it";

    static final String CONTROL_CHARACTERS = "must not contain control characters";

    ReservationRequest {
        name = trimmed(name);
        startLocation = trimmed(startLocation);
        endLocation = trimmed(endLocation);
    }

    private static String trimmed(String value) {
        return (value != null) ? value.strip() : null;
    }

}
