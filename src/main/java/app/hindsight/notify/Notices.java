package app.hindsight.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The outbox: notices are written in the transaction that decided them, and delivered later. */
@ApplicationScoped
public class Notices {

    @Inject
    ObjectMapper json;

    @Inject
    Event<NoticeCreated> created;

    /** The (kind, period) pairs among these predictions' notices that exist already. */
    public Set<String> existing(String kind, Collection<String> predictionKeys) {
        Set<String> found = new HashSet<>();
        List<String> keys = List.copyOf(predictionKeys);
        for (int i = 0; i < keys.size(); i += 500) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + 500));
            Notice.getEntityManager()
                    .createQuery(
                            "select n.predictionKey, n.period from Notice n where n.kind = :kind "
                                    + "and n.predictionKey in :keys",
                            Object[].class)
                    .setParameter("kind", kind)
                    .setParameter("keys", chunk)
                    .getResultList()
                    .forEach(row -> found.add(row[0] + "|" + row[1]));
        }
        return found;
    }

    public static String id(String predictionKey, String period) {
        return predictionKey + "|" + period;
    }

    /**
     * Writes a notice in the caller's transaction. The caller has checked it is new; if another scanner wrote
     * it meanwhile, the unique key fails the transaction and the caller retries what is left. The data (a record,
     * usually) is written by the application's ObjectMapper, as the API writes the same values.
     */
    public Notice publish(String kind, String predictionKey, String period, Instant at, Object data) {
        Notice n = new Notice();
        n.kind = kind;
        n.predictionKey = predictionKey;
        n.period = period;
        n.createdAt = at;
        ObjectNode payload = json.createObjectNode();
        payload.put("type", kind);
        payload.put("timestamp", at.toString());
        payload.set("data", json.valueToTree(data));
        n.payload = payload.toString();
        n.persist();
        created.fire(new NoticeCreated(n));
        return n;
    }
}
