package dev.jwtflights.reservation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The API's reads: one SQL statement each, straight into the records the API answers with. No entity is loaded, no
 * persistence context or transaction is opened for them: a single {@code SELECT} sees one consistent state of the
 * table by itself, and it is made on every request, so a reservation added or deleted (through any instance, or in
 * SQL) is in the very next answer. There is nothing to invalidate, because nothing is kept.
 * <p>
 * Writes stay with JPA ({@link ReservationRepository}); both name the same table and columns, which the Flyway
 * migrations create.
 */
@Component
class ReservationReads {

    private static final String SELECT = "SELECT id, name, start_location, end_location FROM reservation";

    private static final RowMapper<ReservationResponse> RESERVATION = (row, number) -> new ReservationResponse(
            row.getLong(1), row.getString(2), row.getString(3), row.getString(4));

    private final JdbcClient jdbc;

    ReservationReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every reservation, by id. */
    List<ReservationResponse> all() {
        return this.jdbc.sql(SELECT + " ORDER BY id").query(RESERVATION).list();
    }

    /** The reservation with this id, if there is one. */
    Optional<ReservationResponse> byId(long id) {
        return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(RESERVATION).optional();
    }

}
