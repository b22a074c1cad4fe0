/**
 * What a signed-in person sees of their own sessions and passkeys: {@code /account/sessions} lists the sessions (the
 * current one marked) and ends one, or all the others; {@code /account/passkeys} lists the passkeys, adds one (with the
 * page's script and Spring Security's registration endpoints) and removes one. "Sign out everywhere" is the sign-out
 * form of {@code login} with its {@code everywhere} field. Uses only what {@code sessions} and {@code passkeys} offer.
 */
package dev.jwtflights.account;
