package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import app.hindsight.shared.FieldError;

class TargetTextTest {

    @Test
    void validUtf8AndPlainTargetsPass() {
        assertNull(TargetText.problem("/api/v1/predictions"));
        assertNull(TargetText.problem("/api/v1/speakers/Ren%C3%A9%20Descartes?limit=5"));
        assertNull(TargetText.problem("/api/v1/predictions?q=%E4%B8%AD%E6%96%87&speaker=Sam+Altman&flag"));
        assertNull(TargetText.problem("/api/v1/predictions?q=%F0%9F%98%80"), "a character outside the BMP");
        assertNull(TargetText.problem("/api/v1/predictions?q=100%25"));
    }

    @Test
    void nulIsRefusedNamingTheParameterOrThePath() {
        FieldError q = TargetText.problem("/api/v1/predictions?limit=5&q=a%00b");
        assertEquals("q", q.field());
        assertTrue(q.message().contains("U+0000"), q.message());
        assertEquals("path", TargetText.problem("/api/v1/predictions/%00").field());
        assertEquals(
                "assignee", TargetText.problem("/desk/reviews?assignee=%00").field());
        assertEquals("query", TargetText.problem("/api/v1/predictions?%00=1").field());
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals(
                "speaker",
                TargetText.problem("/api/v1/predictions?speaker=a%0D%0Ab").field());
        assertEquals("path", TargetText.problem("/api/v1/speakers/a%09b").field());
        assertEquals("q", TargetText.problem("/api/v1/predictions?q=%C2%85").field(), "C1, encoded as UTF-8");
    }

    @Test
    void percentEncodingThatIsNotUtf8IsRefusedNotReplaced() {
        for (String bad : new String[] {"%FF", "%C3%28", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%C3", "%F4%90%80%80"}) {
            FieldError path = TargetText.problem("/api/v1/speakers/x" + bad);
            assertEquals("path", path.field(), bad);
            assertTrue(path.message().startsWith("is not UTF-8"), path.message());
            assertEquals("q", TargetText.problem("/api/v1/predictions?q=" + bad).field(), bad);
        }
        assertTrue(TargetText.problem("/api/v1/speakers/ab%FF").message().contains("character 20 (%FF)"));
    }
}
