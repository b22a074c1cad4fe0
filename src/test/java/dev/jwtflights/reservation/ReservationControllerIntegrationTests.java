package dev.jwtflights.reservation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation API with real bearer tokens (minted by our token service for a role) and the real database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, BearerTokens.class })
class ReservationControllerIntegrationTests {

    private static final String LENGTH = "must be 1 to 100 characters long, not counting spaces around it";

    private static final String VALID = "{\"name\":\"Ada Lovelace\",\"startLocation\":\"London\",\"endLocation\":\"Paris\"}";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private BearerTokens bearerTokens;

    @Autowired
    private JsonMapper json;

    @Autowired
    private ReservationRepository reservations;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void listWhenUserThenEveryReservation() {
        Reservation saved = this.reservations.save(new Reservation("Edsger Dijkstra", "Amsterdam", "Austin"));

        MvcTestResult result = this.mvc.get().uri("/reservation").header(HttpHeaders.AUTHORIZATION, user()).exchange();

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$[*].id").asList().contains(saved.getId().intValue());
    }

    @Test
    void listWhenReservationsAreAddedAndDeletedElsewhereThenTheNextReadShowsIt() {
        // Written in SQL, as another instance (or an operator) would: nothing of this instance sees the write.
        this.jdbc.update("INSERT INTO reservation (name, start_location, end_location) VALUES (?, ?, ?)",
                "Radia Perlman", "Portsmouth", "Seattle");
        Long id = this.jdbc.queryForObject("SELECT id FROM reservation WHERE name = 'Radia Perlman'", Long.class);

        assertThat(this.mvc.get().uri("/reservation").header(HttpHeaders.AUTHORIZATION, user())).hasStatusOk()
            .bodyJson().extractingPath("$[?(@.id == " + id + ")].name").asList().containsExactly("Radia Perlman");
        assertThat(this.mvc.get().uri("/reservation/{id}", id).header(HttpHeaders.AUTHORIZATION, user()))
            .hasStatusOk().bodyJson().isStrictlyEqualTo("{\"id\":" + id
                    + ",\"name\":\"Radia Perlman\",\"startLocation\":\"Portsmouth\",\"endLocation\":\"Seattle\"}");

        this.jdbc.update("DELETE FROM reservation WHERE id = ?", id);

        assertThat(this.mvc.get().uri("/reservation").header(HttpHeaders.AUTHORIZATION, user())).hasStatusOk()
            .bodyJson().extractingPath("$[*].id").asList().doesNotContain(id.intValue());
        assertThat(this.mvc.get().uri("/reservation/{id}", id).header(HttpHeaders.AUTHORIZATION, user()))
            .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void listThenOrderedById() {
        this.reservations.save(new Reservation("Kristen Nygaard", "Oslo", "Bergen"));

        MvcTestResult result = this.mvc.get().uri("/reservation").header(HttpHeaders.AUTHORIZATION, user()).exchange();

        assertThat(result).hasStatusOk();
        List<Long> ids = this.jdbc.queryForList("SELECT id FROM reservation ORDER BY id", Long.class);
        assertThat(result).bodyJson().extractingPath("$[*].id").asList()
            .containsExactlyElementsOf(ids.stream().map(Long::intValue).toList());
    }

    @Test
    void listWhenHeadByUserThenOk() {
        assertThat(this.mvc.head().uri("/reservation").header(HttpHeaders.AUTHORIZATION, user())).hasStatusOk();
    }

    @Test
    void listWhenNoTokenThenUnauthorized() {
        MvcTestResult result = this.mvc.get().uri("/reservation").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers().hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING);
    }

