package app.hindsight.intake.store;

import static app.hindsight.intake.store.Intake.candidates;
import static app.hindsight.intake.store.Intake.path;
import static app.hindsight.intake.store.Intake.put;
import static app.hindsight.intake.store.Intake.putText;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Transcripts go in as text, captions, HTML and PDF, with locators to match; bad uploads store nothing. */
@QuarkusTest
class TranscriptUploadTest {

    static final Path TOWN_HALL_TEXT = Path.of("seeds/altman-town-hall-2026-01-27.zh-Hant.txt");

    /** The town hall's text on a source of its own: the town hall itself has it from the seeds, triaged. */
    @Test
    void theTownHallsTextGoesOnASourceAndItsCandidatesCarryCuesAndLocators() throws IOException {
        String key = TestData.createSource(TestData.source(TestData.key("town-hall-text")));
        String speaker = "Speaker of " + key;
        Map<String, Object> own = TestData.prediction(TestData.key("town-hall-text"));
        own.put("speaker", speaker);
        own.put("source", key);
        TestData.create(own);
        String text = Files.readString(TOWN_HALL_TEXT, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Response stored = put(key, "text/plain; charset=UTF-8", Files.readAllBytes(TOWN_HALL_TEXT), null);
        stored.then()
                .statusCode(201)
                .header("ETag", startsWith("\""))
                .body("rules", equalTo(true))
                .body("found", greaterThan(20))
                .body("transcript.language", equalTo("zh-Hant"))
                .body("transcript.sha256", equalTo(TranscriptService.sha256(text)));

        List<Map<String, Object>> found = candidates(key, "PENDING");
        assertTrue(found.size() > 20, "candidates: " + found.size());
        for (Map<String, Object> c : found) {
            Map<?, ?> quote = (Map<?, ?>) c.get("quote");
            assertTrue(text.contains((String) quote.get("text")), "verbatim: " + quote);
            assertTrue(((String) quote.get("locator")).startsWith("§"), "located in a section: " + quote);
            assertEquals("zh-Hant", quote.get("lang"));
            List<?> cues = (List<?>) c.get("cues");
            assertFalse(cues.isEmpty(), "a candidate says why: " + c);
            assertTrue(((String) ((Map<?, ?>) cues.get(0)).get("entry")).startsWith("cues-zh.txt:"), "entry: " + c);
            assertEquals("PENDING", c.get("state"));
            assertEquals(false, c.get("manual"));
        }

        given().get(path(key) + "/transcript")
                .then()
                .statusCode(200)
                .body("text", equalTo(text))
                .body("mediaType", equalTo("text/plain"))
                .body("segments.size()", greaterThan(20))
                .body("segments[0].locator", equalTo("¶1"));
        String plain = given().accept("text/plain")
                .get(path(key) + "/transcript")
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-Hant")
                .header("ETag", startsWith("\""))
                .extract()
                .asString();
        assertEquals(text, plain);

        given().get(path(key) + "/coverage")
                .then()
                .body("transcript.sha256", equalTo(TranscriptService.sha256(text)))
                .body("pending", equalTo(found.size()))
                .body("fullyTriaged", equalTo(false))
                .body("triagedAt", nullValue());
        given().get("/api/v1/speakers/" + speaker)
                .then()
                .statusCode(200)
                .body("sources.withTranscript", equalTo(1))
                .body("sources.fullyTriaged", equalTo(0))
                .body("sources.caveat", startsWith("1 of 1 sources are not fully triaged"));
    }

    @Test
    void srtCaptionsAreLocatedByTheirStartTime() {
        String key = Intake.source("srt");
        String srt = "1\n00:00:01,000 --> 00:00:04,000\nWelcome everyone to the show.\n\n"
                + "2\n00:01:05,500 --> 00:01:09,000\nWe will open ten new offices by 2028.\n\n"
                + "3\n01:02:10,000 --> 01:02:14,000\nPrices will probably fall next year.\n";
        put(key, "application/x-subrip; charset=UTF-8", srt.getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(201)
                .body("found", equalTo(2));
        List<Map<String, Object>> found = candidates(key, null);
        assertEquals("00:01:05", ((Map<?, ?>) found.get(0).get("quote")).get("locator"));
        assertEquals(
                "We will open ten new offices by 2028.",
                ((Map<?, ?>) found.get(0).get("quote")).get("text"));
        assertEquals("01:02:10", ((Map<?, ?>) found.get(1).get("quote")).get("locator"));
        assertEquals("2027-12-31", ((Map<?, ?>) found.get(1).get("proposedTarget")).get("date"));
        given().get(path(key) + "/transcript")
                .then()
                .body("mediaType", equalTo("application/x-subrip"))
                .body("segments.locator", equalTo(List.of("00:00:01", "00:01:05", "01:02:10")));
    }

    @Test
    void pdfPagesLocateTheirCandidates() throws IOException {
        String key = Intake.source("pdf");
        byte[] pdf = Intake.pdf(List.of(
                List.of("Annual letter", "Our revenue grew a lot last year."),
                List.of("We will open ten new offices by 2028.")));
        put(key, "application/pdf", pdf, null).then().statusCode(201).body("found", equalTo(1));
        Map<?, ?> quote = (Map<?, ?>) candidates(key, null).get(0).get("quote");
        assertEquals("We will open ten new offices by 2028.", quote.get("text"));
        assertTrue(((String) quote.get("locator")).startsWith("p. 2 › "), "page locator: " + quote);
        given().get(path(key) + "/transcript").then().body("segments.locator", hasItem(startsWith("p. 1 › ")));
    }

    @Test
    void htmlHeadingsBecomeSections() {
        String key = Intake.source("html");
        String html = "<html><head><title>Not said</title><script>var x = 'We will leak';</script></head><body>"
                + "<h2>Outlook</h2><p>We will ship the new model by the end of 2027.</p><p>Thanks &amp; bye.</p>"
                + "</body></html>";
        put(key, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(201)
                .body("found", equalTo(1));
        Map<?, ?> quote = (Map<?, ?>) candidates(key, null).get(0).get("quote");
        assertEquals("We will ship the new model by the end of 2027.", quote.get("text"));
        assertEquals("§Outlook › ¶1", quote.get("locator"));
        String text = given().get(path(key) + "/transcript").then().extract().path("text");
        assertFalse(text.contains("Not said") || text.contains("leak"), text);
    }

    @Test
    void docxParagraphsAndHeadingsBecomeSections() throws IOException {
        String key = Intake.source("docx");
        String body = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Outlook</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t xml:space=\"preserve\">Our revenue grew </w:t></w:r><w:r><w:t>last year.</w:t>"
                + "</w:r></w:p>"
                + "<w:p><w:r><w:t>We will open ten new offices </w:t></w:r><w:r><w:t>by 2028.</w:t></w:r></w:p>";
        put(key, DocxText.MEDIA_TYPE, docx(body), null).then().statusCode(201).body("found", equalTo(1));
        Map<?, ?> quote = (Map<?, ?>) candidates(key, null).get(0).get("quote");
        assertEquals("We will open ten new offices by 2028.", quote.get("text"));
        assertEquals("§Outlook › ¶2", quote.get("locator"));
        given().get(path(key) + "/transcript")
                .then()
                .body("mediaType", equalTo(DocxText.MEDIA_TYPE))
                .body("text", containsString("Our revenue grew last year."));
        String bad = Intake.source("docx-bad");
        put(bad, DocxText.MEDIA_TYPE, "not a docx".getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(400)
                .body("errors[0].message", startsWith("cannot be read as DOCX"));
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x \"We will leak\">]>";
        put(bad, DocxText.MEDIA_TYPE, docx(body, doctype), null)
                .then()
                .statusCode(400)
                .body(
                        "errors[0].message",
                        equalTo("cannot be read as DOCX: its word/document.xml is not well-formed XML"));
    }

    /** A Word document as small as it can be: the one part the reader reads. */
    static byte[] docx(String paragraphs) throws IOException {
        return docx(paragraphs, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
    }

    static byte[] docx(String paragraphs, String prolog) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            String xml = prolog
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body>" + paragraphs + "</w:body></w:document>";
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void badUploadsAreProblemsAndStoreNothing() {
        String key = Intake.source("bad");
        put(key, "application/msword", new byte[] {1, 2, 3}, null)
                .then()
                .statusCode(415)
                .contentType(TestData.PROBLEM_JSON)
                .body("detail", startsWith("Content-Type application/msword is not taken here; send text/plain"));
        put(key, "text/plain; charset=ISO-8859-1", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), null)
                .then()
                .statusCode(415)
                .body("detail", startsWith("charset ISO-8859-1 is not taken here"));
        put(key, "text/plain; charset=UTF-8", new byte[] {'a', (byte) 0xC3, '(', 'b'}, null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("is not valid UTF-8"));
        put(key, "text/plain; charset=UTF-8", "We will\0 ship.".getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("has a NUL character at offset 7; send text"));
        put(key, "text/plain; charset=UTF-8", new byte[0], null)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        put(key, "text/vtt; charset=UTF-8", "WEBVTT\n\nno timing here\n".getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(400)
                .body("errors[0].message", startsWith("has no caption"));
        put(key, "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("cannot be read as PDF"));
        given().contentType("text/plain; charset=UTF-8")
                .header("Content-Language", "not a tag!")
                .body("We will ship.")
                .put(path(key) + "/transcript")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Content-Language"));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        put(key, "text/plain; charset=UTF-8", huge, null)
                .then()
                .statusCode(413)
                .contentType(TestData.PROBLEM_JSON)
                .body("type", equalTo("/problems/body-too-large"));

        given().get(path(key) + "/transcript").then().statusCode(404);
        given().get(path(key) + "/coverage")
                .then()
                .statusCode(200)
                .body("transcript", nullValue())
                .body("candidates", equalTo(0))
                .body("fullyTriaged", equalTo(false));
        putText("no-such-source-" + TestData.uid(), "We will ship.").then().statusCode(404);
    }

    @Test
    void aReaderMayReadButNotUpload() {
        String key = Intake.source("roles");
        String reader = Intake.token("reader");
        given().header("Authorization", "Bearer " + reader)
                .contentType("text/plain")
                .body(Intake.TALK)
                .put(path(key) + "/transcript")
                .then()
                .statusCode(403)
                .contentType(TestData.PROBLEM_JSON);
        given().get(path(key) + "/transcript").then().statusCode(404);
        putText(key, Intake.TALK).then().statusCode(201);
        given().header("Authorization", "Bearer " + reader)
                .get(path(key) + "/candidates")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(3));
        int id = Intake.candidate(key, "We will ship");
        given().header("Authorization", "Bearer " + reader)
                .contentType("application/json")
                .body(Map.of("reason", "OTHER"))
                .post(path(key) + "/candidates/" + id + "/dismiss")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + reader)
                .contentType("application/json")
                .body(Map.of("statement", "x"))
                .post(path(key) + "/candidates/" + id + "/accept")
                .then()
                .statusCode(403);
        given().get(path(key) + "/candidates/" + id).then().body("state", equalTo("PENDING"));
    }
}
