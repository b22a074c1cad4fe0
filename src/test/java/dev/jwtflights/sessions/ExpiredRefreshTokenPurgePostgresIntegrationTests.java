package dev.jwtflights.sessions;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * The purge of expired refresh-token rows on PostgreSQL: every test of {@link ExpiredRefreshTokenPurgeTests}, against
 * a database of the embedded server.
 */
@OnPostgres
class ExpiredRefreshTokenPurgePostgresIntegrationTests extends ExpiredRefreshTokenPurgeTests {

}
