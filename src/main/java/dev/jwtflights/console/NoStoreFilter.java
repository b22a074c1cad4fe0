package dev.jwtflights.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps {@code Cache-Control: no-store} on responses whose servlet would weaken it: the H2 console sets its own
 * {@code no-cache}, which lets a browser keep query results (token hashes among them) on disk. Built by the security
 * configuration of the console's chain (in {@code login}), not a bean of its own.
 */
public final class NoStoreFilter extends OncePerRequestFilter {

    public static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        chain.doFilter(request, new NoStoreResponse(response));
    }

    /** Ignores every attempt to set another Cache-Control. */
    private static final class NoStoreResponse extends HttpServletResponseWrapper {

        NoStoreResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

    }

}
