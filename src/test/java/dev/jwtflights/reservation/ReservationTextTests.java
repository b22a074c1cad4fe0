package dev.jwtflights.reservation;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationTextTests {

    private static ValidatorFactory factory;

    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void validateWhenEveryFieldWithinTheRuleThenNoViolation() {
        assertThat(messages(new ReservationRequest("x".repeat(100), " Paris ", "Zürich – Genève"))).isEmpty();
    }

    @Test
    void validateWhenMissingThenRequiredOnly() {
        assertThat(messages(new ReservationRequest(null, "a", "b"))).containsExactly("name: is required");
    }

    @Test
    void validateWhenEmptyAfterTrimmingOrTooLongThenLength() {
        assertThat(messages(new ReservationRequest("   ", "a", "x".repeat(101))))
            .containsExactlyInAnyOrder("name: " + ReservationRequest.LENGTH, "endLocation: " + ReservationRequest.LENGTH);
    }

    @Test
    void validateWhenControlOrBidiCharacterThenControlCharacters() {
        assertThat(messages(new ReservationRequest("a\u0007b", "a\u202Eb", "a\uD800b"))).containsExactlyInAnyOrder(
                "name: " + ReservationRequest.CONTROL_CHARACTERS,
                "startLocation: " + ReservationRequest.CONTROL_CHARACTERS,
                "endLocation: " + ReservationRequest.CONTROL_CHARACTERS);
    }

    @Test
    void validateWhenTooLongAndControlCharacterThenBothMessagesForTheField() {
        assertThat(messages(new ReservationRequest("\u0000".repeat(101), "a", "b"))).containsExactlyInAnyOrder(
                "name: " + ReservationRequest.LENGTH, "name: " + ReservationRequest.CONTROL_CHARACTERS);
    }

    private static List<String> messages(ReservationRequest request) {
        return validator.validate(request)
            .stream()
            .map((ConstraintViolation<ReservationRequest> violation) -> violation.getPropertyPath() + ": "
                    + violation.getMessage())
            .toList();
    }

}
