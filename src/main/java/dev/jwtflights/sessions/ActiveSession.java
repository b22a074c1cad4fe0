package dev.jwtflights.sessions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A login session that is still active, as the session pages list it. Never a token. Times are kept to the second:
 * what a person reads.
 *
 * @param sessionId the session ({@code sid} of its access tokens)
 * @param username whose session it is
 * @param userAgent the {@code User-Agent} of the client that last signed in or renewed it, or {@code null}
 * @param ipAddress the address it last signed in or renewed from, or {@code null}
 * @param signedInAt when the login happened
 * @param lastRenewedAt when it last renewed its tokens, or {@code null} if never
 * @param expiresAt when it ends unless it is renewed before
 */
public record ActiveSession(String sessionId, String username, String userAgent, String ipAddress,
        Instant signedInAt, Instant lastRenewedAt, Instant expiresAt) {

    public ActiveSession {
        signedInAt = toSecond(signedInAt);
        lastRenewedAt = toSecond(lastRenewedAt);
        expiresAt = toSecond(expiresAt);
    }

    /** Browsers by a word of their {@code User-Agent}, the more specific first (Edge and Opera also say Chrome). */
    private static final List<String[]> BROWSERS = List.of(new String[] { "edg/", "Edge" },
            new String[] { "opr/", "Opera" }, new String[] { "firefox/", "Firefox" },
            new String[] { "chrome/", "Chrome" }, new String[] { "chromium/", "Chromium" },
            new String[] { "safari/", "Safari" });

    private static final List<String[]> SYSTEMS = List.of(new String[] { "android", "Android" },
            new String[] { "iphone", "iOS" }, new String[] { "ipad", "iPadOS" }, new String[] { "cros", "ChromeOS" },
            new String[] { "windows", "Windows" }, new String[] { "mac os x", "macOS" },
            new String[] { "linux", "Linux" });

    /**
     * A short name of the device, from its {@code User-Agent}: "Firefox on Windows", say, or "API client" for
     * anything that is not a browser we know (curl, an SDK, a script).
     */
    public String device() {
        if (this.userAgent == null) {
            return "API client";
        }
        String agent = this.userAgent.toLowerCase(Locale.ROOT);
        if (!agent.startsWith("mozilla/")) {
            return "API client";
        }
        String browser = firstFound(agent, BROWSERS);
        if (browser == null) {
            return "API client";
        }
        String system = firstFound(agent, SYSTEMS);
        return (system != null) ? browser + " on " + system : browser;
    }

    private static Instant toSecond(Instant time) {
        return (time != null) ? time.truncatedTo(ChronoUnit.SECONDS) : null;
    }

    private static String firstFound(String agent, List<String[]> names) {
        for (String[] name : names) {
            if (agent.contains(name[0])) {
                return name[1];
            }
        }
        return null;
    }

}
