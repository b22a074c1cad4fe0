package dev.jwtflights.sessions;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short device names of the session pages, from real browsers' {@code User-Agent} headers.
 */
class ActiveSessionTests {

    @Test
    void browsersAreNamedWithTheirSystem() {
        assertThat(device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome on Windows");
        assertThat(device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
        assertThat(device("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"))
            .isEqualTo("Firefox on Linux");
        assertThat(device("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.5 Safari/605.1.15")).isEqualTo("Safari on macOS");
        assertThat(device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
        assertThat(device("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
        assertThat(device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0")).isEqualTo("Opera on Windows");
        assertThat(device("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome on ChromeOS");
    }

    @Test
    void aBrowserOnAnUnknownSystemIsNamedAlone() {
        assertThat(device("Mozilla/5.0 (Haiku) Gecko/20100101 Firefox/133.0")).isEqualTo("Firefox");
    }

    @Test
    void anythingElseIsAnApiClient() {
        assertThat(device("curl/8.5.0")).isEqualTo("API client");
        assertThat(device("Java-http-client/17.0.13")).isEqualTo("API client");
        assertThat(device("python-requests/2.32.3")).isEqualTo("API client");
        assertThat(device("Mozilla/5.0 (compatible; SomeBot/1.0)")).isEqualTo("API client");
        assertThat(device(null)).isEqualTo("API client");
    }

    @Test
    void timesAreKeptToTheSecond() {
        Instant time = Instant.parse("2026-11-30T10:15:30.123456Z");

        ActiveSession session = new ActiveSession("s", "u", null, null, time, null, time);

        assertThat(session.signedInAt()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
        assertThat(session.lastRenewedAt()).isNull();
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
    }

    private static String device(String userAgent) {
        Instant now = Instant.now();
        return new ActiveSession("session", "user", userAgent, "127.0.0.1", now, null, now).device();
    }

}
