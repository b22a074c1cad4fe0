/**
 * The server-rendered flights page: a client of the reservation API over HTTP with the user's own token (never of its
 * repository), for an ADMIN with a form to add and buttons to delete. Uses what {@code login} offers, and the page
 * notices of {@code system}.
 */
package dev.jwtflights.flights;
