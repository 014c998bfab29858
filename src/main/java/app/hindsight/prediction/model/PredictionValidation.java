package app.hindsight.prediction.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Validation;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;

/**
 * Whether a prediction as a client writes it may be stored: Bean Validation, then the defaults its source gives
 * (speaker, madeOn), then the rules that span fields ({@link NewPredictionChecks}); every error at once.
 */
@ApplicationScoped
public class PredictionValidation {

    @Inject
    Validation validation;

    @Inject
    SourceService sources;

    /** The prediction completed with its source's defaults; an {@link InvalidInput} naming every bad field. */
    public NewPrediction validate(NewPrediction in) {
        return validate(in, sources::find);
    }

    /** As {@link #validate(NewPrediction)}, with sources looked up by the caller (an import knows its own). */
    public NewPrediction validate(NewPrediction in, Function<String, Optional<SourceView>> sourceLookup) {
        List<FieldError> errors = new ArrayList<>(validation.errors(in));
        if (in == null) {
            throw new InvalidInput(errors);
        }
        NewPrediction complete = in;
        if (in.source() != null && errors.stream().noneMatch(e -> e.field().equals("source"))) {
            SourceView source = sourceLookup.apply(in.source()).orElse(null);
            if (source == null) {
                errors.add(new FieldError("source", "no source with key '" + in.source() + "'"));
            } else {
                complete = withSourceDefaults(in, source);
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(NewPredictionChecks.check(complete));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return complete;
    }

    private static NewPrediction withSourceDefaults(NewPrediction in, SourceView source) {
        return new NewPrediction(
                in.key(),
                in.statement(),
                in.kind(),
                in.speaker() != null ? in.speaker() : source.speaker(),
                in.source(),
                in.madeOn() != null ? in.madeOn() : source.date(),
                in.quote(),
                in.topics(),
                in.target(),
                in.reviewEvery(),
                in.resolutionCriteria(),
                in.metric(),
                in.amendment());
    }
}
