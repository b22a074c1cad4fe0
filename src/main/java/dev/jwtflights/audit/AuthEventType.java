package dev.jwtflights.audit;

/**
 * What an audit event records, with the words the events page shows for it.
 */
public enum AuthEventType {

    LOGIN_SUCCEEDED("Login succeeded"),
    LOGIN_WITH_PASSKEY("Login with passkey"),
    LOGIN_FAILED("Login failed"),
    REFRESHED("Refreshed"),
    REUSE_DETECTED("Reuse detected"),
    LOGGED_OUT("Logged out"),
    SESSION_ENDED_BY_USER("Session ended by user"),
    SESSIONS_ENDED_BY_ADMIN("Sessions ended by admin"),
    SESSION_LIMIT_REACHED("Session limit reached"),
    USER_DISABLED("User disabled"),
    USER_ENABLED("User enabled"),
    PASSWORD_SET("Password set"),
    PASSKEY_ADDED("Passkey added"),
    PASSKEY_REMOVED("Passkey removed");

    private final String label;

    AuthEventType(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}
