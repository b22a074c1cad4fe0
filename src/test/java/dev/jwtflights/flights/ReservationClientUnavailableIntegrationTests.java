package dev.jwtflights.flights;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code app.api.base-url} pointing where no API listens.
 */
@SpringBootTest(properties = "app.api.base-url=http://127.0.0.1:9")
class ReservationClientUnavailableIntegrationTests {

    @Autowired
    private ReservationClient client;

    @Test
    void flightsWhenTheConfiguredApiIsUnreachableThenUnavailable() {
        assertThatExceptionOfType(ReservationClient.ApiUnavailableException.class)
            .isThrownBy(() -> this.client.flights("any-token"));
    }

}
