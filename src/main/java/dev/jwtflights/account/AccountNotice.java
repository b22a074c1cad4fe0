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

    private final String parameter;

    private final String message;

    private final boolean problem;

    AccountNotice(String parameter, String message, boolean problem) {
        this.parameter = parameter;
        this.message = message;
        this.problem = problem;
    }

    @Override
    public String parameter() {
        return this.parameter;
    }

    @Override
    public String message() {
        return this.message;
    }

    @Override
    public boolean problem() {
        return this.problem;
    }

    String redirect() {
        return "redirect:/account/sessions?notice=" + this.parameter;
    }

}
