package dev.jwtflights.audit;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * The purge of old audit events on PostgreSQL: every test of {@link AuditRetentionTests}, against a database of the
 * embedded server.
 */
@OnPostgres
class AuditRetentionPostgresIntegrationTests extends AuditRetentionTests {

}
