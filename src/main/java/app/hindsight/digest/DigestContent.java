package app.hindsight.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.notify.Notice;
import io.quarkus.mailer.Mail;

/**
 * What a digest says: its notices read back with their predictions as they are when it is sent, in a section per
 * kind, each with why it is there, under a title naming the period. {@link DigestMails} makes the mail of it.
 */
@ApplicationScoped
public class DigestContent {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @Inject
    DigestMails mails;

    @Inject
    ObjectMapper json;

    /**
     * In the caller's transaction: the mail of a digest, from its notices and their predictions as they are now; null
     * if it is gone.
     */
    @SuppressWarnings("unchecked")
    Mail mail(long digestId) {
        Digest d = Digest.findById(digestId);
        if (d == null) {
            return null;
        }
        Subscription s = Subscription.findById(d.subscriptionId);
        List<Object[]> rows = Digest.getEntityManager()
                .createNativeQuery(
                        "select n.kind, n.payload, p.slug, p.statement, p.speaker, p.quote_text, p.quote_lang, "
                                + "p.target_date, p.next_review_on, n.prediction_key from digest_notice dn "
                                + "join notice n on n.id = dn.notice_id left join prediction p on p.slug = n.prediction_key "
                                + "where dn.digest_id = :digest order by n.created_at, n.id")
                .setParameter("digest", digestId)
                .getResultList();
        Map<String, List<DigestMail.Entry>> byKind = new LinkedHashMap<>();
        Notice.KINDS.forEach(kind -> byKind.put(kind, new ArrayList<>()));
        for (Object[] row : rows) {
            String kind = (String) row[0];
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(entry(kind, row));
        }
        List<DigestMail.Section> sections = new ArrayList<>();
        byKind.forEach((kind, entries) -> {
            if (!entries.isEmpty()) {
                sections.add(new DigestMail.Section(heading(kind), entries));
            }
        });
        DigestMail data = new DigestMail(
                title(s.cadence, d.period, rows.size()),
                s.email,
                rows.size(),
                sections,
                filters(s),
                mails.deskUrl(),
                mails.unsubscribeUrl(s.unsubscribeToken));
        return mails.digest(s, d.period, data);
    }

    private DigestMail.Entry entry(String kind, Object[] row) {
        JsonNode data = payload((String) row[1]);
        String key = row[2] != null ? (String) row[2] : (String) row[9];
        String statement = row[3] != null
                ? (String) row[3]
                : data.path("prediction").path("statement").asText(key);
        String speaker = row[4] != null
                ? (String) row[4]
                : data.path("prediction").path("speaker").asText("");
        LocalDate target = localDate(row[7]);
        LocalDate review = localDate(row[8]);
        String due = target != null ? "due " + target : review != null ? "review on " + review : null;
        return new DigestMail.Entry(
                statement, speaker, (String) row[5], (String) row[6], due, why(kind, data), mails.deskUrl(key));
    }

    /** Why the notice is here, from what the notice itself says. */
    private static String why(String kind, JsonNode data) {
        return switch (kind) {
            case Notice.DUE ->
                switch (data.path("reason").asText("")) {
                    case "TARGET_MET" -> "Its metric met the target: time to judge it.";
                    case "PERIODIC_REVIEW" -> "Time for its periodic review.";
                    default -> "Its target date has passed: time to judge it.";
                };
            case Notice.UPCOMING ->
                data.hasNonNull("leadTime")
                        ? "Due within " + lead(data.get("leadTime").asText()) + "."
                        : "Coming due.";
            case Notice.OVERDUE ->
                data.hasNonNull("openedAt")
                        ? "Its review has waited since "
                                + data.get("openedAt").asText().substring(0, 10)
                                + (data.hasNonNull("assignee")
                                        ? " (assigned to "
                                                + data.get("assignee").asText() + ")"
                                        : "")
                                + "."
                        : "Its review is overdue.";
            case Notice.OFF_TRACK ->
                data.path("observation").hasNonNull("on")
                        ? "The observation of "
                                + data.path("observation").get("on").asText()
                                + " puts its metric behind the path to its target."
                        : "Its metric fell behind the path to its target.";
            case Notice.VERDICT_FINAL ->
                "Its verdict, " + data.path("outcome").asText("") + ", is final: it now counts in the track record.";
            case Notice.AMENDED ->
                data.hasNonNull("reason") ? "Amended: " + data.get("reason").asText() : "Amended.";
            default -> null;
        };
    }

    /** P7D as "7 days", P1M as "1 month". */
    static String lead(String period) {
        try {
            java.time.Period p = java.time.Period.parse(period);
            if (p.getYears() == 0 && p.getMonths() == 0) {
                return p.getDays() == 1 ? "a day" : p.getDays() + " days";
            }
        } catch (RuntimeException e) {
            // as written
        }
        return period;
    }

    private static String heading(String kind) {
        return switch (kind) {
            case Notice.DUE -> "Came due";
            case Notice.UPCOMING -> "Coming due";
            case Notice.OVERDUE -> "Reviews waiting";
            case Notice.OFF_TRACK -> "Off track";
            case Notice.VERDICT_FINAL -> "Verdicts made final";
            case Notice.AMENDED -> "Amended";
            default -> kind;
        };
    }

    static String title(Cadence cadence, String period, int notices) {
        String what = notices == 1 ? "1 prediction needs a look" : notices + " predictions need a look";
        if (cadence == Cadence.DAILY) {
            return "Hindsight, " + DAY.format(LocalDate.parse(period)) + ": " + what;
        }
        LocalDate monday = LocalDate.parse(period.substring(0, 4) + "-01-04")
                .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(period.substring(6)))
                .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        return "Hindsight, week of " + SHORT.format(monday) + ": " + what;
    }

    private static String filters(Subscription s) {
        return (s.cadence == Cadence.DAILY ? "daily" : "weekly") + " for " + String.join(", ", s.events)
                + (s.topics.isEmpty() ? "" : ", topics " + String.join(", ", s.topics))
                + (s.speakers.isEmpty() ? "" : ", speakers " + String.join(", ", s.speakers))
                + ", because " + s.email + " subscribed and confirmed";
    }

    private JsonNode payload(String payload) {
        try {
            return json.readTree(payload).path("data");
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
