package dev.jwtflights.api;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are API requests: the one place that names them. The API's security chain matches
 * {@link #PATTERNS}, and {@code springdoc.paths-to-match} lists the same patterns (a test holds them equal).
 * <p>
 * {@link #matches} decides on the path as the servlet container decoded and normalised it (percent-decoded, path
 * parameters and dot segments removed), never on the raw request URI: {@code /%72eservation} is routed to the API as
 * {@code /reservation} is, so it is an API request as that is. (A URL with path parameters or dot segments, such as
 * {@code /reservation;x=1}, never gets this far: the request firewall refuses it first.)
 */
public final class ApiPaths {

    /** The API's paths, as Spring path patterns: a path, or a path and everything below it ({@code /**}). */
    public static final String[] PATTERNS = { "/api/**", "/reservation", "/reservation/**" };

    private static final String BELOW = "/**";

    /** Each pattern without its {@code /**}, if it has one; for the plain string comparisons below. */
    private static final String[] ROOTS = Arrays.stream(PATTERNS)
        .map((pattern) -> pattern.endsWith(BELOW) ? pattern.substring(0, pattern.length() - BELOW.length()) : pattern)
        .toArray(String[]::new);

    private ApiPaths() {
    }

    public static boolean matches(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return matches(request.getServletPath() + ((pathInfo != null) ? pathInfo : ""));
    }

    /** Plain string comparisons, no allocation: this runs for every request. */
    static boolean matches(String decodedPath) {
        for (int i = 0; i < PATTERNS.length; i++) {
            String root = ROOTS[i];
            boolean below = PATTERNS[i].endsWith(BELOW);
            if (decodedPath.equals(root) || (below && decodedPath.startsWith(root)
                    && decodedPath.charAt(root.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

}
