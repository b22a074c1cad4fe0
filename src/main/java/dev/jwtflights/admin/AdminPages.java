package dev.jwtflights.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the admin pages share: the size of a page of rows, and the filters as typed.
 */
final class AdminPages {

    /** Rows per page. */
    static final int PAGE_SIZE = 20;

    private AdminPages() {
    }

    /**
     * The highest page number: the first row of a page is an {@code int} offset for the database query, so beyond
     * this one the query itself would be refused.
     */
    static final int LAST_PAGE = Integer.MAX_VALUE / PAGE_SIZE;

    /** A page number from the query: 0 to {@link #LAST_PAGE}, else a 400. */
    static int page(int page) {
        if (page < 0 || page > LAST_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 to " + LAST_PAGE);
        }
        return page;
    }

    /** A filter as typed, trimmed; {@code null} when it is empty. */
    static String filter(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

}
