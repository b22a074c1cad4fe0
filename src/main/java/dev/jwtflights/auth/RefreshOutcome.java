package dev.jwtflights.auth;

/**
 * The result of presenting a refresh token.
 */
sealed interface RefreshOutcome {

    /**
     * The token was rotated: the old one is used up and {@code token} replaces it.
     */
    record Rotated(AppUser user, IssuedRefreshToken token) implements RefreshOutcome {
    }

    /**
     * The token was refused, for the given reason.
     */
    record Refused(RefreshFailure reason) implements RefreshOutcome {
    }

}
