/**
 * Who can sign in: the {@code app_user} table, roles, the password check (BCrypt, one {@code AuthenticationManager} for
 * the login form and the token endpoint, whose refusals it logs and whose attempts it times by outcome, behind the
 * {@code throttle} module's limits) and the demo users. Offers {@link dev.jwtflights.users.Role} and
 * {@link dev.jwtflights.users.UserAccounts}, which reads and locks a user for the session rules; the entity and its
 * repository stay inside.
 */
package dev.jwtflights.users;
