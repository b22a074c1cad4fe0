package dev.jwtflights.reservation;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reservation API. Callers authenticate with a bearer access token (see the security configuration).
 */
@RestController
@RequestMapping("/reservation")
class ReservationController {

    private final ReservationRepository reservations;

    ReservationController(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<ReservationResponse> list() {
        return this.reservations.findAll(Sort.by("id")).stream().map(ReservationResponse::of).toList();
    }

}
