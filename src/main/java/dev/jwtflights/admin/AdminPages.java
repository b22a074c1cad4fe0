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

    /** A page number from the query: 0 or more, else a 400. */
    static int page(int page) {
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more");
        }
        return page;
    }

    /** A filter as typed, trimmed; {@code null} when it is empty. */
    static String filter(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

}
