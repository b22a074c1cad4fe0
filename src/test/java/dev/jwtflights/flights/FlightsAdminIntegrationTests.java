package dev.jwtflights.flights;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import dev.jwtflights.test.tokens.BearerTokens;
import dev.jwtflights.users.Role;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The flights page's admin controls. The page runs in MockMvc; it calls the API over real HTTP on the random port,
 * with the signed-in user's own access token, exactly as in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, BearerTokens.class })
@ExtendWith(OutputCaptureExtension.class)
class FlightsAdminIntegrationTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private BearerTokens bearerTokens;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void flightsWhenAdminThenAddFormAndDeleteButtons() {
        MvcTestResult result = this.mvc.get().uri("/flights").cookie(admin()).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
            .contains("action=\"/flights/add\"", "name=\"_csrf\"", "Add a reservation", "<label for=\"reservation-name\"")
            .containsPattern("action=\"/flights/\\d+/delete\"")
            .doesNotContain("aria-invalid");
    }

    @Test
    void flightsWhenUserThenNoAdminControls() {
        MvcTestResult result = this.mvc.get().uri("/flights").cookie(user()).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("Ada Lovelace").doesNotContain("/flights/add", "/delete", "Add a reservation");
    }

    @Test
    void addWhenAdminThenRedirectedAndListed() {
        String name = "Added " + UUID.randomUUID();

        MvcTestResult result = this.mvc.post()
            .uri("/flights/add")
            .cookie(admin())
            .with(csrf())
            .param("name", "  " + name + "  ")
            .param("startLocation", "Lisbon")
            .param("endLocation", "Porto")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights?notice=added");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE name = ?", Integer.class, name))
            .isOne();
        assertThat(this.mvc.get().uri("/flights?notice=added").cookie(admin())).bodyText()
            .contains("The reservation was added.", name);
    }

    @Test
    void addWhenNameIsMarkupThenShownEscaped() {
        MvcTestResult added = this.mvc.post()
            .uri("/flights/add")
            .cookie(admin())
            .with(csrf())
            .param("name", "<script>alert(1)</script>")
            .param("startLocation", "<b>Bold</b>")
            .param("endLocation", "\"quoted\" & more")
            .exchange();
        assertThat(added).hasStatus(HttpStatus.FOUND);

        for (Cookie viewer : List.of(admin(), user())) {
            MvcTestResult page = this.mvc.get().uri("/flights").cookie(viewer).exchange();

            assertThat(page).bodyText()
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Bold&lt;/b&gt;", "&quot;quoted&quot; &amp; more")
                .doesNotContain("<script>alert(1)</script>", "<b>Bold</b>");
        }
    }

    @Test
    void addWhenFieldsInvalidThenApiErrorsShownOnThePage() {
        MvcTestResult result = this.mvc.post()
            .uri("/flights/add")
            .cookie(admin())
            .with(csrf())
            .param("name", "   ")
            .param("startLocation", "x".repeat(101))
            .param("endLocation", "<i>Pa\u0007ris</i>")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyText()
            .contains("The reservation was not added",
                    "Name must be 1 to 100 characters long, not counting spaces around it",
                    "Start location must be 1 to 100 characters long, not counting spaces around it",
                    "End location must not contain control characters",
                    "value=\"" + "x".repeat(101) + "\"",
                    "&lt;i&gt;Pa",
                    "aria-describedby=\"reservation-name-error\"",
                    "aria-invalid=\"true\"")
            .doesNotContain("<i>Pa");
    }

    @Test
    void addWhenFieldsFarTooLongForTheApiThenTooLongNoticeNotUnavailable(CapturedOutput output) {
        MvcTestResult result = this.mvc.post()
            .uri("/flights/add")
            .cookie(admin())
            .with(csrf())
            .param("name", "x".repeat(20_000))
            .param("startLocation", "A")
            .param("endLocation", "B")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights?notice=too-long");
        assertThat(this.mvc.get().uri("/flights?notice=too-long").cookie(admin())).bodyText()
            .contains("its fields are too long");
        assertThat(output).doesNotContain(" ERROR ").doesNotContain("The reservation API is unavailable");
    }

    @Test
    void addWhenUserThenForbiddenByTheApi() {
        String name = "Not allowed " + UUID.randomUUID();

        MvcTestResult result = this.mvc.post()
            .uri("/flights/add")
            .cookie(user())
            .with(csrf())
            .param("name", name)
            .param("startLocation", "A")
            .param("endLocation", "B")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights?notice=forbidden");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE name = ?", Integer.class, name))
            .isZero();
    }

    @Test
    void addWhenNoCsrfTokenThenForbidden() {
        MvcTestResult result = this.mvc.post()
            .uri("/flights/add")
            .cookie(admin())
            .param("name", "No CSRF")
            .param("startLocation", "A")
            .param("endLocation", "B")
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE name = 'No CSRF'", Integer.class))
            .isZero();
    }

    @Test
    void deleteWhenAdminThenRemoved() {
        long id = insert("To be deleted");

        MvcTestResult result = this.mvc.post().uri("/flights/{id}/delete", id).cookie(admin()).with(csrf()).exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights?notice=deleted");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE id = ?", Integer.class, id))
            .isZero();
    }

    @Test
    void deleteWhenAlreadyGoneThenMissingNotice() {
        MvcTestResult result = this.mvc.post().uri("/flights/{id}/delete", 987_654).cookie(admin()).with(csrf()).exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights?notice=missing");
    }

    @Test
    void deleteWhenUserThenForbiddenByTheApi() {
        long id = insert("Kept");

        MvcTestResult result = this.mvc.post().uri("/flights/{id}/delete", id).cookie(user()).with(csrf()).exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/flights?notice=forbidden");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE id = ?", Integer.class, id))
            .isOne();
    }

    private long insert(String name) {
        this.jdbc.update("INSERT INTO reservation (name, start_location, end_location) VALUES (?, 'A', 'B')", name);
        return this.jdbc.queryForObject("SELECT MAX(id) FROM reservation WHERE name = ?", Long.class, name);
    }

    private Cookie admin() {
        return accessCookie("admin", Role.ADMIN);
    }

    private Cookie user() {
        return accessCookie("secret", Role.USER);
    }

    private Cookie accessCookie(String username, Role role) {
        return new Cookie("accessToken", this.bearerTokens.forUser(username, role));
    }

}
