package dev.jwtflights.reservation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A reservation as the API shows it.
 */
@Schema(description = "A reservation", requiredProperties = { "id", "name", "startLocation", "endLocation" })
record ReservationResponse(@Schema(example = "1") Long id, @Schema(example = "Ada Lovelace") String name,
        @Schema(example = "London") String startLocation, @Schema(example = "Paris") String endLocation) {

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(reservation.getId(), reservation.getName(), reservation.getStartLocation(),
                reservation.getEndLocation());
    }

}
