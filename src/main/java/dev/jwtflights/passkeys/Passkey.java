package dev.jwtflights.passkeys;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One passkey as its owner sees it: never its public key or its signature counter. Its times are to the second, as
 * the session pages show theirs.
 *
 * @param id the credential id (base64url), to name it in a form
 * @param label what its owner called it when adding it
 * @param createdAt when it was added
 * @param lastUsedAt when it was last used to sign in (at first, when it was added)
 */
public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {

    public Passkey {
        createdAt = toTheSecond(createdAt);
        lastUsedAt = toTheSecond(lastUsedAt);
    }

    private static Instant toTheSecond(Instant time) {
        return (time != null) ? time.truncatedTo(ChronoUnit.SECONDS) : null;
    }

}
