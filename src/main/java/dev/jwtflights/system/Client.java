package dev.jwtflights.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Who sent a request, as the session pages and the audit trail show it: the client's IP address (as Tomcat resolved
 * it, behind a trusted proxy too) and its {@code User-Agent}, made safe to store and to log.
 *
 * @param ipAddress the remote address, or {@code null} if unknown
 * @param userAgent the {@code User-Agent} header, at most {@value #MAX_USER_AGENT} characters, or {@code null}
 */
public record Client(String ipAddress, String userAgent) {

    /** A request made outside HTTP (a scheduled job, a test). */
    public static final Client UNKNOWN = new Client(null, null);

    /** Long enough for every real browser's header; the column holds 255 characters. */
    static final int MAX_USER_AGENT = 200;

    /** An IPv6 address in text is at most 45 characters. */
    static final int MAX_IP_ADDRESS = 45;

    public static Client of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        return new Client((address == null || address.length() > MAX_IP_ADDRESS) ? null : LogSafe.text(address),
                (userAgent == null || userAgent.isBlank()) ? null : LogSafe.text(userAgent.strip(), MAX_USER_AGENT));
    }

}
