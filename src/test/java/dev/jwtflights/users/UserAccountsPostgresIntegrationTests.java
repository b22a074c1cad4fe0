package dev.jwtflights.users;

import dev.jwtflights.test.postgres.OnPostgres;

/**
 * What an administrator may change of a user, on PostgreSQL: every test of {@link UserAccountsTests}, against a
 * database of the embedded server. That the user's row lock holds up a second transaction is shown in
 * {@code RefreshTokenConcurrencyPostgresIntegrationTests}.
 */
@OnPostgres
class UserAccountsPostgresIntegrationTests extends UserAccountsTests {

}
