package dev.jwtflights.sessions;

/**
 * Why a session could not be started or renewed.
 */
public enum Refusal {

    /** No refresh token was presented. */
    MISSING,

    /** No token with that hash was ever issued: forged, mistyped, or from another database. */
    UNKNOWN,

    /** The session was ended by an administrator (on the admin pages, or in SQL). */
    REVOKED,

    /** The session was signed out. */
    SIGNED_OUT,

    /** The person ended this session from another of theirs. */
    ENDED_ELSEWHERE,

    /** An administrator set a new password: every session of the user ended. */
    PASSWORD_CHANGED,

    /** The user signed in more often than {@code app.jwt.max-sessions-per-user} allows: this, their oldest, ended. */
    SESSION_LIMIT,

    /** The token or its session reached its end of life. */
    EXPIRED,

    /** A token of the session was presented again after its rotation (a replay): the whole session was ended. */
    REUSED,

    /** The user no longer exists or is disabled (their sessions ended when they were disabled). */
    USER_DISABLED,

    /** Something went wrong (a database error, say); logged. */
    ERROR

}
