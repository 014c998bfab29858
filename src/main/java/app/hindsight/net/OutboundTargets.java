package app.hindsight.net;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbound address rule ({@link TargetAddresses}) as configured by hindsight.webhooks.allow-private and
 * hindsight.webhooks.allowed-networks, for every URL the service connects to at a user's say-so: webhook receivers,
 * and the evidence archive.
 * <p>
 * Callers check a URL when it is given and again just before connecting. The JDK's HTTP client resolves the host
 * itself, through the JVM's address cache (networkaddress.cache.ttl, 30 s by default), so the look-up that connects
 * finds the answer this check just cached. What is left is an entry that expires between the two look-ups, a few
 * milliseconds apart, or a cache turned off: then a name that changes its answer in that moment (DNS rebinding)
 * could reach an address that was not checked.
 */
@ApplicationScoped
public class OutboundTargets {

    /** The settings that open non-public addresses, as messages name them. */
    public static final String SETTINGS = "hindsight.webhooks.allow-private or hindsight.webhooks.allowed-networks";

    @Inject
    HindsightConfig config;

    @Inject
    HostResolver resolver;

    private volatile TargetAddresses rule;

    /** A malformed network stops the start, rather than failing the first subscription. */
    void onStart(@Observes StartupEvent start) {
        rule();
    }

    TargetAddresses rule() {
        TargetAddresses r = rule;
        if (r == null) {
            List<Cidr> networks;
            try {
                networks = config.webhooks().allowedNetworks().orElse(List.of()).stream()
                        .filter(n -> !n.isBlank())
                        .map(Cidr::parse)
                        .toList();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hindsight.webhooks.allowed-networks: " + e.getMessage(), e);
            }
            r = rule = new TargetAddresses(config.webhooks().allowPrivate(), networks);
        }
        return r;
    }

    /** What the rule says of the URL's host, resolved now. */
    public TargetAddresses.Verdict check(URI url) {
        return rule().check(url.getHost(), resolver);
    }

    /**
     * Why this URL may not be given, for a problem document; null when it may, or when its host does not resolve
     * (yet): the check before each connection refuses it if it then resolves to an address it may not reach.
     */
    public String problem(URI url) {
        TargetAddresses.Verdict v = check(url);
        if (v.refusal() == null) {
            return null;
        }
        TargetAddresses r = rule();
        boolean openable =
                v.addresses().stream().filter(a -> r.refusal(a) != null).allMatch(a -> AddressRange.of(a).openable);
        return "must be a public address: " + v.refusal()
                + (openable ? " (" + SETTINGS + " allow it)" : ", which no setting allows");
    }
}