    @Test
    void getWhenTokenExpiredThenInvalidToken() {
        String expired = user();
        this.clock.advance(Duration.ofSeconds(61));

        MvcTestResult result = this.mvc.get().uri("/reservation/1").header(HttpHeaders.AUTHORIZATION, expired).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).headers().hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INVALID_TOKEN);
    }

    @Test
    void getWhenReservationExistsThenOk() {
        Reservation saved = this.reservations.save(new Reservation("Grace Hopper", "New York", "Boston"));

        MvcTestResult result = this.mvc.get().uri("/reservation/{id}", saved.getId()).header(HttpHeaders.AUTHORIZATION, user()).exchange();

        assertThat(result).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"id\":" + saved.getId()
                    + ",\"name\":\"Grace Hopper\",\"startLocation\":\"New York\",\"endLocation\":\"Boston\"}");
    }

    @Test
    void getWhenReservationMissingThenNotFoundProblem() {
        MvcTestResult result = this.mvc.get().uri("/reservation/{id}", 999_999).header(HttpHeaders.AUTHORIZATION, user()).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(result)).containsEntry("status", 404).containsEntry("detail", "No reservation with id 999999.");
    }

    @Test
    void getWhenIdNotANumberThenBadRequest() {
        MvcTestResult result = this.mvc.get().uri("/reservation/abc").header(HttpHeaders.AUTHORIZATION, user()).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void getWhenNoTokenThenUnauthorized() {
        MvcTestResult result = this.mvc.get().uri("/reservation/1").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).headers().hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.MISSING);
    }

    @Test
    void createWhenAdminThenCreatedWithLocation() {
        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(), VALID);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        Map<String, Object> body = body(result);
        Long id = ((Number) body.get("id")).longValue();
        assertThat(body).containsEntry("name", "Ada Lovelace")
            .containsEntry("startLocation", "London")
            .containsEntry("endLocation", "Paris");
        assertThat(result).headers().hasSingleValue(HttpHeaders.LOCATION, "/reservation/" + id);
        assertThat(this.reservations.findById(id)).isPresent();
    }

    @Test
    void createWhenFieldsPaddedThenStoredTrimmed() {
        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(),
                "{\"name\":\"  Alan Turing \",\"startLocation\":\"\\tManchester\",\"endLocation\":\"Zurich  \"}");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        Reservation stored = this.reservations.findById(((Number) body(result).get("id")).longValue()).orElseThrow();
        assertThat(List.of(stored.getName(), stored.getStartLocation(), stored.getEndLocation()))
            .containsExactly("Alan Turing", "Manchester", "Zurich");
    }

    @Test
    void createWhenUserThenForbiddenWithInsufficientScope() {
        long before = this.reservations.count();

        MvcTestResult result = write(this.mvc.post().uri("/reservation"), user(), VALID);

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers()
            .hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INSUFFICIENT_SCOPE);
        assertThat(this.reservations.count()).isEqualTo(before);
    }

    @Test
    void createWhenNoTokenThenUnauthorized() {
        MvcTestResult result = this.mvc.post().uri("/reservation").contentType(MediaType.APPLICATION_JSON).content(VALID).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void createWhenEveryFieldMissingThenEachNamed() {
        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(), "{}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errors(result)).containsExactly(
                Map.of("field", "endLocation", "message", "is required"),
                Map.of("field", "name", "message", "is required"),
                Map.of("field", "startLocation", "message", "is required"));
    }

    @Test
    void createWhenFieldsBlankTooLongOrWithControlCharactersThenEachNamed() {
        String content = "{\"name\":\"   \",\"startLocation\":\"" + "x".repeat(101)
                + "\",\"endLocation\":\"Par\\u0000is\"}";

        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(), content);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsExactly(
                Map.of("field", "endLocation", "message", "must not contain control characters"),
                Map.of("field", "name", "message", LENGTH),
                Map.of("field", "startLocation", "message", LENGTH));
    }

    @Test
    void createWhenNameHasCharactersBeyondTheBasicPlaneThenCreated() {
        String content = "{\"name\":\"Ada \\ud83d\\ude80 Lovelace\",\"startLocation\":\"A\",\"endLocation\":\"B\"}";

        assertThat(write(this.mvc.post().uri("/reservation"), admin(), content)).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void createWhenFieldHasExactlyOneHundredCharactersAfterTrimmingThenCreated() {
        String content = "{\"name\":\"  " + "n".repeat(100) + "  \",\"startLocation\":\"A\",\"endLocation\":\"B\"}";

        assertThat(write(this.mvc.post().uri("/reservation"), admin(), content)).hasStatus(HttpStatus.CREATED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\n", "\\u007f", "\\u0085", "\\r", "\\u202e", "\\u2066", "\\ud800" })
    void createWhenFieldHasControlCharacterInsideThenRefused(String control) {
        String content = "{\"name\":\"Ada" + control + "Lovelace\",\"startLocation\":\"A\",\"endLocation\":\"B\"}";

        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(), content);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsExactly(Map.of("field", "name", "message", "must not contain control characters"));
    }

    @Test
    void createWhenFieldNotStringThenNamed() {
        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(),
                "{\"name\":42,\"startLocation\":\"A\",\"endLocation\":\"B\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errors(result)).containsExactly(Map.of("field", "name", "message", "must be a string"));
    }

    @Test
    void createWhenJsonMalformedThenBadRequest() {
        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(), "{\"name\":");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(result)).containsEntry("detail",
                "The request body is missing or not valid JSON (each field at most once).");
    }

    @Test
    void replaceWhenFieldRepeatedThenBadRequestAndNothingChanged() {
        Reservation saved = this.reservations.save(new Reservation("Barbara Liskov", "Boston", "Cambridge"));

        MvcTestResult result = write(this.mvc.put().uri("/reservation/" + saved.getId()), admin(),
                "{\"name\":\"First\",\"startLocation\":\"A\",\"endLocation\":\"B\",\"endLocation\":\"C\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(this.reservations.findById(saved.getId())).get()
            .extracting(Reservation::getName)
            .isEqualTo("Barbara Liskov");
    }

    @Test
    void createWhenFieldRepeatedThenBadRequestAndNothingStored() {
        long before = this.reservations.count();

        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(),
                "{\"name\":\"First\",\"startLocation\":\"A\",\"endLocation\":\"B\",\"name\":\"Second\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(this.reservations.count()).isEqualTo(before);
    }

    @Test
    void createWhenNotJsonThenUnsupportedMediaType() {
        MvcTestResult result = this.mvc.post()
            .uri("/reservation")
            .header(HttpHeaders.AUTHORIZATION, admin())
            .contentType(MediaType.TEXT_PLAIN)
            .content("Ada Lovelace")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void createWhenBodyOverSixteenKilobytesThenContentTooLarge() {
        String content = "{\"name\":\"" + "x".repeat(16 * 1024) + "\",\"startLocation\":\"A\",\"endLocation\":\"B\"}";

        MvcTestResult result = write(this.mvc.post().uri("/reservation"), admin(), content);

        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void replaceWhenAdminThenOk() {
        Reservation saved = this.reservations.save(new Reservation("Tony Hoare", "Oxford", "Moscow"));

        MvcTestResult result = write(this.mvc.put().uri("/reservation/{id}", saved.getId()), admin(),
                "{\"name\":\"Tony Hoare\",\"startLocation\":\"Cambridge\",\"endLocation\":\"Belfast\"}");

        assertThat(result).hasStatusOk();
        assertThat(body(result)).containsEntry("startLocation", "Cambridge").containsEntry("endLocation", "Belfast");
        assertThat(this.reservations.findById(saved.getId()))
            .hasValueSatisfying((stored) -> assertThat(stored.getStartLocation()).isEqualTo("Cambridge"));
    }

    @Test
    void replaceWhenReservationMissingThenNotFound() {
        assertThat(write(this.mvc.put().uri("/reservation/{id}", 999_999), admin(), VALID)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void replaceWhenInvalidThenBadRequestAndUnchanged() {
        Reservation saved = this.reservations.save(new Reservation("Frances Allen", "New York", "Beijing"));

        MvcTestResult result = write(this.mvc.put().uri("/reservation/{id}", saved.getId()), admin(),
                "{\"name\":\"\",\"startLocation\":\"A\",\"endLocation\":\"B\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(errors(result)).containsExactly(Map.of("field", "name", "message", LENGTH));
        assertThat(this.reservations.findById(saved.getId()))
            .hasValueSatisfying((stored) -> assertThat(stored.getName()).isEqualTo("Frances Allen"));
    }

    @Test
    void replaceWhenUserThenForbidden() {
        Reservation saved = this.reservations.save(new Reservation("Niklaus Wirth", "Zurich", "Palo Alto"));

        MvcTestResult result = write(this.mvc.put().uri("/reservation/{id}", saved.getId()), user(), VALID);

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).headers()
            .hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INSUFFICIENT_SCOPE);
        assertThat(this.reservations.findById(saved.getId()))
            .hasValueSatisfying((stored) -> assertThat(stored.getName()).isEqualTo("Niklaus Wirth"));
    }

    @Test
    void deleteWhenAdminThenNoContentAndGone() {
        Reservation saved = this.reservations.save(new Reservation("Donald Knuth", "Stanford", "Oslo"));

        MvcTestResult result = this.mvc.delete().uri("/reservation/{id}", saved.getId()).header(HttpHeaders.AUTHORIZATION, admin()).exchange();

        assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(this.reservations.findById(saved.getId())).isEmpty();
        assertThat(this.mvc.get().uri("/reservation/{id}", saved.getId()).header(HttpHeaders.AUTHORIZATION, admin()))
            .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void deleteWhenReservationMissingThenNotFound() {
        assertThat(this.mvc.delete().uri("/reservation/{id}", 999_999).header(HttpHeaders.AUTHORIZATION, admin()))
            .hasStatus(HttpStatus.NOT_FOUND)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deleteWhenUserThenForbiddenAndKept() {
        Reservation saved = this.reservations.save(new Reservation("Barbara Liskov", "Boston", "Lisbon"));

        MvcTestResult result = this.mvc.delete().uri("/reservation/{id}", saved.getId()).header(HttpHeaders.AUTHORIZATION, user()).exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).headers()
            .hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INSUFFICIENT_SCOPE);
        assertThat(this.reservations.findById(saved.getId())).isPresent();
    }

    @Test
    void deleteWhenNoTokenThenUnauthorized() {
        assertThat(this.mvc.delete().uri("/reservation/1")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MvcTestResult write(MockMvcTester.MockMvcRequestBuilder request, String authorization, String content) {
        return request.header(HttpHeaders.AUTHORIZATION, authorization)
            .contentType(MediaType.APPLICATION_JSON)
            .content(content)
            .exchange();
    }

    private String user() {
        return this.bearerTokens.header(Role.USER);
    }

    private String admin() {
        return this.bearerTokens.header(Role.ADMIN);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> errors(MvcTestResult result) {
        return (List<Map<String, Object>>) body(result).get("errors");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(MvcTestResult result) {
        try {
            return this.json.readValue(result.getResponse().getContentAsString(), Map.class);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
