package app.hindsight.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.shared.InvalidInput;

/** RFC 7386's examples (appendix A), and reading a patch, without Quarkus. */
class MergePatchTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode node(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    private void check(String target, String patch, String result) throws Exception {
        assertEquals(node(result), MergePatch.apply(node(target), node(patch)), target + " + " + patch);
    }

    @Test
    void theRfcExamples() throws Exception {
        check("{'a':'b'}", "{'a':'c'}", "{'a':'c'}");
        check("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}");
        check("{'a':'b'}", "{'a':null}", "{}");
        check("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}");
        check("{'a':['b']}", "{'a':'c'}", "{'a':'c'}");
        check("{'a':'c'}", "{'a':['b']}", "{'a':['b']}");
        check("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}");
        check("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}");
        check("['a','b']", "['c','d']", "['c','d']");
        check("{'a':'b'}", "['c']", "['c']");
        check("{'a':'foo'}", "null", "null");
        check("{'a':'foo'}", "'bar'", "'bar'");
        check("{'e':null}", "{'a':1}", "{'e':null,'a':1}");
        check("[1,2]", "{'a':'b','c':null}", "{'a':'b'}");
        check("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}");
    }

    @Test
    void theTargetIsNotChanged() throws Exception {
        JsonNode target = node("{'a':{'b':'c'}}");
        MergePatch.apply(target, node("{'a':{'b':null}}"));
        assertEquals(node("{'a':{'b':'c'}}"), target);
    }

    @Test
    void noBodyIsNoPatchAndMalformedJsonNamesWhere() {
        assertNull(MergePatch.read(json, null));
        InvalidInput e = assertThrows(
                InvalidInput.class, () -> MergePatch.read(json, "{\"a\": }".getBytes(StandardCharsets.UTF_8)));
        assertEquals("body", e.errors().get(0).field());
        assertEquals(true, e.errors().get(0).message().startsWith("malformed JSON at line 1"));
    }
}
