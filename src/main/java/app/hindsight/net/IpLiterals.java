package app.hindsight.net;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses a URL host written as an IP literal stands for, in every spelling an HTTP client or a resolver
 * may accept: dotted decimal; the BSD {@code inet_aton} forms (one to four parts, each decimal, hex with {@code 0x}
 * or octal with a leading 0, the last filling the remaining bytes: {@code 2130706433}, {@code 0x7f000001},
 * {@code 017700000001}, {@code 127.1}, {@code 0x7f.0.0.1}); a trailing dot; full-width digits and dots (which IDNA
 * maps to ASCII); bracketed IPv6 with or without a zone id. Where parsers disagree ({@code 010.0.0.1} is 8.0.0.1 to
 * {@code inet_aton} and 10.0.0.1 to those that ignore leading zeros), every reading is returned, and a rule checks
 * them all.
 */
public final class IpLiterals {

    private static final Pattern V4_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiterals() {}

    /** The readings of {@code host} as an IP literal; empty when it is a name (to be resolved) or malformed. */
    public static List<InetAddress> parse(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            return v6(h.substring(1, h.length() - 1));
        }
        if (h.indexOf(':') >= 0) {
            return v6(h);
        }
        return v4(ascii(h));
    }

    /** IDNA's mapping (full-width digits and dots to ASCII), lower case, without the one trailing dot of a FQDN. */
    public static String ascii(String host) {
        String h;
        try {
            h = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            h = host;
        }
        h = h.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static List<InetAddress> v6(String literal) {
        int zone = literal.indexOf('%');
        String bare = zone >= 0 ? literal.substring(0, zone) : literal;
        if (bare.indexOf(':') < 0 || !V6.matcher(bare).matches()) {
            return List.of();
        }
        try {
            // A string with a colon is parsed as a literal and never looked up.
            return List.of(InetAddress.getByName(bare));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<InetAddress> v4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return List.of();
        }
        for (String part : parts) {
            if (!V4_PART.matcher(part).matches()) {
                return List.of();
            }
        }
        List<InetAddress> readings = new ArrayList<>(2);
        for (boolean octal : new boolean[] {true, false}) {
            byte[] bytes = bytes(parts, octal);
            if (bytes != null) {
                try {
                    InetAddress a = InetAddress.getByAddress(bytes);
                    if (!readings.contains(a)) {
                        readings.add(a);
                    }
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are an IPv4 address", e);
                }
            }
        }
        return readings;
    }

    /** The four bytes, or null when a part does not fit (or is not octal where a leading zero makes it so). */
    private static byte[] bytes(String[] parts, boolean leadingZeroIsOctal) {
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], leadingZeroIsOctal);
            long max = i < parts.length - 1 ? 0xff : (1L << (8 * (5 - parts.length))) - 1;
            if (values[i] < 0 || values[i] > max) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        address |= values[parts.length - 1];
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** The part's value, or -1 when it is not a number in its base or is larger than any part may be. */
    private static long number(String part, boolean leadingZeroIsOctal) {
        String digits = part;
        int radix = 10;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            digits = part.substring(2);
            radix = 16;
        } else if (leadingZeroIsOctal && part.length() > 1 && part.startsWith("0")) {
            digits = part.substring(1);
            radix = 8;
        }
        if (digits.isEmpty()) {
            return 0; // "0x" is 0 to inet_aton
        }
        // Leading zeros do not change the value, and more than 32 bits never fit.
        digits = digits.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 12) {
            return -1;
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
