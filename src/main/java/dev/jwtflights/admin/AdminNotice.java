package dev.jwtflights.admin;

import dev.jwtflights.system.PageNotice;

/**
 * What an admin page says after a change (Post/Redirect/Get): a query parameter naming one of these, never any data.
 */
enum AdminNotice implements PageNotice {

    SESSION_ENDED("/admin/sessions", "session-ended", "The session was ended.", false),
    SESSION_NOT_FOUND("/admin/sessions", "session-not-found", "That session is no longer active.", true),
    USER_SESSIONS_ENDED("/admin/sessions", "user-sessions-ended", "Every session of that user was ended.", false),
    ALL_ENDED_KEPT("/admin/sessions", "all-ended-kept",
            "Every session was ended except yours: you are still signed in.", false),
    USER_DISABLED("/admin/users", "disabled", "The user was disabled and every session of theirs ended.", false),
    USER_ENABLED("/admin/users", "enabled", "The user was enabled: they can sign in again.", false),
    PASSWORD_SET("/admin/users", "password-set",
            "The new password was set and every session of the user ended.", false),
    USER_NOT_FOUND("/admin/users", "user-not-found", "There is no such user.", true),
    PASSKEYS_REMOVED("/admin/users", "passkeys-removed",
            "Every passkey of the user was removed: they sign in with their password again.", false),
    NO_PASSKEYS("/admin/users", "no-passkeys", "That user has no passkey.", true),
    NOT_YOURSELF("/admin/users", "not-yourself",
            "You cannot disable your own account: another administrator can.", true);

    private final String path;

    private final Text text;

    AdminNotice(String path, String parameter, String message, boolean problem) {
        this.path = path;
        this.text = new Text(parameter, message, problem);
    }

    @Override
    public Text text() {
        return this.text;
    }

    String redirect() {
        return "redirect:" + this.path + "?notice=" + parameter();
    }

}
