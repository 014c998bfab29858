package app.hindsight.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Runs Bean Validation on request records explicitly, so a create, a re-validation after a merge patch
 * and each item of an import report errors the same way.
 */
@ApplicationScoped
public class Validation {

    @Inject
    Validator validator;

    public <T> List<FieldError> errors(T body) {
        if (body == null) {
            return List.of(new FieldError("body", "must not be empty"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(body)) {
            errors.add(new FieldError(field(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    public <T> void require(T body) {
        List<FieldError> errors = errors(body);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** "topics[2]" and "target.date", the way a client wrote them. */
    public static String field(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null && sb.length() > 0 && sb.charAt(sb.length() - 1) != ']') {
                sb.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(name);
        }
        return sb.toString();
    }
}
