package dev.jwtflights.reservation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The rule for every text field of a reservation, checked after the field was trimmed: present, 1 to
 * {@value ReservationRequest#MAX_LENGTH} characters, no control characters, no bidirectional overrides or isolates, no
 * unpaired surrogate halves. Each broken part is reported with its own message for the field.
 * <p>
 * It is one constraint of our own, not {@code @NotNull}, {@code @Size} and {@code @Pattern} on each field, so that
 * the API description states the rule in words: springdoc would turn those into a JSON Schema {@code maxLength} and
 * {@code pattern}, which a client applies before trimming, where they mean something else.
 */
@Constraint(validatedBy = ReservationText.Validator.class)
@Documented
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface ReservationText {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the rule; a field that breaks several parts of it gets one message per part. */
    class Validator implements ConstraintValidator<ReservationText, String> {

        private static final Pattern NO_CONTROL_CHARACTERS = Pattern.compile(ReservationRequest.NO_CONTROL_CHARACTERS);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            if (value == null) {
                return refused(context, ReservationRequest.REQUIRED);
            }
            boolean valid = true;
            if (value.isEmpty() || value.length() > ReservationRequest.MAX_LENGTH) {
                valid = refused(context, ReservationRequest.LENGTH);
            }
            if (!NO_CONTROL_CHARACTERS.matcher(value).matches()) {
                valid = refused(context, ReservationRequest.CONTROL_CHARACTERS);
            }
            return valid;
        }

        private static boolean refused(ConstraintValidatorContext context, String message) {
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }

    }

}
