package dev.jwtflights.flights;

import dev.jwtflights.system.PageNotice;

/**
 * What the flights page says after an admin's change (Post/Redirect/Get): a query parameter of {@code /flights}
 * naming one of these, never any data.
 */
enum FlightsNotice implements PageNotice {

    ADDED("added", "The reservation was added.", false),
    DELETED("deleted", "The reservation was deleted.", false),
    MISSING("missing", "That reservation no longer exists.", true),
    FORBIDDEN("forbidden", "Only an administrator can change reservations.", true),
    TOO_LONG("too-long", "The reservation was not added: its fields are too long (at most 100 characters each).",
            true),
    UNAVAILABLE("unavailable", "The reservation service is unavailable right now. Please try again in a moment.",
            true);

    private final Text text;

    FlightsNotice(String parameter, String message, boolean problem) {
        this.text = new Text(parameter, message, problem);
    }

    @Override
    public Text text() {
        return this.text;
    }

    String redirect() {
        return "redirect:/flights?notice=" + parameter();
    }

}
