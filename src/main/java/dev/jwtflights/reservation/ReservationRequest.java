package dev.jwtflights.reservation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reservation as a client sends it to create or replace one. Every field is required and trimmed; after trimming
 * it holds 1 to {@value #MAX_LENGTH} characters and no control characters.
 */
@Schema(description = "A reservation to create or replace; every field is trimmed, then holds 1 to 100 characters "
        + "and no control characters", requiredProperties = { "name", "startLocation", "endLocation" })
record ReservationRequest(
        @Schema(example = "Ada Lovelace")
        @NotNull(message = REQUIRED) @Size(min = 1, max = MAX_LENGTH, message = LENGTH)
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = CONTROL_CHARACTERS) String name,
        @Schema(example = "London")
        @NotNull(message = REQUIRED) @Size(min = 1, max = MAX_LENGTH, message = LENGTH)
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = CONTROL_CHARACTERS) String startLocation,
        @Schema(example = "Paris")
        @NotNull(message = REQUIRED) @Size(min = 1, max = MAX_LENGTH, message = LENGTH)
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = CONTROL_CHARACTERS) String endLocation) {

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
