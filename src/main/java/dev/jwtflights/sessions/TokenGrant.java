package dev.jwtflights.sessions;

/**
 * The answer to starting or renewing a session: new tokens, or a refusal with its reason.
 */
public sealed interface TokenGrant {

    /** New tokens; a refresh token that was presented is used up. */
    record Granted(TokenPair tokens) implements TokenGrant {
    }

    /** Refused, for the given reason. */
    record Refused(Refusal reason) implements TokenGrant {
    }

}
