package dev.jwtflights.account;

import dev.jwtflights.system.PageNotice;

/**
 * What the passkeys page says after a change or a ceremony (Post/Redirect/Get): a query parameter of
 * {@code /account/passkeys} naming one of these, never any data.
 */
enum PasskeyNotice implements PageNotice {

    ADDED("added", "The passkey was added. You can now sign in with it instead of your password.", false),
    ADD_FAILED("add-failed", "The passkey could not be added. Try again, or with another authenticator.", true),
    ADD_CANCELLED("add-cancelled", "No passkey was added: the browser or you cancelled it.", true),
    REMOVED("removed", "The passkey was removed: it no longer signs you in.", false),
    NOT_FOUND("not-found", "That passkey is not one of yours.", true);

    private final Text text;

    PasskeyNotice(String parameter, String message, boolean problem) {
        this.text = new Text(parameter, message, problem);
    }

    @Override
    public Text text() {
        return this.text;
    }

    String redirect() {
        return "redirect:/account/passkeys?notice=" + parameter();
    }

}
