package dev.jwtflights.system;

import org.springframework.ui.Model;

/**
 * What a page says after a change it redirected from (Post/Redirect/Get): the redirect names a notice in the query
 * ({@code ?notice=added}), never any data, and the page shows that notice's sentence. Implemented by an enum per page.
 */
public interface PageNotice {

    /** The value of the {@code notice} query parameter that names it. */
    String parameter();

    /** The sentence the page shows. */
    String message();

    /** Whether it says that something did not happen (shown as a warning, not as a success). */
    boolean problem();

    /**
     * Puts the notice of the given kind that the parameter names, if any, on the page's model as {@code notice} and
     * {@code noticeIsProblem}. An unknown or missing parameter shows nothing.
     */
    static <N extends Enum<N> & PageNotice> void show(Class<N> kind, String parameter, Model model) {
        for (N notice : kind.getEnumConstants()) {
            if (notice.parameter().equals(parameter)) {
                model.addAttribute("notice", notice.message());
                model.addAttribute("noticeIsProblem", notice.problem());
                return;
            }
        }
    }

}
