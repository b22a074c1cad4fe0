package dev.jwtflights.passkeys;

import java.time.Instant;
import java.util.List;

import dev.jwtflights.system.Client;

/**
 * A passkey added or removed, published inside the transaction that made the change, for the audit trail. Never
 * carries a key.
 */
public sealed interface PasskeyEvent {

    /** Whose passkeys changed. */
    String username();

    /** Who changed them when that was someone else (an administrator), or {@code null}. */
    String actor();

    Instant at();

    Client client();

    /** A person added a passkey, with this label. */
    record Added(String username, String label, String actor, Instant at, Client client) implements PasskeyEvent {
    }

    /**
     * Passkeys were removed.
     *
     * @param labels the labels of the passkeys removed; never empty
     */
    record Removed(String username, List<String> labels, String actor, Instant at,
            Client client) implements PasskeyEvent {

        public Removed {
            labels = List.copyOf(labels);
        }

    }

}
