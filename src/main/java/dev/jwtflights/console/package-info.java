/**
 * The H2 console with least privilege: an ADMIN uses it to revoke sessions in SQL (and to disable a user), and for
 * nothing else. Whatever is typed in its login form, it connects only to the application's own database, as a
 * database account that reads every table and may change {@code refresh_token.is_active} (to revoke only) and
 * {@code app_user.enabled}; it cannot create functions, read or write files, run scripts or reach another database.
 * Its tools and settings pages are closed. Who may open the console at all (ADMIN) is the login module's page chain. Offers that chain the
 * {@link dev.jwtflights.console.NoStoreFilter}, which keeps the console's answers out of the browser's cache.
 */
package dev.jwtflights.console;
