package dev.jwtflights.flights;

/**
 * The add-a-reservation form on the flights page, sent on to the API as it was typed: the API checks it.
 */
record ReservationForm(String name, String startLocation, String endLocation) {

    static ReservationForm empty() {
        return new ReservationForm("", "", "");
    }

}
