package dev.jwtflights.reservation;

/**
 * A reservation as the API shows it.
 */
record ReservationResponse(Long id, String name, String startLocation, String endLocation) {

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(reservation.getId(), reservation.getName(), reservation.getStartLocation(),
                reservation.getEndLocation());
    }

}
