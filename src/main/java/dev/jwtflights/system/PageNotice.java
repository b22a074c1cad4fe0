package dev.jwtflights.system;

import org.springframework.ui.Model;

/**
 * What a page says after a change it redirected from (Post/Redirect/Get): the redirect names a notice in the query
 * ({@code ?notice=added}), never any data, and the page shows that notice's sentence. Implemented by an enum per page.
 */
public interface PageNotice {

    /** What a notice is: each enum constant holds one, so that no enum repeats these fields and accessors. */
    record Text(String parameter, String message, boolean problem) {
    }

    /** This notice's text. */
    Text text();

    /** The value of the {@code notice} query parameter that names it. */
    default String parameter() {
        return text().parameter();
    }

    /** The sentence the page shows. */
    default String message() {
        return text().message();
    }

    /** Whether it says that something did not happen (shown as a warning, not as a success). */
    default boolean problem() {
        return text().problem();
    }

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
