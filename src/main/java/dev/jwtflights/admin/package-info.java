/**
 * What only administrators see: every active session ({@code /admin/sessions}: end one, a user's, or everyone's), the
 * users ({@code /admin/users}: enable, disable, set a password, remove their passkeys) and the audit trail
 * ({@code /admin/events}). The page chain lets only the ADMIN role in. Uses only what {@code sessions}, {@code users},
 * {@code passkeys} and {@code audit} offer.
 */
package dev.jwtflights.admin;
