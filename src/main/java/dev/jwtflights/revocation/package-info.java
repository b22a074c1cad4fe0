/**
 * Revocation that reaches access tokens: an in-memory view of the login sessions that have ended while access tokens
 * of theirs may still be unexpired, consulted by the API's bearer filter and the pages' cookie filter on every request,
 * without a database query. Offers {@link dev.jwtflights.revocation.EndedSessions}. It learns of a session ended in
 * this instance at once (an application event of the {@code sessions} module) and of one ended anywhere else (another
 * instance, an {@code UPDATE} typed in SQL) from the database, every {@code app.jwt.revocation-check-interval}.
 */
package dev.jwtflights.revocation;
