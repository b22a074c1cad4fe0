package dev.jwtflights.passkeys;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * The passkeys in Spring Security's JDBC repositories on PostgreSQL: every test of {@link PasskeysTests}, against a
 * database of the embedded server, so that the migration's types (BYTEA, TIMESTAMP) are PostgreSQL's as well as H2's.
 */
@OnPostgres
class PasskeysPostgresIntegrationTests extends PasskeysTests {

}
