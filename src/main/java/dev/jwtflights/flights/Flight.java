package dev.jwtflights.flights;

/**
 * A reservation as the API returns it.
 */
record Flight(Long id, String name, String startLocation, String endLocation) {
}
