package dev.jwtflights.login;

import dev.jwtflights.sessions.Refusal;

/**
 * Why a person is on the login page, as a query parameter of {@code /login} and a sentence on it.
 */
enum LoginNotice {

    NONE(null, null),
    FAILED("error", "Login failed. Check your username and password."),
    SIGNED_OUT("logout", "You have signed out."),
    EXPIRED("expired", "Your session has expired. Please sign in again."),
    REVOKED("revoked", "Your session was ended by an administrator. Please sign in again."),
    REUSED("reused", "For your safety you were signed out, because an old session token was used again.");

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

    String query() {
        return (this.parameter != null) ? "?" + this.parameter : "";
    }

    static LoginNotice of(Refusal refusal) {
        return switch (refusal) {
            case MISSING -> NONE;
            case UNKNOWN, EXPIRED, ERROR -> EXPIRED;
            case REVOKED, USER_DISABLED -> REVOKED;
            case REUSED -> REUSED;
        };
    }

}
