package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import app.hindsight.shared.ExpectedVersion;
import app.hindsight.shared.StaleVersion;

/** If-Match read into the versions a client expects, and checked against the current one, without Quarkus. */
class ETagsTest {

    @Test
    void noIfMatchExpectsNothing() {
        assertNull(ETags.expected(null));
        assertNull(ETags.expected("  "));
    }

    @Test
    void aPatchNeedsIfMatch() {
        ApiException e = assertThrows(ApiException.class, () -> ETags.required(null));
        assertEquals(428, e.status());
    }

    @Test
    void aPatchNeedsAConcreteTagNotTheWildcard() {
        for (String ifMatch : new String[] {"*", " * ", "*, \"3\""}) {
            ApiException e = assertThrows(ApiException.class, () -> ETags.required(ifMatch), ifMatch);
            assertEquals(428, e.status());
            assertEquals(
                    "If-Match: * matches any version; send the ETag from a GET of this prediction", e.getMessage());
        }
        assertDoesNotThrow(() -> ETags.required("\"3\"").check(3));
    }

    @Test
    void theCurrentTagOrAnyOfSeveralMatches() {
        assertDoesNotThrow(() -> ETags.expected("\"3\"").check(3));
        assertDoesNotThrow(() -> ETags.expected("\"1\", \"3\"").check(3));
        assertDoesNotThrow(() -> ETags.expected("*").check(7));
    }

    @Test
    void aStaleTagNamesTheCurrentVersion() {
        StaleVersion e =
                assertThrows(StaleVersion.class, () -> ETags.expected("\"2\"").check(3));
        assertEquals(3, e.current());
        assertNull(e.weakTag());
    }

    @Test
    void tagsThisServiceNeverIssuedMatchNothing() {
        for (String tag : new String[] {"\"03\"", "\"abc\"", "\"3 \"", "\"99999999999999999999\""}) {
            assertThrows(StaleVersion.class, () -> ETags.expected(tag).check(3), tag);
        }
    }

    @Test
    void aWeakTagNeverMatchesAndTheRefusalSaysSo() {
        StaleVersion e = assertThrows(
                StaleVersion.class, () -> ETags.expected("W/\"3\", W/\"4\"").check(3));
        assertEquals("W/\"3\"", e.weakTag());
        assertDoesNotThrow(() -> ETags.expected("W/\"3\", \"3\"").check(3), "a strong tag beside it may match");
    }

    @Test
    void anExpectedVersionIsOneVersion() {
        assertDoesNotThrow(() -> ExpectedVersion.of(5).check(5));
        assertThrows(StaleVersion.class, () -> ExpectedVersion.of(5).check(6));
        assertEquals("\"5\"", ETags.of(5));
    }

    @Test
    void anUnquotedTagIsABadRequestThatShowsTheQuotedForm() {
        ApiException e = assertThrows(ApiException.class, () -> ETags.expected("0"));
        assertEquals(400, e.status());
        assertEquals("If-Match", e.errors().get(0).field());
        assertEquals(
                "'0' is not an entity tag: ETags are quoted, send it as the ETag header gave it, e.g. If-Match: \"0\"",
                e.errors().get(0).message());
        assertThrows(ApiException.class, () -> ETags.required("\"1\", 2"), "one unquoted tag among others");
        assertThrows(ApiException.class, () -> ETags.expected("abc"));
    }
}
