package app.hindsight.intake.store;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The intake tests' shared steps: sources, uploads, tokens, a PDF of our own. */
final class Intake {

    static final String TALK = String.join(
            "\n\n",
            "## Outlook",
            "We will ship the new model by the end of 2027.",
            "Costs should fall a hundredfold in another couple of years.",
            "I think robots will probably do most chores by 2030.",
            "Today we have ten million users.");

    private Intake() {}

    /** A new English source by "Intake Speaker <uid>", dated 2026-01-27. */
    static String source(String prefix) {
        Map<String, Object> body = TestData.source(TestData.key(prefix));
        body.put("language", "en");
        return TestData.createSource(body);
    }

    static String path(String key) {
        return TestData.SOURCES + "/" + key;
    }

    static Response put(String key, String contentType, byte[] body, String ifMatch) {
        RequestSpecification request = given().contentType(contentType).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(path(key) + "/transcript");
    }

    static Response putText(String key, String text) {
        return put(key, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), null);
    }

    static List<Map<String, Object>> candidates(String key, String state) {
        RequestSpecification request = given().queryParam("limit", 500);
        if (state != null) {
            request.queryParam("state", state);
        }
        return request.get(path(key) + "/candidates")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    /** The id of the candidate whose quote starts so. */
    static int candidate(String key, String quoteStart) {
        return candidates(key, null).stream()
                .filter(c -> ((String) ((Map<?, ?>) c.get("quote")).get("text")).startsWith(quoteStart))
                .map(c -> (Integer) c.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no candidate starts with " + quoteStart));
    }

    static io.restassured.path.json.JsonPath coverage(String key) {
        return given().get(path(key) + "/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A token with only these roles. */
    static String token(String role) {
        return given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .contentType("application/json")
                .body(Map.of("name", TestData.key("intake-" + role), "roles", List.of(role)))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** A PDF with one page per entry, each line of it written on its own line. */
    static byte[] pdf(List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(font, 12);
                    text.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        text.showText(line);
                        text.newLineAtOffset(0, -36);
                    }
                    text.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
