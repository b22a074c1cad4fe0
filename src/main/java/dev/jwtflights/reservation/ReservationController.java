package dev.jwtflights.reservation;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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

import org.springframework.data.domain.Sort;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The reservation API. Callers authenticate with a bearer access token; reading needs any role, writing needs ADMIN
 * (see the security configuration). Bodies are JSON; the mappings declare no {@code consumes}, so that another
 * content type is refused by the body reader, inside this controller, and answered 415 with a problem body.
 */
@RestController
@RequestMapping(path = "/reservation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reservations", description = "Flight reservations: anyone signed in reads, an ADMIN writes")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "No access token, or an invalid or expired one "
        + "(WWW-Authenticate: Bearer)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ApiProblem.class)))
class ReservationController {

    private static final Logger log = LoggerFactory.getLogger(ReservationController.class);

    private final ReservationRepository reservations;

    ReservationController(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "List all reservations")
    @ApiResponse(responseCode = "200", description = "The reservations, by id",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ReservationResponse.class))))
    List<ReservationResponse> list() {
        return this.reservations.findAll(Sort.by("id")).stream().map(ReservationResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "Get one reservation")
    @ApiResponse(responseCode = "200", description = "The reservation")
    @ApiResponse(responseCode = "404", description = "No such reservation", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    ReservationResponse get(@PathVariable long id) {
        return this.reservations.findById(id).map(ReservationResponse::of).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Create a reservation (ADMIN)")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "400", description = "Invalid fields (listed in 'errors') or malformed JSON",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "403", description = "Not an ADMIN (WWW-Authenticate: Bearer "
            + "error=\"insufficient_scope\")", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
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
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{id}")
            .buildAndExpand(saved.getId())
            .toUri();
        return ResponseEntity.created(location).body(ReservationResponse.of(saved));
    }

    @PutMapping("/{id}")
    @Transactional
    @Operation(summary = "Replace a reservation (ADMIN)")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "400", description = "Invalid fields (listed in 'errors') or malformed JSON",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "403", description = "Not an ADMIN", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "404", description = "No such reservation", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "413", description = "Body larger than 16 KB", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    ReservationResponse replace(@PathVariable long id, @Valid @RequestBody ReservationRequest request,
            Authentication authentication) {
        if (this.reservations.replace(id, request.name(), request.startLocation(), request.endLocation()) == 0) {
            throw notFound(id);
        }
        log.info("Reservation {} replaced by '{}'", id, authentication.getName());
        return new ReservationResponse(id, request.name(), request.startLocation(), request.endLocation());
    }

    @DeleteMapping("/{id}")
    @Transactional
    @Operation(summary = "Delete a reservation (ADMIN)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Not an ADMIN", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "404", description = "No such reservation", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<Void> delete(@PathVariable long id, Authentication authentication) {
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
