package dev.jwtflights.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are API requests: {@code /api/**}, {@code /reservation} and {@code /reservation/**}, as the API's
 * security chain and {@code springdoc.paths-to-match} name them.
 * <p>
 * The decision is made on the path as the servlet container decoded and normalised it (percent-decoded, path
 * parameters and dot segments removed), never on the raw request URI: {@code /%72eservation} and
 * {@code /reservation;x=1} are routed to the API as {@code /reservation} is, so they are API requests as it is.
 */
final class ApiPaths {

    private ApiPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/reservation")
                || path.startsWith("/reservation/");
    }

}
