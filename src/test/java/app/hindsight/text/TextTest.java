package app.hindsight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void nulAndUnpairedSurrogatesAreRefusedEverywhere() {
        assertEquals("must not contain U+0000 (null), at character 3", Text.refusedAnywhere("ab\u0000"));
        assertTrue(Text.refusedAnywhere("\ud800").contains("unpaired surrogate (U+D800, at character 1)"));
        assertTrue(Text.refusedAnywhere("a\udc00b").contains("U+DC00"));
        assertTrue(Text.refusedAnywhere("\ud83d").contains("U+D83D"), "a high surrogate at the end");
        assertNotNull(Text.refusedInText("note\u0000"));
        assertNotNull(Text.refusedInLine("\ud800x"));
    }

    @Test
    void textOfAnyScriptIsAccepted() {
        for (String s :
                new String[] {"René Descartes", "到2027年底，OpenAI將提供", "emoji \ud83d\ude00 pairs", "§5 › ok", ""}) {
            assertNull(Text.refusedAnywhere(s), s);
            assertNull(Text.refusedInLine(s), s);
            assertNull(Text.refusedInText(s), s);
        }
    }

    @Test
    void aSingleLineRefusesEveryControlCharacterAndLineSeparatorAndBidiOverride() {
        for (char c :
                new char[] {'\n', '\r', '\t', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'}) {
            String refusal = Text.refusedInLine("ab" + c);
            assertNotNull(refusal, Integer.toHexString(c));
            assertTrue(refusal.startsWith("must be a single line"), refusal);
            assertTrue(
                    refusal.contains(String.format("U+%04X", (int) c)) && refusal.endsWith("at character 3"), refusal);
        }
        assertEquals(
                "must be a single line without control characters; it has U+000D (carriage return (cr)) at character 2",
                Text.refusedInLine("x\r\n\r\nPHISH http://evil/login"));
        assertTrue(Text.refusedInLine("file\u202Etxt.exe").contains("bidirectional"));
        assertTrue(Text.refusedInLine("\u2067x\u2069").contains("U+2067"));
        assertNull(Text.refusedInLine("left\u200Emark"), "the plain marks are text");
    }

    @Test
    void multiLineTextTakesLineFeedsCrLfAndTabsOnly() {
        assertNull(Text.refusedInText("one\ntwo\r\nthree\tfour\u2028five \u202Eok"));
        assertTrue(Text.refusedInText("lone\rcarriage return").contains("U+000D"));
        assertTrue(Text.refusedInText("bell\u0007").contains("U+0007"));
        assertTrue(Text.refusedInText("del\u007f").contains("U+007F"));
        assertTrue(Text.refusedInText("c1\u0085").contains("U+0085"));
        assertTrue(Text.refusedInText("end\r").contains("U+000D"));
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        assertTrue(Text.refusedInLine("\ud83d\ude00\n").endsWith("at character 2"));
    }
}
