package app.hindsight.digest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An address whose local part (before the last @) is ASCII. Mail to any other needs SMTPUTF8 from every server on
 * the way, which the mailer does not use; so such an address is refused rather than sent to in a form that may
 * reach someone else or nobody. An address without @ is left to {@code @Email}.
 */
@Documented
@Constraint(validatedBy = AsciiLocalPart.Validator.class)
@Target({METHOD, FIELD, PARAMETER})
@Retention(RUNTIME)
@interface AsciiLocalPart {

    String message() default
            "must have an ASCII local part (before the @): mail to addresses that need SMTPUTF8 is not supported";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AsciiLocalPart, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            int at = value == null ? -1 : value.lastIndexOf('@');
            return at < 0 || value.substring(0, at).chars().allMatch(c -> c < 0x80);
        }
    }
}
