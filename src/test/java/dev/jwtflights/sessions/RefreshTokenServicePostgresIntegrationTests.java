package dev.jwtflights.sessions;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * The refresh rules on PostgreSQL: every test of {@link RefreshTokenServiceTests} (start, rotation with its
 * conditional UPDATE, reuse and its grace, expiry, revocation in SQL, sign-out), against a database of the embedded
 * server.
 */
@OnPostgres
class RefreshTokenServicePostgresIntegrationTests extends RefreshTokenServiceTests {

}
