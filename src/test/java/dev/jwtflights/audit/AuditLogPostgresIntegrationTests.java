package dev.jwtflights.audit;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * The audit trail read a page at a time, on PostgreSQL: every test of {@link AuditLogTests} (newest first, filters by
 * username and type), against a database of the embedded server.
 */
@OnPostgres
class AuditLogPostgresIntegrationTests extends AuditLogTests {

}
