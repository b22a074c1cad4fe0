package dev.jwtflights.passkeys;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * The ceremonies' options in the shared table on PostgreSQL: every test of {@link CeremonyStoreTests} (two stores on
 * one database, single use, the timeout, the cap, the purge), against a database of the embedded server.
 */
@OnPostgres
class CeremonyStorePostgresIntegrationTests extends CeremonyStoreTests {

}
