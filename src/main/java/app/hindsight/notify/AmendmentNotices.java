package app.hindsight.notify;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import app.hindsight.PublicAddress;
import app.hindsight.prediction.model.PredictionAmended;

/**
 * A prediction.amended notice for each amendment, written in the amendment's transaction (the outbox), once: its
 * period is the AMENDED event's id.
 */
@ApplicationScoped
class AmendmentNotices {

    @Inject
    Notices notices;

    @Inject
    PublicAddress publicAddress;

    void on(@Observes PredictionAmended amended) {
        String path = "/api/v1/predictions/" + amended.key();
        notices.publish(
                Notice.AMENDED,
                amended.key(),
                "event-" + amended.eventId(),
                amended.at(),
                new Amended(
                        new Amended.PredictionLink(
                                amended.key(),
                                amended.statement(),
                                amended.speaker(),
                                publicAddress.of(path).toString(),
                                path,
                                path + "/versions"),
                        amended.eventId(),
                        amended.reason(),
                        amended.changes(),
                        amended.actor(),
                        amended.at()));
    }

    /** What a prediction.amended notice carries: the prediction, the AMENDED event, why, and each field's change. */
    record Amended(PredictionLink prediction, long eventId, String reason, JsonNode changes, String actor, Instant at) {
        record PredictionLink(
                String key, String statement, String speaker, String url, String path, String versionsPath) {}
    }
}
