package dev.jwtflights.sessions;

/**
 * Why a session could not be started or renewed.
 */
public enum Refusal {

    /** No refresh token was presented. */
    MISSING,

    /** No token with that hash was ever issued: forged, mistyped, or from another database. */
    UNKNOWN,

    /** The token, or its whole session, was revoked (by logout, by an admin, or after reuse). */
    REVOKED,

    /** The token or its session reached its end of life. */
    EXPIRED,

    /** The token had already been rotated: a replay. Its whole session has just been revoked. */
    REUSED,

    /** The user no longer exists or is disabled. */
    USER_DISABLED,

    /** Something went wrong (a database error, say); logged. */
    ERROR

}
