package app.hindsight.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound address rule, plain: every spelling of a non-public address is refused, public ones are not. */
class TargetAddressesTest {

    /** A resolver that knows a few names and fails the test if asked about anything it should not be. */
    private static final class Names implements TargetAddresses.Resolver {
        final Map<String, List<String>> answers;
        final List<String> asked = new ArrayList<>();

        Names(Map<String, List<String>> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            List<String> found = answers.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[found.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = InetAddress.getByName(found.get(i)); // literals: no lookup
            }
            return out;
        }
    }

    private static final Names NO_NAMES = new Names(Map.of());

    private static TargetAddresses.Verdict publicOnly(String host) {
        return TargetAddresses.publicOnly().check(host, new Names(Map.of()));
    }

    @ParameterizedTest
    @CsvSource({
        // the spellings
        "169.254.169.254, 169.254.169.254 is a link-local address",
        "'[::ffff:169.254.169.254]', 169.254.169.254 is a link-local address",
        "2852039166, 169.254.169.254 is a link-local address",
        "0.0.0.0, 0.0.0.0 is an unspecified address",
        "'[::1]', 0:0:0:0:0:0:0:1 is a loopback address",
        "2130706433, 127.0.0.1 is a loopback address",
        // one number in hex or octal, shortened forms, per-part hex and octal, a trailing dot
        "0x7f000001, 127.0.0.1 is a loopback address",
        "0X7F000001, 127.0.0.1 is a loopback address",
        "017700000001, 127.0.0.1 is a loopback address",
        "127.1, 127.0.0.1 is a loopback address",
        "127.0.1, 127.0.0.1 is a loopback address",
        "0x7f.0.0.1, 127.0.0.1 is a loopback address",
        "0177.0.0.1, 127.0.0.1 is a loopback address",
        "0xa9.0xfe.0xa9.0xfe, 169.254.169.254 is a link-local address",
        "127.0.0.1., 127.0.0.1 is a loopback address",
        "0, 0.0.0.0 is an unspecified address",
        "'１２７．０．０．１', 127.0.0.1 is a loopback address",
        // IPv6: mapped in hex, IPv4-compatible, NAT64 and 6to4 around a private address, zone ids
        "'[::ffff:7f00:1]', 127.0.0.1 is a loopback address",
        "'[::ffff:a9fe:a9fe]', 169.254.169.254 is a link-local address",
        "'[0:0:0:0:0:ffff:169.254.169.254]', 169.254.169.254 is a link-local address",
        "'[::127.0.0.1]', 0:0:0:0:0:0:7f00:1 is a loopback address",
        "'[::8.8.8.8]', 0:0:0:0:0:0:808:808 is a reserved (special-purpose) address",
        "'[64:ff9b::a9fe:a9fe]', 64:ff9b:0:0:0:0:a9fe:a9fe is a link-local address",
        "'[64:ff9b::10.0.0.1]', 64:ff9b:0:0:0:0:a00:1 is a private address",
        "'[2002:a9fe:a9fe::1]', 2002:a9fe:a9fe:0:0:0:0:1 is a link-local address",
        "'[2002:7f00:1::]', 2002:7f00:1:0:0:0:0:0 is a loopback address",
        "'[fe80::1%25eth0]', fe80:0:0:0:0:0:0:1 is a link-local address",
        "'[fe80::1%eth0]', fe80:0:0:0:0:0:0:1 is a link-local address",
        "'[::]', 0:0:0:0:0:0:0:0 is an unspecified address",
        "'[fc00::1]', fc00:0:0:0:0:0:0:1 is a unique-local address",
        "'[fd12:3456::1]', fd12:3456:0:0:0:0:0:1 is a unique-local address",
        "'[fec0::1]', fec0:0:0:0:0:0:0:1 is a site-local address",
        "'[ff02::1]', ff02:0:0:0:0:0:0:1 is a multicast address",
        "'[2001:db8::1]', 2001:db8:0:0:0:0:0:1 is a reserved (special-purpose) address",
        "'[2001::1]', 2001:0:0:0:0:0:0:1 is a reserved (special-purpose) address",
        "'[100::1]', 100:0:0:0:0:0:0:1 is a reserved (special-purpose) address",
        "'[64:ff9b:1::1]', 64:ff9b:1:0:0:0:0:1 is a reserved (special-purpose) address",
        // IPv4 ranges
        "10.1.2.3, 10.1.2.3 is a private address",
        "172.16.0.1, 172.16.0.1 is a private address",
        "172.31.255.255, 172.31.255.255 is a private address",
        "192.168.0.1, 192.168.0.1 is a private address",
        "100.64.0.1, 100.64.0.1 is a shared (carrier-grade NAT) address",
        "100.127.255.254, 100.127.255.254 is a shared (carrier-grade NAT) address",
        "127.255.255.254, 127.255.255.254 is a loopback address",
        "0.1.2.3, 0.1.2.3 is an unspecified address",
        "224.0.0.1, 224.0.0.1 is a multicast address",
        "239.255.255.250, 239.255.255.250 is a multicast address",
        "255.255.255.255, 255.255.255.255 is a broadcast address",
        "240.0.0.1, 240.0.0.1 is a reserved (special-purpose) address",
        "192.0.0.8, 192.0.0.8 is a reserved (special-purpose) address",
        "192.0.2.1, 192.0.2.1 is a reserved (special-purpose) address",
        "198.18.0.1, 198.18.0.1 is a reserved (special-purpose) address",
        "198.51.100.7, 198.51.100.7 is a reserved (special-purpose) address",
        "203.0.113.9, 203.0.113.9 is a reserved (special-purpose) address",
        "192.88.99.1, 192.88.99.1 is a reserved (special-purpose) address"
    })
    void everySpellingOfANonPublicAddressIsRefused(String host, String refusal) {
        Names names = new Names(Map.of());
        TargetAddresses.Verdict v = TargetAddresses.publicOnly().check(host, names);
        assertEquals(refusal, v.refusal());
        assertFalse(v.allowed());
        assertEquals(List.of(), names.asked, "a literal is never looked up");
    }

