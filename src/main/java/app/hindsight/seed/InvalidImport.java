package app.hindsight.seed;

import java.util.List;

import app.hindsight.shared.DomainException;
import app.hindsight.shared.FieldError;

/** An import with invalid items: nothing was imported; {@link #errors()} names each bad item (index) and field. */
public class InvalidImport extends DomainException {

    private final List<FieldError> errors;

    public InvalidImport(List<FieldError> errors) {
        super(
                422,
                "invalid-import",
                "The import is not valid",
                errors.stream().map(FieldError::index).distinct().count()
                        + " item(s) are invalid; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
