package dev.jwtflights.passkeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import dev.jwtflights.test.Browser;
import dev.jwtflights.test.BrowserTest;
import dev.jwtflights.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person adds a passkey and signs in with it alone, in Chromium with a virtual authenticator (resident keys, user
 * verification): the session that starts is a password session's twin, renewed silently once its access token has
 * expired. The application listens on a port chosen before it starts, so that the allowed origin can name it.
 */
@BrowserTest
class PasskeyBrowserTests {

    private static final int PORT = freePort();

    @Autowired
    private MutableClock clock;

    @Value("${app.jwt.access-token-ttl}")
    private Duration accessTokenTtl;

    @DynamicPropertySource
    static void origin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("app.passkeys.rp-id", () -> "localhost");
        registry.add("app.passkeys.allowed-origins", () -> "http://localhost:" + PORT);
    }

    @Test
    void signInWithPasskeyWhenAddedOnTheAccountPageThenFlightsAndSilentRefresh() {
        try (Browser user = Browser.open(PORT)) {
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) user.driver())
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true));
            user.signIn("secret", "secret");
            assertThat(user.find(By.id("sign-in-method")).getText()).isEqualTo("a password");

            user.find(By.id("account-passkeys-link")).click();
            user.find(By.id("passkey-label")).sendKeys("Virtual authenticator");
            user.find(By.id("add-passkey-button")).click();
            assertThat(user.find(By.id("notice")).getText()).startsWith("The passkey was added.");
            assertThat(user.find(By.cssSelector("#passkeys .passkey-label")).getText())
                .isEqualTo("Virtual authenticator");
            assertThat(authenticator.getCredentials()).hasSize(1);
            user.screenshot("account-passkeys");

            user.find(By.id("sign-out")).click();
            user.waiting().until((driver) -> user.path().startsWith("/login"));
            user.find(By.id("passkey-sign-in"));
            user.screenshot("login-passkey");
            user.find(By.id("passkey-sign-in")).click();

            assertSeesFlights(user);
            assertThat(user.find(By.id("sign-in-method")).getText()).isEqualTo("a passkey");
            assertThat(user.cookie("refreshToken")).isNotBlank();
            String firstId = user.find(By.id("access-token-id")).getText();

            this.clock.advance(this.accessTokenTtl.plusSeconds(1));
            user.reload();

            assertSeesFlights(user);
            assertThat(user.find(By.id("access-token-id")).getText()).isNotEqualTo(firstId);
            assertThat(user.find(By.id("renewals")).getText()).isEqualTo("once");
            assertThat(user.find(By.id("sign-in-method")).getText()).isEqualTo("a passkey");
            assertThat(user.consoleMessages()).noneMatch((message) -> message.contains("Content Security Policy"));
        }
    }

    private static void assertSeesFlights(Browser browser) {
        browser.find(By.cssSelector("table tbody tr"));
        assertThat(browser.path()).isEqualTo("/flights");
        assertThat(browser.title()).isEqualTo("Flights · jwt-flights");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
