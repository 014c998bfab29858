package app.hindsight.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.DuePrediction;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.FlagReason;
import app.hindsight.prediction.model.PredictionTransitioned;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Validation;

/** The review queue: opening, closing and assigning reviews. */
@ApplicationScoped
public class ReviewService {

    private static final Map<EventType, Review.Closure> CLOSURES = Map.of(
            EventType.RESOLVED, Review.Closure.RESOLVED,
            EventType.DEFERRED, Review.Closure.DEFERRED,
            EventType.WITHDRAWN, Review.Closure.WITHDRAWN,
            EventType.DELETED, Review.Closure.WITHDRAWN);

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    PredictionQueries predictions;

    @Inject
    Validation validation;

    /** Opens the review of a prediction the scanner just flagged, in the scanner's transaction. */
    Review open(DuePrediction due, String cycle, Instant now) {
        return open(due.key(), due.reason(), due.nextReviewOn(), cycle, now);
    }

    private Review open(String key, FlagReason reason, LocalDate dueOn, String cycle, Instant now) {
        Review r = new Review();
        r.predictionKey = key;
        r.reason = reason;
        r.dueOn = dueOn;
        r.cycle = cycle;
        r.openedAt = now;
        r.persist();
        return r;
    }

    /**
     * Follows the prediction: its open review closes when a person resolves, defers or withdraws it; a
     * prediction reopened or restored straight into DUE needs a human again, so it gets a new review.
     */
    void onTransition(@Observes PredictionTransitioned t) {
        Review.Closure closure = CLOSURES.get(t.type());
        if (closure != null) {
            for (Review r : Review.<Review>list("predictionKey = ?1 and closedAt is null", t.key())) {
                r.closedAt = t.at();
                r.closedBy = t.actor();
                r.closure = closure;
            }
        } else if (t.status() == Status.DUE && (t.type() == EventType.REOPENED || t.type() == EventType.RESTORED)) {
            PredictionView p = predictions.view(t.key());
            open(
                    t.key(),
                    FlagReason.TARGET_REACHED,
                    p.nextReviewOn(),
                    t.type().name().toLowerCase() + "/v" + t.version(),
                    t.at());
        }
    }

    @Transactional
    public Paged<ReviewView> queue(boolean open, String assignee, long after, int limit) {
        StringBuilder jpql = new StringBuilder("select r, p.statement from Review r, Prediction p "
                        + "where p.key = r.predictionKey and r.id > :after and r.closedAt is ")
                .append(open ? "null" : "not null");
        if (assignee != null) {
            jpql.append(" and r.assignee = :assignee");
        }
        var query = Review.getEntityManager()
                .createQuery(jpql.append(" order by r.id").toString(), Object[].class)
                .setParameter("after", after)
                .setMaxResults(limit + 1);
        if (assignee != null) {
            query.setParameter("assignee", assignee);
        }
        return Paged.of(query.getResultList(), limit, row -> ((Review) row[0]).id)
                .map(row -> view((Review) row[0], (String) row[1]));
    }

    /** The open review of this prediction, if one is open (at most one is: a cycle closes before the next). */
    @Transactional
    public Optional<ReviewView> openFor(String predictionKey) {
        return Review.<Review>find("predictionKey = ?1 and closedAt is null order by id desc", predictionKey)
                .firstResultOptional()
                .map(r -> view(r, predictions.view(r.predictionKey).statement()));
    }

    /** The open reviews of these predictions (a page of them), by prediction key: one query through its index. */
    @Transactional
    public Map<String, ReviewView> openFor(Collection<String> predictionKeys) {
        if (predictionKeys.isEmpty()) {
            return Map.of();
        }
        Map<String, ReviewView> open = new HashMap<>();
        Review.getEntityManager()
                .createQuery(
                        "select r, p.statement from Review r, Prediction p where p.key = r.predictionKey "
                                + "and r.predictionKey in :keys and r.closedAt is null order by r.id",
                        Object[].class)
                .setParameter("keys", predictionKeys)
                .getResultList()
                .forEach(row -> open.put(((Review) row[0]).predictionKey, view((Review) row[0], (String) row[1])));
        return open;
    }

    @Transactional
    public ReviewView assign(long id, Assignment assignment) {
        validation.require(assignment);
        Review r = Review.<Review>findByIdOptional(id).orElseThrow(() -> new NotFound("review", String.valueOf(id)));
        if (r.closedAt != null) {
            throw new Conflict("review-closed", "review " + id + " is closed (" + r.closure + ")");
        }
        String name = assignment.assignee();
        r.assignee = name == null || name.isBlank() ? null : name.strip();
        return view(r, predictions.view(r.predictionKey).statement());
    }

    ReviewView view(Review r, String statement) {
        Long overdue = r.closedAt != null
                ? null
                : Math.max(0, ChronoUnit.DAYS.between(r.dueOn, LocalDate.ofInstant(Instant.now(clock), config.zone())));
        return new ReviewView(
                r.id,
                r.predictionKey,
                statement,
                r.reason,
                r.dueOn,
                r.openedAt,
                overdue,
                r.assignee,
                r.closedAt,
                r.closedBy,
                r.closure,
                r.remindersSent);
    }
}
