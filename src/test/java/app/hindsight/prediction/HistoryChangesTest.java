package app.hindsight.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.prediction.store.PredictionHistory;

/** What an UPDATED event records: each changed field, old and new, without Quarkus. */
class HistoryChangesTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode node(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void onlyChangedFieldsInFieldOrder() throws Exception {
        JsonNode changes = PredictionHistory.changes(
                node("{'statement':'a','topics':['x'],'kind':'CLAIM'}"),
                node("{'statement':'b','topics':['x'],'kind':'FORECAST'}"));
        assertEquals(node("{'kind':{'old':'CLAIM','new':'FORECAST'},'statement':{'old':'a','new':'b'}}"), changes);
        assertEquals("kind", changes.fieldNames().next());
    }

    @Test
    void anAddedOrRemovedFieldHasANullSide() throws Exception {
        JsonNode changes = PredictionHistory.changes(node("{'quote':{'text':'q'}}"), node("{'metric':{'name':'m'}}"));
        assertEquals(
                node("{'metric':{'old':null,'new':{'name':'m'}},'quote':{'old':{'text':'q'},'new':null}}"), changes);
    }

    @Test
    void nothingChangedIsEmpty() throws Exception {
        assertTrue(PredictionHistory.changes(node("{'a':[1,2]}"), node("{'a':[1,2]}"))
                .isEmpty());
    }
}
