package app.hindsight.text;

import jakarta.validation.ConstraintValidatorContext;

/** The validators' violations say what was found and where, rather than the annotation's fixed message. */
final class Messages {

    private Messages() {}

    static boolean valid(String refusal, ConstraintValidatorContext context) {
        if (refusal == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // A message template interpolates {...} and ${...}; a refusal holds neither, but is escaped all the same.
        context.buildConstraintViolationWithTemplate(refusal.replaceAll("([{}$\\\\])", "\\\\$1"))
                .addConstraintViolation();
        return false;
    }
}
