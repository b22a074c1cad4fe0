package dev.jwtflights.sessions;

/**
 * Why the application ended a login session. Kept in {@code refresh_token.end_reason}, so that a browser whose session
 * ended is told why on the login page; a revocation typed in SQL leaves no cause and reads as {@link #ENDED_BY_ADMIN}.
 */
public enum EndCause {

    /** The person signed out (the sign-out button, "Sign out everywhere", or an API client's revocation). */
    LOGGED_OUT(Refusal.SIGNED_OUT),

    /** The person ended it from another of their sessions, on their account page. */
    ENDED_BY_USER(Refusal.ENDED_ELSEWHERE),

    /** An administrator ended it. */
    ENDED_BY_ADMIN(Refusal.REVOKED),

    /** One of its refresh tokens was presented again after its rotation. */
    REUSE_DETECTED(Refusal.REUSED),

    /** An administrator disabled the user. */
    USER_DISABLED(Refusal.USER_DISABLED),

    /** An administrator set a new password for the user. */
    PASSWORD_SET(Refusal.PASSWORD_CHANGED),

    /** The user signed in once more while at {@code app.jwt.max-sessions-per-user}: their oldest session ended. */
    SESSION_LIMIT(Refusal.SESSION_LIMIT);

    private final Refusal refusal;

    EndCause(Refusal refusal) {
        this.refusal = refusal;
    }

    /** What a refresh of a session that ended this way is told. */
    Refusal refusal() {
        return this.refusal;
    }

    /** The refusal for a stored cause; none (a revocation typed in SQL) or one we no longer know reads as revoked. */
    static Refusal refusalOf(String storedCause) {
        if (storedCause != null) {
            for (EndCause cause : values()) {
                if (cause.name().equals(storedCause)) {
                    return cause.refusal;
                }
            }
        }
        return Refusal.REVOKED;
    }

}
