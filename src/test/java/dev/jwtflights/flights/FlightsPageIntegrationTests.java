package dev.jwtflights.flights;

import org.junit.jupiter.api.Test;

import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.CookieJarClient.Page;
import dev.jwtflights.test.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The flights page when the API is down; the client itself is replaced. (When the API refuses the token, the browser
 * side's interceptor renews the session: tested there.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class FlightsPageIntegrationTests {

    @LocalServerPort
    private int port;

    @MockitoBean
    private ReservationClient reservations;

    private CookieJarClient loggedIn() {
        CookieJarClient browser = new CookieJarClient(this.port);
        browser.logIn("secret", "secret");
        return browser;
    }

    @Test
    void flightsWhenTheApiIsDownThenAPlainMessageAnd503() {
        CookieJarClient browser = loggedIn();
        given(this.reservations.flights())
            .willThrow(new ReservationClient.ApiUnavailableException(new ResourceAccessException("Connection refused")));

        Page page = browser.get("/flights");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("The reservation service is unavailable right now")
            .doesNotContain("Connection refused")
            .doesNotContain("Exception");
    }

}
