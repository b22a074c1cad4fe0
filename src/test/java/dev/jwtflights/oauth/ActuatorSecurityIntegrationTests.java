package dev.jwtflights.oauth;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator on the API's bearer chain: health is public and says UP and nothing else; every other endpoint wants
 * an ADMIN access token (none: 401, a USER's: 403), and no cookie or session is made.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(BearerTokens.class)
class ActuatorSecurityIntegrationTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private BearerTokens bearerTokens;

    @Autowired
    private ObservationRegistry observations;

    @Test
    void observationsWhenSpringSecuritysThenOffAndEveryRequestStillTimed() {
        assertThat(Observation.start("spring.security.filterchains", this.observations).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.authorizations", this.observations).isNoop()).isTrue();
        Observation request = Observation.start("http.server.requests", this.observations);
        assertThat(request.isNoop()).isFalse();
        request.stop();
    }

    @Test
    void healthWhenAnonymousThenUpAndNoDetails() {
        MvcTestResult result = this.mvc.get().uri("/actuator/health").exchange();

        assertThat(result).hasStatusOk().bodyJson().isEqualTo("{\"status\":\"UP\"}");
        assertThat(result.getResponse().getCookies()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus" })
    void endpointWhenNoTokenThenUnauthorizedWithBearerChallenge(String path) {
        MvcTestResult result = this.mvc.get().uri(path).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).headers().hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus" })
    void endpointWhenUserTokenThenForbidden(String path) {
        assertThat(this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, this.bearerTokens.header(Role.USER)))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus" })
    void endpointWhenAdminTokenThenOk(String path) {
        assertThat(this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, this.bearerTokens.header(Role.ADMIN)))
            .hasStatusOk();
    }

    @Test
    void endpointWhenInvalidTokenThenUnauthorized() {
        assertThat(this.mvc.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token"))
            .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthWhenAdminThenStillStatusOnly() {
        assertThat(this.mvc.get()
            .uri("/actuator/health")
            .header(HttpHeaders.AUTHORIZATION, this.bearerTokens.header(Role.ADMIN))).hasStatusOk()
            .bodyJson()
            .isEqualTo("{\"status\":\"UP\"}");
    }

}
