package app.hindsight.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The subscribable kinds are said three ways (a list, a pattern, a message): they must name the same kinds. */
class NoticeKindsTest {

    @Test
    void thePatternAcceptsEveryKindAndNothingElse() {
        Pattern pattern = Pattern.compile(Notice.KINDS_PATTERN);
        for (String kind : Notice.KINDS) {
            assertTrue(pattern.matcher(kind).matches(), kind);
        }
        assertEquals(Notice.KINDS.size(), Notice.KINDS_PATTERN.split("\\|").length);
        assertFalse(pattern.matcher("prediction.resolved").matches());
        assertFalse(pattern.matcher("predictionXdue").matches());
    }

    @Test
    void theMessageNamesEveryKindInOrder() {
        assertEquals("must be one of " + String.join(", ", Notice.KINDS), Notice.KINDS_MESSAGE);
    }
}
