package app.hindsight.intake.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.prediction.PredictionService;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Quote;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.InvalidInput;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Accepting a candidate: a prediction is created the way {@code POST /predictions} creates one, its fields
 * defaulting from the candidate (quote, kind, target) and the source (speaker, madeOn), its CREATED event naming the
 * candidate; in the same transaction the candidate becomes ACCEPTED with the prediction's key, or nothing happens.
 */
@ApplicationScoped
public class Acceptance {

    @Inject
    Clock clock;

    @Inject
    PredictionService predictions;

    @Inject
    CandidateMapper mapper;

    public PredictionView accept(String sourceKey, long id, NewPrediction body, String actor) {
        CandidateView candidate = pending(sourceKey, id);
        NewPrediction in = withDefaults(body, candidate, sourceKey);
        return predictions.create(
                in,
                actor,
                "accepted from candidate " + id + " of source " + sourceKey,
                Map.of("candidate", Map.of("id", id, "source", sourceKey, "quote", candidate.quote())),
                created -> markAccepted(sourceKey, id, created.key(), actor));
    }

    /** The candidate, refused unless PENDING: checked first so that a decided one is a 409 whatever the body. */
    private CandidateView pending(String sourceKey, long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredCandidate c = TriageService.find(sourceKey, id, false);
            refuseUnlessPending(c);
            return mapper.view(c);
        });
    }

    /** In the prediction's transaction; locks the row, so of two accepts at once the second finds it decided. */
    private void markAccepted(String sourceKey, long id, String predictionKey, String actor) {
        StoredCandidate c = TriageService.find(sourceKey, id, true);
        refuseUnlessPending(c);
        c.acceptAs(predictionKey, actor, Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
    }

    private static void refuseUnlessPending(StoredCandidate c) {
        if (c.state == CandidateState.ACCEPTED) {
            throw new Conflict(
                    "candidate-not-pending",
                    "candidate " + c.id + " is ACCEPTED already, as prediction '" + c.predictionKey + "'");
        }
        if (c.state == CandidateState.DISMISSED) {
            throw new Conflict(
                    "candidate-not-pending",
                    "candidate " + c.id + " is DISMISSED (" + c.dismissReason + "); undo the dismissal "
                            + "(DELETE .../dismissal) to accept it");
        }
    }

    /** The body's fields, and where it leaves one out, the candidate's or the source's. */
    static NewPrediction withDefaults(NewPrediction body, CandidateView c, String sourceKey) {
        NewPrediction b = body != null
                ? body
                : new NewPrediction(null, null, null, null, null, null, null, null, null, null, null, null, null);
        if (b.source() != null && !b.source().equals(sourceKey)) {
            throw InvalidInput.of("source", "must be the candidate's source '" + sourceKey + "' (or left out)");
        }
        Quote q = b.quote();
        Quote quote = q == null
                ? c.quote()
                : new Quote(
                        q.text() != null ? q.text() : c.quote().text(),
                        q.lang() != null ? q.lang() : c.quote().lang(),
                        q.locator() != null ? q.locator() : c.quote().locator());
        return new NewPrediction(
                b.key(),
                b.statement(),
                b.kind() != null ? b.kind() : c.proposedKind(),
                b.speaker(),
                sourceKey,
                b.madeOn(),
                quote,
                b.topics(),
                b.target() != null ? b.target() : c.proposedTarget(),
                b.reviewEvery(),
                b.resolutionCriteria(),
                b.metric(),
                null);
    }
}
