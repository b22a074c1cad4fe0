package dev.jwtflights.flights;

import java.io.IOException;
import java.util.List;

import dev.jwtflights.login.ApiTokenInterceptor;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' API client against the real API of this same application, over HTTP. (Which token it sends, and what
 * happens when the API refuses it, is the browser side's interceptor's business, tested there.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BearerTokens.class)
class ReservationClientIntegrationTests {

    @Autowired
    private ReservationClient client;

    @Autowired
    private BearerTokens bearerTokens;

    @MockitoBean
    private ApiTokenInterceptor apiTokens;

    @Test
    void flightsWithAValidTokenThenTheSeededReservations() throws IOException {
        ApiTokenStub.sendToken(this.apiTokens, this.bearerTokens.forRole(Role.USER));

        List<Flight> flights = this.client.flights();

        assertThat(flights).hasSizeGreaterThanOrEqualTo(8);
        assertThat(flights.get(0)).isEqualTo(new Flight(1L, "Ada Lovelace", "London", "Paris"));
    }

}
