package dev.jwtflights.reservation;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.jwtflights.api.ApiProblem;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reservation API. Callers authenticate with a bearer access token; reading needs any role, writing needs ADMIN
 * (see the security configuration). Bodies are {@code application/json} and nothing else: the mappings say so, so
 * that Spring MVC answers any other content type with 415 and an {@code Accept} that names JSON alone.
 */
@RestController
@RequestMapping(path = "/reservation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reservations", description = "Flight reservations: anyone signed in reads, an ADMIN writes")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "oauth2")
@ApiResponse(responseCode = "401", description = "No access token, or an invalid or expired one",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer, with error=\"invalid_token\" "
                + "for a refused token, and resource_metadata", schema = @Schema(type = "string")),
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ApiProblem.class)))
@ApiResponse(responseCode = "406", description = "Accept names no JSON type", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
@ApiResponse(responseCode = "500", description = "An unexpected error (the detail is in the server's log)",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ApiProblem.class)))
class ReservationController {

    private static final Logger log = LoggerFactory.getLogger(ReservationController.class);

    private static final String BAD_ID = "An id that is not a whole number";

    private static final String NOT_ADMIN = "Not an ADMIN";

    private static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\"";

    private final ReservationRepository reservations;

    private final ReservationReads reads;

    ReservationController(ReservationRepository reservations, ReservationReads reads) {
        this.reservations = reservations;
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "List all reservations", description = "Every reservation, ordered by id. Any signed-in "
            + "user may read them.")
    @ApiResponse(responseCode = "200", description = "The reservations, by id",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ReservationResponse.class))))
    List<ReservationResponse> list() {
        return this.reads.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one reservation", description = "The reservation with this id. Any signed-in user may "
            + "read it.")
    @ApiResponse(responseCode = "200", description = "The reservation")
    @ApiResponse(responseCode = "400", description = BAD_ID, content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "404", description = "No such reservation", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    ReservationResponse get(@Parameter(example = "1") @PathVariable long id) {
        return this.reads.byId(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(summary = "Create a reservation (ADMIN)", description = "Adds a reservation and answers it with "
            + "its new id; Location names its URL. Only an ADMIN may write.")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.LOCATION,
            description = "The new reservation's path", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", description = "Invalid fields (listed in 'errors') or malformed JSON",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "403", description = NOT_ADMIN, headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE,
            description = INSUFFICIENT_SCOPE, schema = @Schema(type = "string")), content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "413", description = "Body larger than 16 KB", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<ReservationResponse> create(@Valid @RequestBody ReservationRequest request,
            Authentication authentication) {
        Reservation saved = this.reservations
            .save(new Reservation(request.name(), request.startLocation(), request.endLocation()));
        log.info("Reservation {} created by '{}'", saved.getId(), authentication.getName());
        // Relative (RFC 9110 section 10.2.2): a Location never repeats the request's Host header.
        return ResponseEntity.created(URI.create("/reservation/" + saved.getId())).body(ReservationResponse.of(saved));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(summary = "Replace a reservation (ADMIN)", description = "Replaces every field of the reservation "
            + "with this id. Only an ADMIN may write.")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "400", description = "Invalid fields (listed in 'errors'), malformed JSON, or "
            + BAD_ID,
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "403", description = NOT_ADMIN, headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE,
            description = INSUFFICIENT_SCOPE, schema = @Schema(type = "string")), content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "404", description = "No such reservation", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "413", description = "Body larger than 16 KB", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    ReservationResponse replace(@Parameter(example = "1") @PathVariable long id,
            @Valid @RequestBody ReservationRequest request,
            Authentication authentication) {
        if (this.reservations.replace(id, request.name(), request.startLocation(), request.endLocation()) == 0) {
            throw notFound(id);
        }
        log.info("Reservation {} replaced by '{}'", id, authentication.getName());
        return new ReservationResponse(id, request.name(), request.startLocation(), request.endLocation());
    }

    @DeleteMapping("/{id}")
    @Transactional
    @Operation(summary = "Delete a reservation (ADMIN)", description = "Removes the reservation with this id. Only "
            + "an ADMIN may write.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = BAD_ID, content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "403", description = NOT_ADMIN, headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE,
            description = INSUFFICIENT_SCOPE, schema = @Schema(type = "string")), content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "404", description = "No such reservation", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<Void> delete(@Parameter(example = "1") @PathVariable long id, Authentication authentication) {
        if (this.reservations.remove(id) == 0) {
            throw notFound(id);
        }
        log.info("Reservation {} deleted by '{}'", id, authentication.getName());
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No reservation with id " + id + ".");
    }

}
