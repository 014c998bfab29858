package app.hindsight.notify;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The configured {@link SecretBox}. On start it refuses a malformed key (the service does not start), encrypts the
 * secrets stored before a key was set, and says so when secrets are encrypted but no key is set (their deliveries
 * fail, each attempt logged with the reason, until it is).
 */
@ApplicationScoped
public class WebhookSecrets {

    @Inject
    HindsightConfig config;

    private volatile SecretBox box;

    public SecretBox box() {
        SecretBox b = box;
        if (b == null) {
            b = box = SecretBox.of(config.webhooks().secretKey());
        }
        return b;
    }

    public String seal(String secret) {
        return box().seal(secret);
    }

    public String open(String stored) {
        return box().open(stored);
    }

    void onStart(@Observes StartupEvent start) {
        SecretBox b = box();
        if (b.hasKey()) {
            int sealed = sealStored();
            if (sealed > 0) {
                Log.infof(
                        "Encrypted %d webhook signing secrets stored before hindsight.webhooks.secret-key was set",
                        sealed);
            }
        } else {
            long sealed = Webhook.count("secret like ?1", SecretBox.SEALED + "%");
            if (sealed > 0) {
                Log.errorf(
                        "%d webhook signing secrets are encrypted, but hindsight.webhooks.secret-key is not set: "
                                + "their deliveries fail until it is",
                        sealed);
            }
        }
    }

    /**
     * Encrypts every secret stored as issued; how many. Each row only if it still holds what was read, so replicas
     * starting together do not trip over each other.
     */
    @Transactional
    public int sealStored() {
        List<Object[]> plain = Webhook.getEntityManager()
                .createQuery("select w.id, w.secret from Webhook w where w.secret like :plain", Object[].class)
                .setParameter("plain", WebhookSignature.SECRET_PREFIX + "%")
                .getResultList();
        int sealed = 0;
        for (Object[] row : plain) {
            String secret = (String) row[1];
            sealed += Webhook.update(
                    "secret = ?1, version = version + 1 where id = ?2 and secret = ?3", seal(secret), row[0], secret);
        }
        return sealed;
    }
}
