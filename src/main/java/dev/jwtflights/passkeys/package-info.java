/**
 * Passkeys (WebAuthn): the relying party's settings ({@code app.passkeys}), the credentials in Spring Security's JDBC
 * repositories (the {@code user_entities} and {@code user_credentials} tables), the state of a ceremony between its
 * two requests (in the shared {@code passkey_ceremony} table, without an HTTP session, so that the two may reach two
 * instances) and what people and administrators do with their passkeys. Offers
 * {@link dev.jwtflights.passkeys.Passkeys} (list, remove, count), {@link dev.jwtflights.passkeys.PasskeyEvent} and
 * {@link dev.jwtflights.passkeys.PasskeyProperties}; the ceremonies themselves are Spring Security's
 * {@code webAuthn()} on the page chain of {@code login}, which finds the beans made here by their Spring Security
 * types.
 */
package dev.jwtflights.passkeys;
