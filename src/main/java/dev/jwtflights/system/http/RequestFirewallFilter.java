package dev.jwtflights.system.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which requests reach the application at all, decided before any other filter looks at them:
 * <ul>
 * <li>Spring Security's {@link StrictHttpFirewall} refuses a URL that is not normalised ({@code /./}, {@code /../},
 * {@code ;}, an encoded {@code /} or {@code .}) with 400. It runs again inside the security filter chain, but Spring
 * parses the request's path before that chain, for servlets mapped to a prefix such as the H2 console's, and that
 * parse fails on such a URL with an exception: a 500 and a stack trace in the log for a client's mistake.</li>
 * <li>{@code /error} is where the container forwards an error to render it, not a page: asked for directly, however
 * it is spelt ({@code /%65rror} too), it is 404.</li>
 * </ul>
 * Refusals are logged at debug only: they are the client's mistake, and anyone could otherwise fill the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestFirewallFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestFirewallFilter.class);

    static final String ERROR_PATH = "/error";

    private final HttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            this.firewall.getFirewalledRequest(request);
        }
        catch (RequestRejectedException ex) {
            log.debug("Refused a request the firewall rejects: {}", ex.getMessage());
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        if (isErrorPath(request)) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the request names the error page, by the path as the container decoded it, which is the one that
     * routing and the security rules see: {@code /%65rror} is {@code /error} to them.
     */
    private static boolean isErrorPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return (pathInfo == null) ? ERROR_PATH.equals(request.getServletPath())
                : ERROR_PATH.equals(request.getServletPath() + pathInfo);
    }

}
