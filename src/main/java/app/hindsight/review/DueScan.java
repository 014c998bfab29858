package app.hindsight.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.HindsightConfig;
import app.hindsight.jobs.Batches;
import app.hindsight.jobs.Job;
import app.hindsight.notify.Notice;
import app.hindsight.notify.Notices;
import app.hindsight.prediction.model.DuePrediction;
import app.hindsight.prediction.model.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The due scan. It is a query of what is due now, not a reaction to a fire, so a missed or doubled fire
 * changes nothing: each flag, reminder and escalation is decided from the database and recorded with a
 * unique key (a review's cycle, a notice's period), so it happens once.
 * <ul>
 * <li>flags OPEN predictions whose nextReviewOn has come: DUE, a FLAGGED_DUE event, a review, a
 * prediction.due notice;</li>
 * <li>reminds of OPEN predictions coming due: one prediction.upcoming notice per lead time, only the
 * nearest lead that has been reached (after downtime it does not send the ones it missed);</li>
 * <li>escalates reviews left open: review.overdue after each escalation period, up to a cap, again only the
 * latest reached.</li>
 * </ul>
 * The rules are {@link FlagPolicy}, {@link ReminderPolicy} and {@link EscalationPolicy}, plain code given the
 * time; this class runs them over the database a batch per transaction and records what they decide.
 */
@ApplicationScoped
public class DueScan implements Job {

    public static final String NAME = "due-scan";

    /** What one scan did. */
    public record Result(int flagged, int reminded, int escalated, long durationMs) {}

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    app.hindsight.PublicAddress publicUrl;

    @Inject
    DueQueries predictions;

    @Inject
    ReviewService reviews;

    @Inject
    Notices notices;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Scheduled(
            identity = NAME,
            cron = "{hindsight.scan.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = run();
        if (result.flagged() + result.reminded() + result.escalated() > 0) {
            Log.infof(
                    "Due scan: %d flagged, %d reminded, %d escalated in %d ms",
                    result.flagged(), result.reminded(), result.escalated(), result.durationMs());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String schedule() {
        return "cron " + config.scan().cron();
    }

    @Override
    public Result run() {
        long start = System.nanoTime();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int flagged = flag(now, new FlagPolicy(config.zone()).today(now));
        int reminded = remind(now, new ReminderPolicy(config.scan().leadTimes(), config.zone()));
        int escalated = escalate(
                now,
                new EscalationPolicy(
                        config.scan().escalateEvery(), config.scan().maxEscalations(), config.zone()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        metrics.counter("hindsight.scan.flagged").increment(flagged);
        metrics.counter("hindsight.scan.reminded").increment(reminded);
        metrics.counter("hindsight.scan.escalated").increment(escalated);
        metrics.timer("hindsight.scan.duration").record(Duration.ofMillis(ms));
        return new Result(flagged, reminded, escalated, ms);
    }

    private int flag(Instant now, LocalDate today) {
        return flag(now, (from, size) -> predictions.dueIds(today, from, size), batch -> predictions.flag(batch, today))
                + flag(now, predictions::targetMetIds, batch -> predictions.flagTargetMet(batch, today));
    }

    /** Flags what {@code candidates} finds, batch by batch: DUE, a review, a prediction.due notice each. */
    private int flag(
            Instant now,
            java.util.function.BiFunction<Long, Integer, List<Long>> candidates,
            java.util.function.Function<List<Long>, List<DuePrediction>> flagging) {
        int batchSize = config.scan().batchSize();
        int flagged = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> candidates.apply(from, batchSize));
            if (ids.isEmpty()) {
                return flagged;
            }
            flagged += Batches.run(ids, batch -> {
                int n = 0;
                for (DuePrediction due : flagging.apply(batch)) {
                    String cycle = FlagPolicy.cycle(due.nextReviewOn(), due.version());
                    Review review = reviews.open(due, cycle, now);
                    notices.publish(
                            Notice.DUE,
                            due.key(),
                            cycle,
                            now,
                            new NoticeData.Due(prediction(due), due.reason(), review.id));
                    n++;
                }
                return n;
            });
            after = ids.get(ids.size() - 1);
        }
    }

    private int remind(Instant now, ReminderPolicy policy) {
        Instant horizon = policy.horizon(now).orElse(null);
        if (horizon == null) {
            return 0;
        }
        int batchSize = config.scan().batchSize();
        int reminded = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<DuePrediction> coming =
                    QuarkusTransaction.requiringNew().call(() -> predictions.dueBetween(now, horizon, from, batchSize));
            if (coming.isEmpty()) {
                return reminded;
            }
            reminded += Batches.run(coming, batch -> {
                Set<String> sent = notices.existing(
                        Notice.UPCOMING, batch.stream().map(DuePrediction::key).toList());
                int n = 0;
                for (DuePrediction p : batch) {
                    ReminderPolicy.Reminder reminder = policy.reminder(
                                    p.dueAt(), now, period -> sent.contains(Notices.id(p.key(), period)))
                            .orElse(null);
                    if (reminder == null) {
                        continue;
                    }
                    Period lead = reminder.lead();
                    String period = reminder.period();
                    notices.publish(
                            Notice.UPCOMING, p.key(), period, now, new NoticeData.Upcoming(prediction(p), lead));
                    predictions.recordByScheduler(
                            p.key(),
                            EventType.REMINDED,
                            "due within " + lead,
                            json.valueToTree(new NoticeData.Reminded(lead, p.dueAt())));
                    n++;
                }
                return n;
            });
            after = coming.get(coming.size() - 1).id();
        }
    }

    private int escalate(Instant now, EscalationPolicy policy) {
        int max = policy.max();
        Instant openedBefore = policy.openedBefore(now);
        int escalated = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew()
                    .call(() -> Review.toEscalate(
                            openedBefore, max, from, config.scan().batchSize()));
            if (ids.isEmpty()) {
                return escalated;
            }
            escalated += Batches.run(ids, batch -> {
                int n = 0;
                for (Review r : Review.openAmong(batch)) {
                    OptionalInt escalation = policy.escalation(r.openedAt, r.closedAt, r.remindersSent, now);
                    if (escalation.isEmpty()) {
                        continue;
                    }
                    int reached = escalation.getAsInt();
                    r.remindersSent = reached;
                    String path = path(r.predictionKey);
                    notices.publish(
                            Notice.OVERDUE,
                            r.predictionKey,
                            EscalationPolicy.period(r.id, reached),
                            now,
                            new NoticeData.Overdue(
                                    r.id,
                                    new NoticeData.PredictionLink(r.predictionKey, path, url(path)),
                                    r.openedAt,
                                    reached,
                                    r.assignee));
                    predictions.recordByScheduler(
                            r.predictionKey,
                            EventType.ESCALATED,
                            "review open since " + r.openedAt + " (escalation " + reached + " of " + max + ")",
                            json.valueToTree(new NoticeData.Escalated(r.id, reached)));
                    n++;
                }
                return n;
            });
            after = ids.get(ids.size() - 1);
        }
    }

    private NoticeData.Prediction prediction(DuePrediction p) {
        String path = path(p.key());
        return new NoticeData.Prediction(
                p.key(), p.statement(), p.speaker(), p.targetDate(), p.dueAt(), path, url(path));
    }

    /** The API path of a prediction. */
    private static String path(String key) {
        return "/api/v1/predictions/" + key;
    }

    /** The absolute URL of an API path, which a receiver can post as a link. */
    private String url(String path) {
        return publicUrl.of(path).toString();
    }
}
