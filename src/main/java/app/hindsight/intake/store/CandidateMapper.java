package app.hindsight.intake.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.intake.Candidate;
import app.hindsight.intake.Hedge;
import app.hindsight.prediction.model.Quote;

/** Candidates between the rules' records, the table's rows and the API's views. */
@ApplicationScoped
class CandidateMapper {

    private static final TypeReference<List<CandidateView.CueView>> CUES = new TypeReference<>() {};
    private static final TypeReference<List<String>> WORDS = new TypeReference<>() {};

    @Inject
    ObjectMapper json;

    /** A new PENDING row for a candidate the rules found (or, with {@code manual}, one added by hand). */
    StoredCandidate row(String sourceKey, Candidate found, boolean manual, Instant now) {
        StoredCandidate c = new StoredCandidate();
        c.sourceKey = sourceKey;
        c.quoteText = found.quote().text();
        c.quoteLang = found.quote().lang();
        c.anchor(found.span(), found.quote().locator());
        c.cues = write(found.cues().stream()
                .map(cue -> new CandidateView.CueView(cue.kind(), cue.text(), cue.entry()))
                .distinct()
                .toList());
        c.hedgeGrade = found.hedge().grade();
        c.hedgeWords = write(found.hedge().words());
        c.propose(found.proposedTarget());
        c.proposedKind = found.proposedKind();
        c.score = found.score();
        c.manual = manual;
        c.state = CandidateState.PENDING;
        c.createdAt = now;
        return c;
    }

    CandidateView view(StoredCandidate c) {
        return new CandidateView(
                c.id,
                new Quote(c.quoteText, c.quoteLang, c.locator),
                read(c.cues, CUES),
                new Hedge(c.hedgeGrade, read(c.hedgeWords, WORDS)),
                c.proposedTarget(),
                c.proposedKind,
                c.score,
                c.state,
                c.predictionKey,
                c.state == CandidateState.DISMISSED
                        ? new CandidateView.DismissalView(c.dismissReason, c.dismissNote, c.decidedBy, c.decidedAt)
                        : null,
                c.manual,
                c.orphaned);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable candidate column: " + value, e);
        }
    }
}