    @Test
    void aSpellingParsersReadDifferentlyIsRefusedIfAnyReadingIs() {
        // 010.0.0.1: 8.0.0.1 to inet_aton (octal), 10.0.0.1 to a parser that ignores leading zeros.
        assertEquals(
                List.of("8.0.0.1", "10.0.0.1"),
                IpLiterals.parse("010.0.0.1").stream()
                        .map(InetAddress::getHostAddress)
                        .toList());
        assertEquals("10.0.0.1 is a private address", publicOnly("010.0.0.1").refusal());
        // 08.8.8.8 is no octal number: only the decimal reading is left, and it is public.
        assertTrue(publicOnly("08.8.8.8").allowed());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "93.184.216.34",
                "134744072", // 8.8.8.8
                "172.32.0.1",
                "172.15.255.255",
                "100.128.0.1",
                "169.255.0.1",
                "192.169.0.1",
                "[2606:4700:4700::1111]",
                "[2a00:1450:4001:82b::200e]",
                "[::ffff:8.8.8.8]",
                "[64:ff9b::808:808]",
                "[2002:808:808::1]",
                "[2001:200::1]"
            })
    void publicAddressesAreAllowed(String host) {
        TargetAddresses.Verdict v = publicOnly(host);
        assertNull(v.refusal(), host);
        assertTrue(v.allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "api.localhost", "a.b.Localhost."})
    void localhostNamesStandForTheLoopbackWhateverTheResolverSays(String host) {
        Names names = new Names(Map.of(IpLiterals.ascii(host), List.of("8.8.8.8")));
        TargetAddresses.Verdict v = TargetAddresses.publicOnly().check(host, names);
        assertEquals(IpLiterals.ascii(host) + " stands for a loopback address", v.refusal());
        assertEquals(List.of(), names.asked);
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIs() {
        Names names = new Names(Map.of(
                "hooks.example.org", List.of("93.184.216.34", "2606:2800:220:1::1"),
                "mixed.example.org", List.of("93.184.216.34", "10.0.0.7"),
                "metadata.example.org", List.of("169.254.169.254")));
        TargetAddresses rule = TargetAddresses.publicOnly();

        TargetAddresses.Verdict ok = rule.check("hooks.example.org", names);
        assertTrue(ok.allowed());
        assertEquals(2, ok.addresses().size());
        assertTrue(rule.check("Hooks.Example.org.", names).unresolved(), "looked up as written");
        assertEquals(
                "mixed.example.org resolves to a private address",
                rule.check("mixed.example.org", names).refusal());
        assertEquals(
                "metadata.example.org resolves to a link-local address",
                rule.check("metadata.example.org", names).refusal());
        assertEquals(
                List.of("hooks.example.org", "Hooks.Example.org.", "mixed.example.org", "metadata.example.org"),
                names.asked);
    }

    @Test
    void aNameThatDoesNotResolveIsNeitherAllowedNorRefused() {
        TargetAddresses.Verdict v = publicOnly("nowhere.invalid");
        assertTrue(v.unresolved());
        assertFalse(v.allowed());
        assertNull(v.refusal());
        // Neither is a malformed address, which only a resolver could make something of.
        assertTrue(publicOnly("999.1.1.1").unresolved());
        assertTrue(publicOnly("[::ffff:zz]").unresolved());
    }

    @Test
    void allowPrivateOpensEveryOpenableRangeButNeverTheUnspecifiedMulticastOrBroadcast() {
        TargetAddresses open = new TargetAddresses(true, List.of());
        for (String host :
                List.of("127.0.0.1", "[::1]", "10.0.0.1", "169.254.169.254", "[fd00::1]", "100.64.0.1", "localhost")) {
            assertTrue(open.check(host, NO_NAMES).allowed(), host);
        }
        assertEquals(
                "0.0.0.0 is an unspecified address",
                open.check("0.0.0.0", NO_NAMES).refusal());
        assertEquals(
                "0:0:0:0:0:0:0:0 is an unspecified address",
                open.check("[::]", NO_NAMES).refusal());
        assertEquals(
                "224.0.0.251 is a multicast address",
                open.check("224.0.0.251", NO_NAMES).refusal());
        assertEquals(
                "255.255.255.255 is a broadcast address",
                open.check("255.255.255.255", NO_NAMES).refusal());
    }

    @Test
    void allowedNetworksOpenOnlyTheirOwnAddresses() {
        TargetAddresses rule = new TargetAddresses(
                false, List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"), Cidr.parse("10.20.0.0/16")));
        assertTrue(rule.check("127.0.0.1", NO_NAMES).allowed());
        assertTrue(rule.check("2130706433", NO_NAMES).allowed());
        assertTrue(rule.check("[::1]", NO_NAMES).allowed());
        assertTrue(rule.check("localhost", NO_NAMES).allowed());
        assertTrue(rule.check("10.20.255.1", NO_NAMES).allowed());
        assertEquals(
                "10.21.0.1 is a private address",
                rule.check("10.21.0.1", NO_NAMES).refusal());
        assertEquals(
                "169.254.169.254 is a link-local address",
                rule.check("169.254.169.254", NO_NAMES).refusal());
        // A network that covers them opens neither the unspecified address nor multicast.
        TargetAddresses everything = new TargetAddresses(false, List.of(Cidr.parse("0.0.0.0/0")));
        assertTrue(everything.check("192.168.1.1", NO_NAMES).allowed());
        assertNotNull(everything.check("0.0.0.0", NO_NAMES).refusal());
        assertNotNull(everything.check("224.0.0.1", NO_NAMES).refusal());
    }

    @Test
    void networksAreParsedStrictly() {
        Cidr v4 = Cidr.parse(" 172.16.0.0/12 ");
        assertTrue(v4.contains(address("172.31.1.1")));
        assertFalse(v4.contains(address("172.32.0.1")));
        assertFalse(v4.contains(address("::ffff:0:ac10:1")), "another family");
        Cidr one = Cidr.parse("fd00::5");
        assertEquals("fd00:0:0:0:0:0:0:5/128", one.toString());
        assertTrue(one.contains(address("fd00::5")));
        assertFalse(one.contains(address("fd00::6")));
        for (String bad :
                List.of("10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "intranet", "10.0/8", "0x7f.0.0.1/8", "")) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }

    private static InetAddress address(String literal) {
        return IpLiterals.parse(literal).get(0);
    }
}
