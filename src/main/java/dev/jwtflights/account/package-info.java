/**
 * What a signed-in person sees of their own sessions: {@code /account/sessions} lists them (the current one marked)
 * and ends one, or all the others. "Sign out everywhere" is the sign-out form of {@code login} with its
 * {@code everywhere} field. Uses only what {@code sessions} offers.
 */
package dev.jwtflights.account;
