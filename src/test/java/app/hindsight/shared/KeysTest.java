package app.hindsight.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keys generated from statements: plain code, no server. */
class KeysTest {

    @Test
    void statementBecomesASlugOfItsWords() {
        assertEquals(
                "end-2027-gpt-5-level-intelligence-100x-cheaper",
                Keys.fromStatement("By the end of 2027, GPT-5-level intelligence will be 100x cheaper."));
    }

    @Test
    void statementWithoutAsciiLettersOrDigitsGetsAKeyFromItsHash() {
        String first = Keys.fromStatement("到二〇二七年底，智能的成本將降到百分之一。");
        String second = Keys.fromStatement("幼兒園的孩子不應該使用人工智能。");

        assertTrue(first.matches("prediction-[0-9a-f]{8}"), first);
        assertTrue(second.matches("prediction-[0-9a-f]{8}"), second);
        assertNotEquals(first, second);
        assertEquals(first, Keys.fromStatement("到二〇二七年底，智能的成本將降到百分之一。"), "the same statement, the same key");
        assertTrue(first.matches(Keys.SLUG));
    }

    @Test
    void statementWithTooFewAsciiCharactersGetsAKeyFromItsHashToo() {
        assertTrue(Keys.fromStatement("AI 會改變一切").matches("prediction-[0-9a-f]{8}"));
    }
}
