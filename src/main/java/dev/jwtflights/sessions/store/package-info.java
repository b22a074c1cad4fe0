/**
 * The {@code refresh_token} table, as the session rules read and write it: the {@link
 * dev.jwtflights.sessions.store.RefreshToken} entity and its repository for everything that lists or ends sessions,
 * and {@link dev.jwtflights.sessions.store.RefreshTokenRows}, the plain SQL of a renewal. Internal to the
 * {@code sessions} module (Spring Modulith keeps every other module out), and depending on nothing of it, so that the
 * rules lean on the table and never the other way round.
 */
package dev.jwtflights.sessions.store;
