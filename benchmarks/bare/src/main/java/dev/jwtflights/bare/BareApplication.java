package dev.jwtflights.bare;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare endpoint that jwt-flights is measured against: the same reservations as the application's sample data, as
 * the same JSON, from memory. Jackson still writes the answer on every request, as in the application.
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    record Reservation(Long id, String name, String startLocation, String endLocation) {
    }

    @RestController
    static class ReservationController {

        private static final List<Reservation> RESERVATIONS = List.of(
                new Reservation(1L, "Ada Lovelace", "London", "Paris"),
                new Reservation(2L, "Alan Turing", "Manchester", "Zurich"),
                new Reservation(3L, "Grace Hopper", "New York", "San Francisco"),
                new Reservation(4L, "Edsger Dijkstra", "Amsterdam", "Austin"),
                new Reservation(5L, "Barbara Liskov", "Boston", "Lisbon"),
                new Reservation(6L, "Donald Knuth", "Stanford", "Oslo"),
                new Reservation(7L, "Margaret Hamilton", "Houston", "Cape Canaveral"),
                new Reservation(8L, "Tony Hoare", "Oxford", "Moscow"),
                new Reservation(9L, "Frances Allen", "New York", "Beijing"),
                new Reservation(10L, "Niklaus Wirth", "Zurich", "Palo Alto"));

        @GetMapping(path = "/reservation", produces = MediaType.APPLICATION_JSON_VALUE)
        List<Reservation> list() {
            return RESERVATIONS;
        }

    }

}
