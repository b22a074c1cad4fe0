package dev.jwtflights.api;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests are API requests: the one place that names them. The API's security chain matches
 * {@link #PATTERNS}, and {@code springdoc.paths-to-match} lists the same patterns (a test holds them equal).
 * <p>
 * {@link #matches} decides on the path as the servlet container decoded and normalised it (percent-decoded, path
 * parameters and dot segments removed), never on the raw request URI: {@code /%72eservation} and
 * {@code /reservation;x=1} are routed to the API as {@code /reservation} is, so they are API requests as it is.
 */
public final class ApiPaths {

    /** The API's paths, as Spring path patterns. */
    public static final String[] PATTERNS = { "/api/**", "/reservation", "/reservation/**" };

    private static final List<PathPattern> PARSED = Arrays.stream(PATTERNS)
        .map(PathPatternParser.defaultInstance::parse)
        .toList();

    private ApiPaths() {
    }

    public static boolean matches(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return matches(request.getServletPath() + ((pathInfo != null) ? pathInfo : ""));
    }

    static boolean matches(String decodedPath) {
        PathContainer path = PathContainer.parsePath(decodedPath);
        return PARSED.stream().anyMatch((pattern) -> pattern.matches(path));
    }

}
