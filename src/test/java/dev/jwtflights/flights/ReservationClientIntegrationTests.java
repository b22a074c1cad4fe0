package dev.jwtflights.flights;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jwtflights.auth.TokenService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pages' API client against the real API of this same application, over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReservationClientIntegrationTests {

    @Autowired
    private ReservationClient client;

    @Autowired
    private TokenService tokens;

    @Test
    void flightsWithAValidTokenThenTheSeededReservations() {
        List<Flight> flights = this.client.flights(this.tokens.issue("secret", List.of("USER"), "s").value());

        assertThat(flights).hasSizeGreaterThanOrEqualTo(8);
        assertThat(flights.get(0)).isEqualTo(new Flight(1L, "Ada Lovelace", "London", "Paris"));
    }

    @Test
    void flightsWithARefusedTokenThenUnauthorized() {
        assertThatExceptionOfType(ReservationClient.ApiUnauthorizedException.class)
            .isThrownBy(() -> this.client.flights("not-a-token"));
    }

}
