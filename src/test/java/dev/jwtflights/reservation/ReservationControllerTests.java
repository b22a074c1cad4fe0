package dev.jwtflights.reservation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import dev.jwtflights.test.WebSecurityTestConfiguration;
import dev.jwtflights.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reservation API behind the real bearer-token chain, with tokens minted by our own token service.
 */
@WebMvcTest(ReservationController.class)
@Import({ WebSecurityTestConfiguration.class, BearerTokens.class })
@MockitoBean(types = Sessions.class)
class ReservationControllerTests {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private BearerTokens bearerTokens;

    @Autowired
    private MutableClock clock;

    @MockitoBean
    private ReservationRepository reservations;

    @MockitoBean
    private ReservationReads reads;

    @BeforeEach
    void someFlights() {
        given(this.reads.all()).willReturn(
                List.of(new ReservationResponse(1L, "Ada Lovelace", "London", "Paris"),
                        new ReservationResponse(2L, "Alan Turing", "Manchester", "Zurich")));
    }

    private String token(String role) {
        return this.bearerTokens.forRole(Role.valueOf(role));
    }

    @ParameterizedTest
    @ValueSource(strings = { "USER", "ADMIN" })
    void listWithAValidTokenThenTheReservationsAsJson(String role) throws Exception {
        this.mvc.perform(get("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(role)))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.length()").value(2))
            .andExpect(jsonPath("$[0].name").value("Ada Lovelace"))
            .andExpect(jsonPath("$[0].startLocation").value("London"))
            .andExpect(jsonPath("$[0].endLocation").value("Paris"))
            .andExpect(jsonPath("$[0].id").hasJsonPath())
            .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void listWithAValidTokenThenNoSessionIsCreated() throws Exception {
        MvcResult result = this.mvc
            .perform(get("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("USER")))
            .andExpect(status().isOk())
            .andReturn();

        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void listWithoutATokenThen401WithABearerChallenge() throws Exception {
        this.mvc.perform(get("/reservation"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(401))
            .andExpect(header().doesNotExist(HttpHeaders.LOCATION));
    }

    @Test
    void listWithBasicCredentialsThen401WithABearerChallenge() throws Exception {
        String basic = Base64.getEncoder().encodeToString("secret:secret".getBytes(StandardCharsets.UTF_8));

        this.mvc.perform(get("/reservation").header(HttpHeaders.AUTHORIZATION, "Basic " + basic))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING));
    }

    @Test
    void listWithTheAccessTokenOnlyInACookieThen401() throws Exception {
        this.mvc.perform(get("/reservation").cookie(new Cookie("accessToken", token("USER"))))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING));
    }

    @Test
    void listWithAnExpiredTokenThen401InvalidToken() throws Exception {
        String token = token("USER");
        this.clock.advance(Duration.ofSeconds(61));

        assertRefused(token);
    }

    @Test
    void listWithATamperedTokenThen401InvalidToken() throws Exception {
        String token = token("USER");

        assertRefused(token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA"));
    }

    @Test
    void listWithAnUnsignedTokenThen401InvalidToken() throws Exception {
        String token = token("ADMIN");
        String header = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(header + token.substring(token.indexOf('.'), token.lastIndexOf('.') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.", "Bearer x" })
    void listWithAMalformedTokenThen401InvalidToken(String token) throws Exception {
        assertRefused(token);
    }

    @Test
    void listWithAnOversizedTokenThen401InvalidToken() throws Exception {
        assertRefused("a".repeat(9000));
    }

    @Test
    void refusalsNameNeitherTheTokenNorTheReason() throws Exception {
        String token = token("USER");
        this.clock.advance(Duration.ofMinutes(2));

        this.mvc.perform(get("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
            .andExpect(status().isUnauthorized())
            .andExpect(content().string(not(containsString(token))))
            .andExpect(content().string(not(containsString("Exception"))))
            .andExpect(content().string(not(containsString("expired at"))));
    }

    @Test
    void listWhenTheDatabaseFailsThenServiceUnavailableWithoutDetails() throws Exception {
        given(this.reads.all())
            .willThrow(new org.springframework.dao.DataAccessResourceFailureException("connection refused to db-7"));

        this.mvc.perform(get("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("USER")))
            .andExpect(status().isServiceUnavailable())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(content().string(not(containsString("db-7"))))
            .andExpect(content().string(not(containsString("Exception"))));
    }

    private void assertRefused(String token) throws Exception {
        this.mvc.perform(get("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INVALID_TOKEN))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

}
