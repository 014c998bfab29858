package app.hindsight.desk;

import static app.hindsight.desk.DeskPagesTest.DESK_CSP;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** /desk/predictions: the list's filters as a form, pages with next and previous, rows leading to each prediction. */
@QuarkusTest
class BrowsePagesTest {

    private static final Pattern ROW_LINK =
            Pattern.compile("<td data-label=\"Prediction\"><a href=\"/desk/predictions/([a-z0-9-]+)\">");
    private static final Pattern REL = Pattern.compile("<a rel=\"(next|prev)\" href=\"([^\"]+)\">");

    private static ValidatableResponse page(String path) {
        return given().accept("text/html")
                .urlEncodingEnabled(false)
                .get(path)
                .then()
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", DESK_CSP);
    }

    @Test
    void aSpeakerFoundByPartOfTheNameListsTheirPredictionsEachLinkingToItsPage() {
        String u = TestData.uid();
        String mine = said("Ingrid Ødegård" + u, "browse-mine");
        String other = said("Ingrid Other" + u, "browse-other");
        AdminTokenByDefault.anonymous();

        String html = page("/desk/predictions?speaker=odegard" + u + "&sort=-updated")
                .statusCode(200)
                .body(containsString("<h1>Browse and search predictions</h1>"))
                .body(containsString("<label for=\"f-speaker\">Speaker</label>"))
                .body(containsString("value=\"odegard" + u + "\""))
                .body(containsString("<option value=\"-updated\" selected>updated, latest first</option>"))
                .body(containsString("href=\"/desk/predictions/" + mine + "\""))
                .body(not(containsString(other)))
                .extract()
                .asString();
        assertEquals(List.of(mine), rows(html));
    }

    @Test
    void aPartThatFitsNoSpeakerSuggestsTheNearest() {
        String u = TestData.uid();
        said("Xavier Quillfeather" + u, "browse-near");
        AdminTokenByDefault.anonymous();

        page("/desk/predictions?speaker=quilfeather" + u)
                .statusCode(200)
                .body(containsString("No prediction matches."))
                .body(containsString("Did you mean <a href=\"/desk/predictions?speaker=Xavier%20Quillfeather" + u
                        + "\">Xavier Quillfeather" + u + "</a>?"));
    }

    @Test
    void thePagesGoForwardAndBackWithoutGapsOrRepeats() {
        String topic = "t-" + TestData.uid();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            Map<String, Object> body = TestData.prediction(TestData.key("browse-page"));
            body.put("topics", List.of(topic));
            created.add(TestData.create(body));
        }
        AdminTokenByDefault.anonymous();

        String first = page("/desk/predictions?topic=" + topic + "&hasMetric=false")
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(created.subList(0, 50), rows(first));
        assertNull(link(first, "prev"));
        assertNotNull(link(first, "next"));
        String second = page(link(first, "next")).statusCode(200).extract().asString();
        assertEquals(created.subList(50, 53), rows(second));
        assertNull(link(second, "next"));
        assertTrue(second.contains(">First page</a>"));
        String back = page(link(second, "prev")).statusCode(200).extract().asString();
        assertEquals(rows(first), rows(back));
        assertEquals(53, new HashSet<>(concat(rows(first), rows(second))).size());
    }

    @Test
    void speakersSourcesAndTopicsLeadToTheBrowsePageWithTheFilterFilledIn() {
        String u = TestData.uid();
        String speaker = "Lena Linkwood" + u;
        String sourceKey = TestData.createSource(TestData.source(TestData.key("browse-src")));
        Map<String, Object> body = TestData.prediction(TestData.key("browse-links"));
        body.put("speaker", speaker);
        body.put("source", sourceKey);
        body.put("topics", List.of("t-" + u));
        String key = TestData.create(body);
        AdminTokenByDefault.anonymous();

        page("/desk/speakers")
                .statusCode(200)
                .body(containsString("href=\"/desk/predictions?speaker=Lena%20Linkwood" + u + "\""));
        page("/desk/sources")
                .statusCode(200)
                .body(containsString("href=\"/desk/predictions?source=" + sourceKey + "\""));
        page("/desk/predictions/" + key)
                .statusCode(200)
                .body(containsString("href=\"/desk/predictions?topic=t-" + u + "\""))
                .body(containsString("href=\"/desk/predictions?speaker=Lena%20Linkwood" + u + "\""));
        String bySource = page("/desk/predictions?source=" + sourceKey)
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(List.of(key), rows(bySource));
        page("/").statusCode(200).body(containsString("<a href=\"/desk/predictions\">Predictions</a>"));
    }

    @Test
    void aBadFilterOrSortIsAnHtmlPageSayingWhich() {
        AdminTokenByDefault.anonymous();
        page("/desk/predictions?sort=sideways")
                .statusCode(400)
                .body(containsString("sideways&#39; must be one of madeOn"));
        page("/desk/predictions?status=MAYBE").statusCode(400).body(containsString("status"));
        page("/desk/predictions?cursor=nonsense").statusCode(400).body(containsString("cursor"));
    }

    private static String said(String speaker, String prefix) {
        Map<String, Object> body = TestData.prediction(TestData.key(prefix));
        body.put("speaker", speaker);
        return TestData.create(body);
    }

    private static List<String> rows(String html) {
        List<String> keys = new ArrayList<>();
        Matcher m = ROW_LINK.matcher(html);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The href of the page's rel=next or rel=prev link, unescaped; null when there is none. */
    private static String link(String html, String rel) {
        Matcher m = REL.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(rel)) {
                return m.group(2).replace("&amp;", "&");
            }
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
