package dev.jwtflights.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sent a request, as stored with sessions and audit events: safe to store and to log.
 */
class ClientTests {

    @Test
    void ofTakesTheRemoteAddressAndTheUserAgent() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("2001:db8::1");
        request.addHeader("User-Agent", "  Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0  ");

        Client client = Client.of(request);

        assertThat(client.ipAddress()).isEqualTo("2001:db8::1");
        assertThat(client.userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
    }

    @Test
    void aUserAgentThatCouldForgeALogLineOrFillTheColumnIsMadeSafe() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("User-Agent", "evil\r\nINFO forged line " + "x".repeat(400));

        Client client = Client.of(request);

        assertThat(client.userAgent()).doesNotContain("\r", "\n").startsWith("evil??INFO forged line");
        assertThat(client.userAgent()).hasSize(Client.MAX_USER_AGENT + 3);
    }

    @Test
    void noOrABlankUserAgentIsNone() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(Client.of(request).userAgent()).isNull();
        request.addHeader("User-Agent", "   ");
        assertThat(Client.of(request).userAgent()).isNull();
    }

    @Test
    void anAddressLongerThanAnyIpAddressIsNotStored() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("x".repeat(46));

        assertThat(Client.of(request).ipAddress()).isNull();
    }

}
