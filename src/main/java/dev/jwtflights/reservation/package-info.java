/**
 * The protected REST API {@code /reservation} and its table: anyone signed in reads, an ADMIN writes. Offers nothing
 * to other modules: the pages reach it over HTTP, as any client does.
 */
package dev.jwtflights.reservation;
