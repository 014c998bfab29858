package app.hindsight.net;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Which kind of address an IP address is, for deciding whether the service may connect to it. Everything but
 * {@link #PUBLIC} is refused unless an operator opens it; {@link #UNSPECIFIED}, {@link #MULTICAST} and
 * {@link #BROADCAST} never are, as no HTTP receiver lives there (0.0.0.0 and :: reach the host itself).
 * <p>
 * IPv4: 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24, 192.88.99/24, 192.168/16,
 * 198.18/15, 198.51.100/24, 203.0.113/24, 224/4, 240/4 and 255.255.255.255 (IANA's special-purpose registry).
 * IPv6: only global unicast (2000::/3) is public, less 2001::/23 (Teredo, benchmarking, ORCHID and other IETF
 * assignments), 2001:db8::/32 and 3fff::/20 (documentation); addresses that embed an IPv4 address are judged by it:
 * IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96 and 6to4 2002::/16 (IPv4-compatible ::/96 is deprecated and never
 * public).
 */
public enum AddressRange {
    PUBLIC("public", true),
    LOOPBACK("loopback", true),
    PRIVATE("private", true),
    LINK_LOCAL("link-local", true),
    SHARED("shared (carrier-grade NAT)", true),
    UNIQUE_LOCAL("unique-local", true),
    SITE_LOCAL("site-local", true),
    RESERVED("reserved (special-purpose)", true),
    UNSPECIFIED("unspecified", false),
    MULTICAST("multicast", false),
    BROADCAST("broadcast", false);

    /** How a message names it: "a link-local address". */
    public final String label;
    /** Whether an operator may open it for receivers inside their network. */
    public final boolean openable;

    AddressRange(String label, boolean openable) {
        this.label = label;
        this.openable = openable;
    }

    public static AddressRange of(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? v4(b, 0) : v6(b);
    }

    private static AddressRange v4(byte[] bytes, int from) {
        int a = bytes[from] & 0xff;
        int b = bytes[from + 1] & 0xff;
        int c = bytes[from + 2] & 0xff;
        int d = bytes[from + 3] & 0xff;
        if (a == 0) {
            return UNSPECIFIED; // "this network": 0.0.0.0 is the host itself
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return PRIVATE;
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return SHARED;
        }
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 169 && b == 254) {
            return LINK_LOCAL;
        }
        if (a == 255 && b == 255 && c == 255 && d == 255) {
            return BROADCAST;
        }
        if ((a & 0xf0) == 224) {
            return MULTICAST;
        }
        if ((a & 0xf0) == 240
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 192 && b == 88 && c == 99)
                || (a == 198 && (b & 0xfe) == 18)
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113)) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressRange v6(byte[] b) {
        if (zero(b, 0, 10)) {
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return v4(b, 12); // IPv4-mapped
            }
            if (zero(b, 10, 2)) {
                if (zero(b, 12, 3) && (b[15] == 0 || b[15] == 1)) {
                    return b[15] == 0 ? UNSPECIFIED : LOOPBACK;
                }
                AddressRange embedded = v4(b, 12); // IPv4-compatible: deprecated
                return embedded == PUBLIC ? RESERVED : embedded;
            }
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xff) {
            return MULTICAST;
        }
        if ((first & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return SITE_LOCAL;
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 8)) {
            return v4(b, 12); // NAT64, well-known prefix
        }
        if (first == 0x20 && second == 0x02) {
            return v4(b, 2); // 6to4
        }
        if ((first & 0xe0) != 0x20) {
            return RESERVED; // outside global unicast: NAT64 local-use, discard-only, unassigned
        }
        int third = b[2] & 0xff;
        if ((first == 0x20 && second == 0x01 && (third & 0xfe) == 0)
                || (first == 0x20 && second == 0x01 && third == 0x0d && (b[3] & 0xff) == 0xb8)
                || (first == 0x3f && second == 0xff && (third & 0xf0) == 0)) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static boolean zero(byte[] b, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
