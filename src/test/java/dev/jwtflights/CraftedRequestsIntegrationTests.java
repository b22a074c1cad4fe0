package dev.jwtflights;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests as an attacker writes them, byte for byte over a socket (no HTTP client tidies them up first): URLs that
 * are not normalised, a direct request for the error page, a forged {@code Host}. None gets a 500 or leaves an ERROR
 * line in the log, and no answer repeats the forged host.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(BearerTokens.class)
@ExtendWith(OutputCaptureExtension.class)
class CraftedRequestsIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    private BearerTokens bearerTokens;

    @ParameterizedTest
    @ValueSource(strings = { "/./h2-console/", "/h2-console;x=y/", "/flights/../h2-console/", "/%2e/h2-console/",
            "/h2-console/./", "/./reservation", "/reservation;x=1", "/flights/..;/h2-console/" })
    void requestWhenPathNotNormalisedThenBadRequestAndNoErrorLogged(String path, CapturedOutput output)
            throws IOException {
        for (String cookie : new String[] { null, "accessToken=" + this.bearerTokens.forUser("secret", Role.USER) }) {
            String answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + ((cookie != null) ? "Cookie: " + cookie + "\r\n" : "") + "Connection: close\r\n\r\n");

            assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 400 ");
        }
        assertThat(output).doesNotContain(" ERROR ").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/error", "/%65rror", "/%65%72%72%6f%72" })
    void errorPageWhenAskedForDirectlyThenNotFound(String path, CapturedOutput output) throws IOException {
        for (String accept : new String[] { "text/html", "application/json" }) {
            String answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 404 ");
        }
        assertThat(output).doesNotContain(" ERROR ");
    }

    @Test
    void redirectWhenHostForgedThenRelativeAndTheHostNowhere() throws IOException {
        String answer = send("GET /flights HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 302 ");
        assertThat(answer).contains("\r\nLocation: /login\r\n").doesNotContain("evil");
    }

    @Test
    void pageWhenServedThenReferrerPermissionsAndOpenerPolicies() throws IOException {
        String answer = send("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 200 ");
        assertThat(answer).contains("\r\nReferrer-Policy: strict-origin-when-cross-origin\r\n")
            .contains("\r\nCross-Origin-Opener-Policy: same-origin\r\n")
            .containsPattern("\r\nPermissions-Policy: [^\r]*camera=\\(\\)[^\r]*geolocation=\\(\\)[^\r]*microphone=\\(\\)");
    }

    @Test
    void bearerHeaderWhenItCarriesAControlCharacterThenTheFirewallRefusesIt(CapturedOutput output) throws IOException {
        String token = this.bearerTokens.forUser("secret", Role.USER);
        // Byte 0x85 reaches the application as U+0085, a C1 control character, which the firewall refuses in a header.
        String answer = send("GET /reservation HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\u0085\r\nConnection: close\r\n\r\n");
        String clean = send("GET /reservation HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");

        assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 400 ");
        assertThat(statusLine(clean)).isEqualTo("HTTP/1.1 200 ");
        assertThat(output).doesNotContain(" ERROR ");
    }

    private static String statusLine(String answer) {
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

}
