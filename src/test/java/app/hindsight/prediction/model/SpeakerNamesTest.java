package app.hindsight.prediction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpeakerNamesTest {

    @Test
    void aPartMatchesFromTheStartOfAnyWordIgnoringCaseAndAccents() {
        assertTrue(SpeakerNames.matches("Sam Altman", "altman"));
        assertTrue(SpeakerNames.matches("Sam Altman", "SAM"));
        assertTrue(SpeakerNames.matches("Sam Altman", "Sam Alt"));
        assertTrue(SpeakerNames.matches("Zoë Ångström", "zoe angst"));
        assertTrue(SpeakerNames.matches("Jean-Pierre Lévy", "pierre levy"));
        assertTrue(SpeakerNames.matches("Ingrid Ødegård", "odegard"));
        assertTrue(SpeakerNames.matches("Lech Wałęsa", "walesa"));
        assertFalse(SpeakerNames.matches("Sam Altman", "tman"));
        assertFalse(SpeakerNames.matches("Sam Altman", "altman sam"));
        assertFalse(SpeakerNames.matches("Sam Altman", " "));
    }

    @Test
    void theNearestNamesAreMeasuredByTheirNearestWord() {
        List<String> names = List.of("Sam Altman", "Rachel Altmann", "Dario Amodei");
        assertEquals(List.of("Sam Altman"), SpeakerNames.nearest(names, "altmn"));
        assertEquals(List.of("Dario Amodei"), SpeakerNames.nearest(names, "amodie"));
        assertEquals(List.of("Rachel Altmann", "Sam Altman"), SpeakerNames.matching(names, "alt"));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndReplacements() {
        assertEquals(0, app.hindsight.text.EditDistance.between("altman", "altman"));
        assertEquals(1, app.hindsight.text.EditDistance.between("altman", "altmn"));
        assertEquals(3, app.hindsight.text.EditDistance.between("kitten", "sitting"));
        assertEquals(6, app.hindsight.text.EditDistance.between("", "altman"));
    }
}
