package app.hindsight.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import app.hindsight.prediction.model.Direction;
import app.hindsight.prediction.model.Scale;

/**
 * The chart parses as SVG and says what it should in text: title, legend, verdict, dates; on LOG the value axis is
 * logarithmic (a factor of ten is the same height wherever it is), on LINEAR it is not. Each chart is also written to
 * target/trajectory-charts/ for a person to look at.
 */
class TrajectoryChartTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String TITLE = "gpt5-level-intelligence-100x-cheaper-by-2027";
    private static final String UNIT = "USD per million tokens";
    private static final Point BASELINE = new Point(LocalDate.parse("2026-01-27"), 3.4375);
    private static final LocalDate TARGET_DATE = LocalDate.parse("2027-12-31");

    /** A text element: what it says and where (its baseline's y). */
    private record Text(String content, double y) {}

    private static Trajectory hundredX(List<Point> observations, LocalDate today) {
        return Trajectories.compute(
                Scale.LOG, Direction.DECREASE, BASELINE, 0.034375, TARGET_DATE, observations, today);
    }

    private static List<Text> parse(String name, String svg) throws Exception {
        Path out = Path.of("target", "trajectory-charts");
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".svg"), svg);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("0 0 800 500", root.getAttribute("viewBox").replace(".0", ""));
        assertTrue(doc.getElementsByTagNameNS(SVG_NS, "path").getLength() > 0, "lines and points drawn");
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, "text");
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            texts.add(new Text(text.getTextContent(), Double.parseDouble(text.getAttribute("y"))));
        }
        return texts;
    }

    private static List<String> contents(List<Text> texts) {
        return texts.stream().map(Text::content).toList();
    }

    private static double y(List<Text> texts, String content) {
        List<Text> found =
                texts.stream().filter(t -> t.content().equals(content)).toList();
        assertEquals(1, found.size(), "one text " + content + " in " + contents(texts));
        return found.get(0).y();
    }

    @Test
    void theHundredTimesChartHasTitleLegendVerdictAndDates() throws Exception {
        List<Point> observations = List.of(new Point(LocalDate.parse("2026-11-29"), 0.34375));
        Trajectory t = hundredX(observations, LocalDate.parse("2026-11-29"));
        List<String> texts = contents(parse("hundred-x", TrajectoryChart.svg(TITLE, UNIT, Scale.LOG, t, observations)));
        assertTrue(texts.contains(TITLE), "the title");
        assertTrue(
                texts.contains("On track: 50% of the way (log scale), 44% of the time gone, the fit reaches the target"
                        + " on 2027-10-01"),
                "the verdict in words: " + texts);
        assertTrue(texts.contains("baseline 3.4375 on 2026-01-27"), "legend: baseline");
        assertTrue(texts.contains("target 0.034375 by 2027-12-31"), "legend: target");
        assertTrue(texts.contains("straight path, baseline to target"), "legend: the straight path");
        assertTrue(texts.contains("observations (1)"), "legend: observations");
        // 1 / 10^(-365.25 / 306) = 15.6
        assertTrue(texts.contains("least-squares fit (15.6 times less per year)"), "legend: the fit");
        assertTrue(texts.contains("2026-11-29"), "the observation's date");
        assertTrue(texts.contains("target date 2027-12-31"), "the target date's marker");
        assertTrue(texts.contains("date"), "the date axis");
    }

    /**
     * The price goes from 3.4375 to 0.034375: the axis is labelled at the powers of ten and at 2 and 5 times them, as
     * plain numbers, and a factor of ten is the same height anywhere on it (0.05 to 0.5, 0.1 to 1, 0.5 to 5); on a
     * linear axis 0.1 to 1 would be a tenth of the height of 0.5 to 5.
     */
    @Test
    void aLogScaleDrawsALogAxis() throws Exception {
        List<Point> observations = List.of(new Point(LocalDate.parse("2026-11-29"), 0.34375));
        List<Text> texts = parse(
                "hundred-x-axis",
                TrajectoryChart.svg(
                        TITLE, UNIT, Scale.LOG, hundredX(observations, LocalDate.parse("2026-11-29")), observations));
        assertTrue(contents(texts).containsAll(List.of("0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5")));
        double decade = y(texts, "0.1") - y(texts, "1");
        assertTrue(decade > 50, "a decade is tall: " + decade);
        assertEquals(decade, y(texts, "0.05") - y(texts, "0.5"), 0.5);
        assertEquals(decade, y(texts, "0.5") - y(texts, "5"), 0.5);
        // log10(2) of a decade between 1 and 2, as between 0.1 and 0.2
        assertEquals(decade * Math.log10(2), y(texts, "1") - y(texts, "2"), 0.5);
        assertEquals(decade * Math.log10(2), y(texts, "0.1") - y(texts, "0.2"), 0.5);
    }

    /** 100 on 2026-01-01 to 200 by 2027-01-01, observations 130 and 140: equal steps of value, equal heights. */
    @Test
    void aLinearScaleDrawsALinearAxis() throws Exception {
        Point baseline = new Point(LocalDate.parse("2026-01-01"), 100);
        List<Point> observations =
                List.of(new Point(LocalDate.parse("2026-04-11"), 130), new Point(LocalDate.parse("2026-07-20"), 140));
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                baseline,
                200,
                LocalDate.parse("2027-01-01"),
                observations,
                LocalDate.parse("2026-09-01"));
        List<Text> texts = parse("linear", TrajectoryChart.svg("widgets", "widgets", Scale.LINEAR, t, observations));
        assertEquals(y(texts, "100") - y(texts, "150"), y(texts, "150") - y(texts, "200"), 0.5);
        List<String> contents = contents(texts);
        assertTrue(contents.contains("least-squares fit (+73 per year)"), "0.2 per day is 73.05 per year: " + contents);
        assertTrue(contents.contains(
                "Behind: 40% of the way, 67% of the time gone, the fit reaches the target on" + " 2027-04-29"));
        assertTrue(contents.containsAll(List.of("2026-04-11", "2026-07-20")), "each observation's date");
    }

    @Test
    void withoutATargetDateTheTargetIsALevelAndThereIsNoPath() throws Exception {
        Point baseline = new Point(LocalDate.parse("2026-01-01"), 100);
        List<Point> observations = List.of(new Point(LocalDate.parse("2026-07-02"), 150));
        Trajectory t = Trajectories.compute(
                Scale.LINEAR, Direction.INCREASE, baseline, 200, null, observations, LocalDate.parse("2026-07-02"));
        List<String> texts =
                contents(parse("undated", TrajectoryChart.svg("undated", null, Scale.LINEAR, t, observations)));
        assertTrue(texts.contains("target 200 (no target date)"), "the target as a level: " + texts);
        assertTrue(texts.contains("No target date: 50% of the way, the fit reaches the target on 2026-12-31"));
        assertFalse(texts.contains("straight path, baseline to target"));
        assertFalse(texts.stream().anyMatch(s -> s.startsWith("target date")));
    }

    @Test
    void withoutObservationsThereIsNeitherPointNorFit() throws Exception {
        Trajectory t = hundredX(List.of(), LocalDate.parse("2026-11-29"));
        List<String> texts = contents(parse("no-data", TrajectoryChart.svg(TITLE, UNIT, Scale.LOG, t, List.of())));
        assertTrue(texts.contains("No observation yet: 44% of the time gone"), texts.toString());
        assertTrue(texts.contains("straight path, baseline to target"));
        assertFalse(texts.stream().anyMatch(s -> s.startsWith("observations") || s.startsWith("least-squares")));
    }

    /** Twelve monthly observations, each 10^(-1/12) of the one before: only the latest carries its date. */
    @Test
    void manyObservationsLabelOnlyTheLatest() throws Exception {
        List<Point> observations = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> new Point(BASELINE.on().plusMonths(i), 3.4375 * Math.pow(10, -i / 12.0)))
                .toList();
        Trajectory t = hundredX(observations, LocalDate.parse("2027-01-27"));
        List<String> texts = contents(parse("many", TrajectoryChart.svg(TITLE, UNIT, Scale.LOG, t, observations)));
        assertTrue(texts.contains("observations (12)"));
        assertTrue(texts.contains("2027-01-27"), "the latest's date");
        assertFalse(texts.contains("2026-02-27"), "not the first's");
    }

    /**
     * Halved by 2026-11-29: the fit reaches the target on 2031-08-22, inside three times the 703 days to the target
     * date (2031-11-06), so it is drawn all the way; a slower fit is cut there.
     */
    @Test
    void chartsAtTheBoundsAndOfFitsTooSteepToSayAreDrawn() throws Exception {
        LocalDate on = LocalDate.parse("2026-01-28");
        Point low = new Point(LocalDate.parse("2026-01-27"), -1e15);
        Trajectory wide = Trajectories.compute(
                Scale.LINEAR, Direction.INCREASE, low, 1e15, TARGET_DATE, List.of(new Point(on, 1e-12)), on);
        parse("bounds-linear", TrajectoryChart.svg("bounds", null, Scale.LINEAR, wide, List.of(new Point(on, 1e-12))));
        for (double latest : new double[] {1e12, 1e-9}) {
            List<Point> observations = List.of(new Point(on, latest));
            Trajectory steep = Trajectories.compute(
                    Scale.LOG,
                    latest > 1 ? Direction.INCREASE : Direction.DECREASE,
                    new Point(LocalDate.parse("2026-01-27"), 1),
                    latest > 1 ? 1e15 : 1e-12,
                    TARGET_DATE,
                    observations,
                    on);
            assertEquals(null, steep.fit().ratePerYear());
            List<String> texts = contents(parse(
                    "steep-" + (latest > 1 ? "up" : "down"),
                    TrajectoryChart.svg("steep", null, Scale.LOG, steep, observations)));
            assertTrue(texts.stream().anyMatch(t -> t.contains("too steep to say per year")), texts.toString());
        }
    }

    @Test
    void theFitRunsToItsProjectionButNoFurtherThanThreeTimesTheSpan() throws IOException {
        List<Point> halved = List.of(new Point(LocalDate.parse("2026-11-29"), 1.71875));
        Trajectory t = hundredX(halved, LocalDate.parse("2026-11-29"));
        assertEquals(LocalDate.parse("2031-08-22"), ChartExtent.fitEnd(t, halved));
        List<Point> slower = List.of(new Point(LocalDate.parse("2026-11-29"), 3));
        Trajectory slow = hundredX(slower, LocalDate.parse("2026-11-29"));
        assertTrue(slow.projectedOn().isAfter(LocalDate.parse("2031-11-06")));
        assertEquals(LocalDate.parse("2031-11-06"), ChartExtent.fitEnd(slow, slower));
        Trajectory onTrack =
                hundredX(List.of(new Point(LocalDate.parse("2026-11-29"), 0.34375)), LocalDate.parse("2026-11-29"));
        assertEquals(TARGET_DATE, ChartExtent.fitEnd(onTrack, List.of()), "to the target date when earlier");
    }

    /**
     * A fit that reaches the target in 2054 is drawn only to 2031: the subtitle gives the date and says it is after the
     * chart's end, instead of naming a date the axis never shows; one inside the chart is not so marked.
     */
    @Test
    void aProjectionAfterTheChartsEndIsSaidToBe() throws Exception {
        List<Point> slow = List.of(new Point(LocalDate.parse("2026-11-29"), 3));
        Trajectory t = hundredX(slow, LocalDate.parse("2026-11-29"));
        assertEquals(LocalDate.parse("2054-06-01"), t.projectedOn());
        assertEquals(LocalDate.parse("2031-11-06"), ChartExtent.lastDay(t, slow));
        List<String> texts = contents(parse("hundred-x-far", TrajectoryChart.svg(TITLE, UNIT, Scale.LOG, t, slow)));
        assertTrue(
                texts.contains("Behind: 3% of the way (log scale), 44% of the time gone, the fit reaches the target on"
                        + " 2054-06-01, after this chart's end"),
                texts.toString());
        List<Point> onTrack = List.of(new Point(LocalDate.parse("2026-11-29"), 0.34375));
        Trajectory near = hundredX(onTrack, LocalDate.parse("2026-11-29"));
        assertFalse(ChartWords.summary(Scale.LOG, near, ChartExtent.lastDay(near, onTrack))
                .contains("after this chart's end"));
    }

    /**
     * The last date on the axis ("Nov-2031") is centred on its tick near the right edge; a browser's sans-serif may be
     * wider than the one JFreeChart measured with, and it was cut off. Every date label now ends inside the chart
     * even at 0.7 em a character, wider than any common sans-serif's digits and capitals.
     */
    @Test
    void theLastDateLabelHasRoomBeforeTheEdge() throws Exception {
        List<Point> slow = List.of(new Point(LocalDate.parse("2026-11-29"), 3));
        String svg = TrajectoryChart.svg(TITLE, UNIT, Scale.LOG, hundredX(slow, LocalDate.parse("2026-11-29")), slow);
        java.util.regex.Matcher dates = java.util.regex.Pattern.compile(
                        "<text x='([0-9.]+)'[^>]*font-size: ([0-9.]+)px;[^>]*>([A-Z][a-z]{2}-\\d{4})</text>")
                .matcher(svg);
        int found = 0;
        while (dates.find()) {
            found++;
            double end = Double.parseDouble(dates.group(1))
                    + dates.group(3).length() * 0.7 * Double.parseDouble(dates.group(2));
            assertTrue(end <= TrajectoryChart.WIDTH, dates.group(3) + " ends at " + end);
        }
        assertTrue(found >= 5, "the date axis's labels, found " + found);
    }
}
