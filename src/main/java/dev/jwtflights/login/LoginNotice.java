package dev.jwtflights.login;

import dev.jwtflights.sessions.Refusal;

/**
 * Why a person is on the login page, as a query parameter of {@code /login} and a sentence on it.
 */
enum LoginNotice {

    NONE(null, null),
    FAILED("error", "Login failed. Check your username and password."),
    PASSKEY_FAILED("passkey-failed", "Signing in with a passkey failed. Try again, or sign in with your password."),
    PASSKEY_CANCELLED("passkey-cancelled", "Signing in with a passkey was cancelled, or the browser could not use "
            + "one. Try again, or sign in with your password."),
    THROTTLED("throttled", "Too many failed attempts. Try again later."),
    SIGNED_OUT("logout", "You have signed out."),
    EXPIRED("expired", "Your session has expired. Please sign in again."),
    REVOKED("revoked", "Your session was ended by an administrator. Please sign in again."),
    REUSED("reused", "For your safety you were signed out, because an old session token was used again."),
    ENDED_ELSEWHERE("ended", "This session was ended from another of your devices. Please sign in again."),
    PASSWORD_CHANGED("password-changed", "Your password was changed by an administrator. Please sign in with the new "
            + "password."),
    SESSION_LIMIT("session-limit", "This session was ended because you signed in on too many devices. Please sign in "
            + "again."),
    DISABLED("disabled", "Your account was disabled by an administrator, and your sessions were ended.");

    private final String parameter;

    private final String message;

    LoginNotice(String parameter, String message) {
        this.parameter = parameter;
        this.message = message;
    }

    String parameter() {
        return this.parameter;
    }

    String message() {
        return this.message;
    }

    /**
     * The sentence for this visit: the throttled notice says how long to wait, when its parameter is a number of
     * seconds (the redirect after a throttled sign-in gives one; anything else gets the sentence without it).
     */
    String message(String value) {
        if (this != THROTTLED || value == null || !value.matches("[1-9][0-9]{0,4}")) {
            return this.message;
        }
        int seconds = Integer.parseInt(value);
        return "Too many failed attempts. Try again in " + seconds + ((seconds == 1) ? " second." : " seconds.");
    }

    /** The query of the redirect to the login page after a throttled sign-in that is to wait that long. */
    static String throttledQuery(long seconds) {
        return "?" + THROTTLED.parameter + "=" + seconds;
    }

    String query() {
        return (this.parameter != null) ? "?" + this.parameter : "";
    }

    static LoginNotice of(Refusal refusal) {
        return switch (refusal) {
            case MISSING -> NONE;
            case UNKNOWN, EXPIRED, ERROR -> EXPIRED;
            case REVOKED -> REVOKED;
            case USER_DISABLED -> DISABLED;
            case SIGNED_OUT -> SIGNED_OUT;
            case ENDED_ELSEWHERE -> ENDED_ELSEWHERE;
            case PASSWORD_CHANGED -> PASSWORD_CHANGED;
            case SESSION_LIMIT -> SESSION_LIMIT;
            case REUSED -> REUSED;
        };
    }

}
