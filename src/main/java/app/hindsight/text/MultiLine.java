package app.hindsight.text;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A string that may span lines: line feeds, CR LF and tabs, but no other control character (see
 * {@link Text#refusedInText}). For notes, quotes, criteria and descriptions; everything else is {@link SingleLine}.
 * Null is valid.
 */
@Documented
@Constraint(validatedBy = MultiLine.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface MultiLine {

    String message() default "must not contain control characters other than line feeds and tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MultiLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Messages.valid(value == null ? null : Text.refusedInText(value), context);
        }
    }
}
