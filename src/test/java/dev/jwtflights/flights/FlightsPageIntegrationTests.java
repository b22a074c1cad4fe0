package dev.jwtflights.flights;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.jwtflights.system.CookieJarClient;
import dev.jwtflights.system.CookieJarClient.Page;
import dev.jwtflights.system.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;

/**
 * The flights page when the API refuses the token or is down; the client itself is replaced.
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
    void flightsWhenTheApiRefusesTheTokenThenRenewsOnceAndShowsThePage() {
        CookieJarClient browser = loggedIn();
        String oldAccess = browser.cookie("accessToken").orElseThrow();
        given(this.reservations.flights(anyString())).willThrow(new ReservationClient.ApiUnauthorizedException())
            .willReturn(List.of(new Flight(7L, "Katherine Johnson", "Hampton", "Houston")));

        Page page = browser.get("/flights");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Katherine Johnson");
        String newAccess = browser.cookie("accessToken").orElseThrow();
        assertThat(newAccess).isNotEqualTo(oldAccess);
        ArgumentCaptor<String> tokens = ArgumentCaptor.forClass(String.class);
        then(this.reservations).should(times(2)).flights(tokens.capture());
        assertThat(tokens.getAllValues()).containsExactly(oldAccess, newAccess);
    }

    @Test
    void flightsWhenTheApiRefusesTheRenewedTokenTooThenLoginPage() {
        CookieJarClient browser = loggedIn();
        given(this.reservations.flights(anyString())).willThrow(new ReservationClient.ApiUnauthorizedException());

        Page page = browser.get("/flights");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).hasValueSatisfying((location) -> assertThat(location).contains("/login"));
        then(this.reservations).should(times(2)).flights(anyString());
    }

    @Test
    void flightsWhenTheApiIsDownThenAPlainMessageAnd503() {
        CookieJarClient browser = loggedIn();
        given(this.reservations.flights(anyString()))
            .willThrow(new ReservationClient.ApiUnavailableException(new ResourceAccessException("Connection refused")));

        Page page = browser.get("/flights");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("The reservation service is unavailable right now")
            .doesNotContain("Connection refused")
            .doesNotContain("Exception");
    }

}
