/**
 * Refresh-token sessions: the {@code refresh_token} table, the refresh rules (issue, rotate with reuse detection,
 * revoke, describe) and the hourly purge. Offers {@link dev.jwtflights.sessions.Sessions}, which starts, renews,
 * revokes and describes sessions and answers every failure as a refusal, with its value types; the rules and their
 * meters (renewals by outcome, ended sessions by cause) stay inside, and so does the table itself, in
 * {@code sessions.store}. The browser's cookies and the API's JSON meet here and in {@code tokens}.
 */
package dev.jwtflights.sessions;
