/**
 * The audit trail: the {@code auth_event} table, written from the application events of {@code sessions} and
 * {@code users} (in the transaction of the change they record) and from Spring Security's failed sign-ins, and purged
 * after {@code app.audit.retention}. Offers {@link dev.jwtflights.audit.AuditLog}, which reads it a page at a time,
 * and its value types. Never a token, a hash of one, or a password.
 */
package dev.jwtflights.audit;
