package app.hindsight.intake.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a seed file's decisions do to a source's candidates: plain code, no database ({@link SeedTriage} reads the
 * rows and carries the plan out). The seeds decide only what is open to them: a PENDING candidate, or one the seeds
 * themselves dismissed (a later revision may decide it otherwise); whatever a person decided stays.
 *
 * <ul>
 *   <li>A seeded prediction that no candidate is linked to takes the open candidate whose words hold its quote; a
 *       candidate holding several takes the longest quote (the first in the file on a tie), and each other one, like
 *       a quote no open candidate holds, gets a span of its own, added by hand and linked (it counts as manual).
 *   <li>An open candidate left unlinked is dismissed by the first dismissal whose words it holds; one the seeds had
 *       dismissed that no dismissal holds any more goes back to PENDING.
 *   <li>Predictions that share a quote (several statements read from one sentence) share its candidate: the first
 *       takes it, the others are {@code shared}, covered by it.
 *   <li>A dismissal whose words no candidate holds is stale, and a quote the transcript does not hold is unlinkable:
 *       both are reported.
 * </ul>
 */
final class TriagePlan {

    /** A stored candidate as the plan sees it; rows come in id order. */
    record Row(
            long id,
            String text,
            CandidateState state,
            String predictionKey,
            boolean bySeed,
            DismissReason reason,
            String note,
            boolean orphaned) {

        boolean open() {
            return !orphaned && (state == CandidateState.PENDING || (state == CandidateState.DISMISSED && bySeed));
        }
    }

    /**
     * {@code link}: candidate id to prediction key; {@code add}: quotes to add by hand, each linked; {@code dismiss}:
     * candidate id to its dismissal; {@code reopen}: back to PENDING; {@code shared}: predictions whose quote another
     * one's candidate holds; {@code stale} and {@code unlinkable} to report.
     */
    record Plan(
            Map<Long, String> link,
            List<SeedDecisions.Link> add,
            Map<Long, SeedDecisions.Dismiss> dismiss,
            List<Long> reopen,
            List<String> shared,
            List<String> stale,
            List<String> unlinkable) {

        boolean changesNothing() {
            return link.isEmpty() && add.isEmpty() && dismiss.isEmpty() && reopen.isEmpty();
        }
    }

    private TriagePlan() {}

    static Plan plan(String body, List<Row> rows, SeedDecisions decisions) {
        Set<String> linked = new HashSet<>();
        rows.stream().map(Row::predictionKey).filter(Objects::nonNull).forEach(linked::add);
        List<SeedDecisions.Link> wanted = new ArrayList<>();
        List<String> unlinkable = new ArrayList<>();
        for (SeedDecisions.Link l : decisions.links()) {
            if (linked.contains(l.predictionKey())) {
                continue;
            }
            if (body.contains(l.quote())) {
                wanted.add(l);
            } else {
                unlinkable.add(l.predictionKey() + " (its quote is not in the transcript)");
            }
        }

        Map<Long, String> link = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Row r : rows) {
            if (!r.open()) {
                continue;
            }
            SeedDecisions.Link best = null;
            for (SeedDecisions.Link l : wanted) {
                if (!taken.contains(l.predictionKey())
                        && r.text().contains(l.quote())
                        && (best == null || l.quote().length() > best.quote().length())) {
                    best = l;
                }
            }
            if (best != null) {
                link.put(r.id(), best.predictionKey());
                taken.add(best.predictionKey());
            }
        }

        Map<String, String> byQuote = new LinkedHashMap<>();
        for (SeedDecisions.Link l : decisions.links()) {
            if (linked.contains(l.predictionKey()) || taken.contains(l.predictionKey())) {
                byQuote.putIfAbsent(l.quote(), l.predictionKey());
            }
        }
        List<SeedDecisions.Link> add = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (SeedDecisions.Link l : wanted) {
            if (taken.contains(l.predictionKey())) {
                continue;
            }
            String sibling = byQuote.putIfAbsent(l.quote(), l.predictionKey());
            if (sibling != null) {
                shared.add(l.predictionKey() + " (its quote is " + sibling + "'s)");
                continue;
            }
            // A decided candidate of these very words: a span added by hand would be the same span.
            Row same = rows.stream()
                    .filter(r -> !r.orphaned() && r.text().equals(l.quote()))
                    .findFirst()
                    .orElse(null);
            if (same == null) {
                add.add(l);
            } else {
                unlinkable.add(l.predictionKey() + " (its words are candidate " + same.id() + "'s, " + same.state()
                        + " already)");
            }
        }

        Map<Long, SeedDecisions.Dismiss> dismiss = new LinkedHashMap<>();
        List<Long> reopen = new ArrayList<>();
        for (Row r : rows) {
            if (!r.open() || link.containsKey(r.id())) {
                continue;
            }
            SeedDecisions.Dismiss d = decisions.dismissals().stream()
                    .filter(x -> r.text().contains(x.quote()))
                    .findFirst()
                    .orElse(null);
            if (d == null) {
                if (r.state() == CandidateState.DISMISSED) {
                    reopen.add(r.id());
                }
            } else if (r.state() != CandidateState.DISMISSED
                    || r.reason() != d.reason()
                    || !Objects.equals(r.note(), d.note())) {
                dismiss.put(r.id(), d);
            }
        }

        List<String> stale = new ArrayList<>();
        for (SeedDecisions.Dismiss d : decisions.dismissals()) {
            if (rows.stream().noneMatch(r -> !r.orphaned() && r.text().contains(d.quote()))) {
                stale.add(d.quote());
            }
        }
        return new Plan(link, add, dismiss, reopen, shared, stale, unlinkable);
    }
}
