package dev.jwtflights.sessions;

import java.time.Instant;
import java.util.List;

import dev.jwtflights.system.Client;
import dev.jwtflights.tokens.SignInMethod;

/**
 * What happened to login sessions, published inside the transaction that made the change: a listener that writes to
 * the database joins it (and its write is undone with the change), a listener that acts only after the commit uses
 * {@code @TransactionalEventListener}. No event carries a token or a hash of one.
 */
public sealed interface SessionEvent {

    /** The user the sessions belong to. */
    String username();

    /** When it happened. */
    Instant at();

    /** Who asked for it. */
    Client client();

    /**
     * A login started a session.
     *
     * @param method how the person signed in: with a password or a passkey
     */
    record Started(String username, String sessionId, SignInMethod method, Instant at,
            Client client) implements SessionEvent {
    }

    /** A session exchanged its refresh token for new tokens. */
    record Renewed(String username, String sessionId, Instant at, Client client) implements SessionEvent {
    }

    /**
     * Sessions of one user ended.
     *
     * @param sessionIds the sessions that were active and now are not; never empty
     * @param actor who ended them when that was someone else (an administrator), or {@code null}
     */
    record Ended(String username, List<String> sessionIds, EndCause cause, String actor, Instant at,
            Client client) implements SessionEvent {

        public Ended {
            sessionIds = List.copyOf(sessionIds);
        }

    }

}
