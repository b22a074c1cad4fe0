package dev.jwtflights.reservation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReservationRepository extends JpaRepository<Reservation, Long> {

    /**
     * Replaces the fields of a reservation in one statement.
     * @return 1, or 0 if there is no such reservation (also when it was deleted meanwhile)
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE Reservation r SET r.name = :name, r.startLocation = :startLocation, r.endLocation = :endLocation "
            + "WHERE r.id = :id")
    int replace(Long id, String name, String startLocation, String endLocation);

    /**
     * Deletes a reservation in one statement.
     * @return 1, or 0 if there is no such reservation (also when it was deleted meanwhile)
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("DELETE FROM Reservation r WHERE r.id = :id")
    int remove(Long id);

}
