package app.hindsight.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which hosts the service may connect to on a user's say-so (webhook receivers, evidence URLs): public addresses
 * only, unless an operator opens the networks their own receivers live in. A host written as an address is judged
 * in every reading {@link IpLiterals} finds; a name is resolved and refused if any of its addresses is refused (a
 * client may connect to any of them); {@code localhost} and names under {@code .localhost} stand for the loopback
 * addresses whatever a resolver says (RFC 6761). See {@link AddressRange} for what is public.
 * <p>
 * The rule is checked twice: when the URL is given, and again just before each connection, after resolving anew, as
 * a name may resolve elsewhere later. Plain Java: its callers decide how to resolve and what to say.
 */
public final class TargetAddresses {

    /** Looks a host name up; {@link InetAddress#getAllByName} unless a test says otherwise. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * What the rule says of a host. Allowed: {@code refusal} is null and {@code addresses} holds what it stands for.
     * Refused: {@code refusal} says why, naming the address when the host was written as one. A name that does not
     * resolve is neither: no addresses and no refusal.
     */
    public record Verdict(List<InetAddress> addresses, String refusal) {

        public boolean allowed() {
            return refusal == null && !addresses.isEmpty();
        }

        public boolean unresolved() {
            return refusal == null && addresses.isEmpty();
        }
    }

    private static final List<InetAddress> LOOPBACK = List.of(
            address(new byte[] {127, 0, 0, 1}), address(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));

    private final boolean allowPrivate;
    private final List<Cidr> allowedNetworks;

    /**
     * @param allowPrivate every openable address is allowed ({@link AddressRange#openable})
     * @param allowedNetworks openable addresses in these networks are allowed
     */
    public TargetAddresses(boolean allowPrivate, List<Cidr> allowedNetworks) {
        this.allowPrivate = allowPrivate;
        this.allowedNetworks = List.copyOf(allowedNetworks);
    }

    /** Only public addresses. */
    public static TargetAddresses publicOnly() {
        return new TargetAddresses(false, List.of());
    }

    /** Null when the service may connect to this address; else its kind, e.g. "a loopback address". */
    public String refusal(InetAddress address) {
        AddressRange range = AddressRange.of(address);
        if (range == AddressRange.PUBLIC) {
            return null;
        }
        if (range.openable && (allowPrivate || allowedNetworks.stream().anyMatch(n -> n.contains(address)))) {
            return null;
        }
        return (range == AddressRange.UNSPECIFIED ? "an " : "a ") + range.label + " address";
    }

    public Verdict check(String host, Resolver resolver) {
        List<InetAddress> literal = IpLiterals.parse(host);
        if (!literal.isEmpty()) {
            for (InetAddress a : literal) {
                String why = refusal(a);
                if (why != null) {
                    return new Verdict(literal, a.getHostAddress() + " is " + why);
                }
            }
            return new Verdict(literal, null);
        }
        String name = IpLiterals.ascii(host);
        boolean local = name.equals("localhost") || name.endsWith(".localhost");
        List<InetAddress> addresses;
        if (local) {
            addresses = LOOPBACK;
        } else {
            try {
                // As written: the client that connects looks the same string up, and finds this answer cached.
                addresses = List.of(resolver.resolve(host));
            } catch (UnknownHostException e) {
                return new Verdict(List.of(), null);
            }
        }
        for (InetAddress a : addresses) {
            String why = refusal(a);
            if (why != null) {
                return new Verdict(addresses, name + (local ? " stands for " : " resolves to ") + why);
            }
        }
        return new Verdict(addresses, null);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
