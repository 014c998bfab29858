package app.hindsight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What hindsight.public-url may be, without Quarkus. */
class PublicAddressTest {

    @Test
    void trailingSlashesGoAndAPathPrefixStays() {
        assertEquals("https://hindsight.example.org", PublicAddress.check("https://hindsight.example.org/"));
        assertEquals("https://example.org/hindsight", PublicAddress.check(" https://example.org/hindsight// "));
        assertEquals("http://localhost:8080", PublicAddress.check("http://localhost:8080"));
    }

    @Test
    void anythingButAnHttpAddressIsRefusedWithAnExample() {
        for (String bad : new String[] {
            "hindsight.example.org",
            "ftp://example.org",
            "https://example.org/?x=1",
            "https://user:pw@example.org",
            "https://example.org/#top",
            "http://exa mple.org"
        }) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PublicAddress.check(bad), bad);
            assertTrue(e.getMessage().contains("hindsight.public-url"), e.getMessage());
        }
    }
}
