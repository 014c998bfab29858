package app.hindsight.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/** A network written as {@code address/prefix} (e.g. 10.20.0.0/16, fd00::/8); a bare address is a network of one. */
public record Cidr(InetAddress network, int prefix) {

    /**
     * @throws IllegalArgumentException naming what is wrong, when {@code text} is not an IPv4 or IPv6 address with an
     *     optional prefix length that fits it
     */
    public static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        List<InetAddress> readings = address.indexOf(':') >= 0 || address.matches("[0-9]+(\\.[0-9]+){3}")
                ? IpLiterals.parse(address)
                : List.of();
        if (readings.size() != 1) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an address/prefix such as 10.0.0.0/8 or fd00::/8");
        }
        InetAddress network = readings.get(0);
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + bits);
        }
        return new Cidr(network, prefix);
    }

    public boolean contains(InetAddress address) {
        boolean sameFamily = (network instanceof Inet4Address && address instanceof Inet4Address)
                || (network instanceof Inet6Address && address instanceof Inet6Address);
        if (!sameFamily) {
            return false;
        }
        byte[] n = network.getAddress();
        byte[] a = address.getAddress();
        int whole = prefix / 8;
        if (!Arrays.equals(n, 0, whole, a, 0, whole)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (n[whole] & mask) == (a[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
