package dev.jwtflights.flights;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jwtflights.login.ApiTokenInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code app.api.base-url} pointing where no API listens.
 */
@SpringBootTest(properties = "app.api.base-url=http://127.0.0.1:9")
class ReservationClientUnavailableIntegrationTests {

    @Autowired
    private ReservationClient client;

    @MockitoBean
    private ApiTokenInterceptor apiTokens;

    @BeforeEach
    void sendAToken() throws IOException {
        ApiTokenStub.sendToken(this.apiTokens, "any-token");
    }

    @Test
    void flightsWhenTheConfiguredApiIsUnreachableThenUnavailable() {
        assertThatExceptionOfType(ReservationClient.ApiUnavailableException.class)
            .isThrownBy(() -> this.client.flights());
    }

}
