package dev.jwtflights.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A flight reservation.
 */
@Entity
@Table(name = "reservation")
class Reservation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "start_location", nullable = false, length = 100)
    private String startLocation;

    @Column(name = "end_location", nullable = false, length = 100)
    private String endLocation;

    protected Reservation() {
    }

    Reservation(String name, String startLocation, String endLocation) {
        this.name = name;
        this.startLocation = startLocation;
        this.endLocation = endLocation;
    }

    Long getId() {
        return this.id;
    }

    String getName() {
        return this.name;
    }

    String getStartLocation() {
        return this.startLocation;
    }

    String getEndLocation() {
        return this.endLocation;
    }

}
