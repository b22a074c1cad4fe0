package dev.jwtflights.account;

import dev.jwtflights.system.PageNotice;

/**
 * What the sessions page says after a change (Post/Redirect/Get): a query parameter of {@code /account/sessions}
 * naming one of these, never any data.
 */
enum AccountNotice implements PageNotice {

    ENDED("ended", "The session was ended. That device will be asked to sign in again.", false),
    ENDED_OTHERS("ended-others", "Every other session was ended. Only this one is still signed in.", false),
    NOT_FOUND("not-found", "That session is not one of your active sessions.", true),
    CURRENT("current", "This is the session you are using. To end it, sign out.", true);

    private final Text text;

    AccountNotice(String parameter, String message, boolean problem) {
        this.text = new Text(parameter, message, problem);
    }

    @Override
    public Text text() {
        return this.text;
    }

    String redirect() {
        return "redirect:/account/sessions?notice=" + parameter();
    }

}
