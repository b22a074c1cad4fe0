package dev.jwtflights.sessions;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * How sessions end and are listed, on PostgreSQL: every test of {@link SessionEndingTests} (the per-user cap, the
 * active-session listings and their pages and counts, ending one, all or everyone's sessions, the revocation view's
 * query), against a database of the embedded server.
 */
@OnPostgres
class SessionEndingPostgresIntegrationTests extends SessionEndingTests {

}
