package dev.jwtflights.users;

import java.time.Instant;

import dev.jwtflights.system.Client;

/**
 * A change an administrator made to a user, published inside the transaction that made it: the sessions module ends
 * the user's sessions in that same transaction, and the audit trail writes it down there too.
 */
public sealed interface UserEvent {

    /** The user changed. */
    String username();

    /** The administrator who changed it. */
    String actor();

    Instant at();

    /** Where the administrator's request came from. */
    Client client();

    /** The user may no longer sign in; their sessions end. */
    record Disabled(String username, String actor, Instant at, Client client) implements UserEvent {
    }

    /** The user may sign in again. */
    record Enabled(String username, String actor, Instant at, Client client) implements UserEvent {
    }

    /** The user has a new password, typed by an administrator; their sessions end. Never carries the password. */
    record PasswordSet(String username, String actor, Instant at, Client client) implements UserEvent {
    }

}
