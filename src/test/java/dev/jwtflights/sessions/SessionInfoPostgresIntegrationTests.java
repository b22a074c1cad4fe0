package dev.jwtflights.sessions;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * What the session panel is told, on PostgreSQL: every test of {@link SessionInfoTests} (a session's end and its
 * renewals, read with aggregate queries), against a database of the embedded server.
 */
@OnPostgres
class SessionInfoPostgresIntegrationTests extends SessionInfoTests {

}
