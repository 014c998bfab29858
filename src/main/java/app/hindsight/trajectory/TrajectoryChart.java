package app.hindsight.trajectory;

import static app.hindsight.trajectory.ChartExtent.DAY;
import static app.hindsight.trajectory.ChartExtent.clipped;
import static app.hindsight.trajectory.ChartExtent.domain;
import static app.hindsight.trajectory.ChartExtent.fitEnd;
import static app.hindsight.trajectory.ChartExtent.maxValue;
import static app.hindsight.trajectory.ChartExtent.minValue;
import static app.hindsight.trajectory.ChartExtent.padded;
import static app.hindsight.trajectory.ChartExtent.x;
import static app.hindsight.trajectory.ChartWords.number;
import static app.hindsight.trajectory.ChartWords.rate;
import static app.hindsight.trajectory.ChartWords.summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import app.hindsight.prediction.model.Scale;

/**
 * A metric's trajectory as SVG, drawn by JFreeChart on JFreeSVG: the baseline and the target as points, the straight
 * path between them (dashed), the observations with their dates, the least-squares fit, and the target date as a
 * vertical marker; the value axis is logarithmic on a LOG scale, where the fit is a straight line too. The subtitle
 * says the verdict in words.
 *
 * <p>The fit is drawn from the baseline's date to the later of the target date and projectedOn (or to the latest
 * observation when there is neither), but at most twice as far from the baseline as the later of the target date and
 * the latest observation: a projection decades away would squash everything else; the subtitle still gives its date
 * and says that it is after the chart's end.
 * With more than {@value #MAX_DATE_LABELS} observations, only the latest is labelled with its date.
 */
public final class TrajectoryChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    static final int MAX_DATE_LABELS = 10;
    /** The chart's right padding, px: half of the widest date label ("Dec-2031") in a wide sans-serif, and some. */
    static final int RIGHT_ROOM = 36;

    static final String BASELINE = "baseline";
    static final String TARGET = "target";
    static final String PATH = "straight path, baseline to target";
    static final String OBSERVATIONS = "observations";
    static final String FIT = "least-squares fit";

    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color TARGET_RED = new Color(0xb2, 0x22, 0x22);
    private static final Color OBSERVED_BLUE = new Color(0x1f, 0x5f, 0xa8);
    private static final Color FIT_ORANGE = new Color(0xd9, 0x6c, 0x00);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);
    private static final BasicStroke DASHED =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private TrajectoryChart() {}

    /**
     * The chart as an SVG document.
     *
     * @param title the chart's title, e.g. the prediction's key or statement
     * @param unit the metric's unit, the value axis's label; null for none
     * @param observations the ones the trajectory was computed from (not retracted), in any order
     */
    public static String svg(String title, String unit, Scale scale, Trajectory t, List<Point> observations) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart(title, unit, scale, t, observations).draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        // a viewBox so that the page can scale it to a phone's width; no DOCTYPE pointing at an external DTD
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    static JFreeChart chart(String title, String unit, Scale scale, Trajectory t, List<Point> observations) {
        Point baseline = t.baseline();
        List<Point> byDate =
                observations.stream().sorted(Comparator.comparing(Point::on)).toList();
        XYSeriesCollection data = new XYSeriesCollection();
        List<Style> styles = new ArrayList<>();

        XYSeries base = new XYSeries(BASELINE + " " + number(baseline.value()) + " on " + baseline.on());
        base.add(x(baseline.on()), baseline.value());
        data.addSeries(base);
        styles.add(new Style(INK, null, square()));

        if (t.targetDate() != null) {
            XYSeries target = new XYSeries(TARGET + " " + number(t.target()) + " by " + t.targetDate());
            target.add(x(t.targetDate()), t.target());
            data.addSeries(target);
            styles.add(new Style(TARGET_RED, null, diamond()));
            XYSeries path = new XYSeries(PATH);
            path.add(x(baseline.on()), baseline.value());
            path.add(x(t.targetDate()), t.target());
            data.addSeries(path);
            styles.add(new Style(Color.GRAY, DASHED, null));
        }

        int observed = -1;
        if (!byDate.isEmpty()) {
            // in date order as given, so that item i is byDate[i] for its label
            XYSeries points = new XYSeries(OBSERVATIONS + " (" + byDate.size() + ")", false, true);
            for (Point p : byDate) {
                points.add(x(p.on()), p.value());
            }
            observed = data.getSeriesCount();
            data.addSeries(points);
            styles.add(new Style(OBSERVED_BLUE, null, new Ellipse2D.Double(-4, -4, 8, 8)));
        }

        Trajectories.Line line = Trajectories.line(scale, baseline, observations);
        if (line != null && t.fit() != null) {
            double[] span = clipped(scale, line, t, byDate, Trajectories.years(baseline.on(), fitEnd(t, byDate)));
            if (span != null) {
                XYSeries fit = new XYSeries(FIT + " (" + rate(scale, t.fit()) + ")");
                for (double years : span) {
                    double y = line.yAt(years);
                    fit.add(
                            x(baseline.on()) + years * Trajectories.DAYS_PER_YEAR * DAY,
                            scale == Scale.LOG ? Math.exp(y) : y);
                }
                data.addSeries(fit);
                styles.add(new Style(FIT_ORANGE, new BasicStroke(2f), null));
            }
        }

        DateAxis dates = new DateAxis("date", TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ENGLISH);
        dates.setRange(domain(t, byDate));
        String valueLabel = unit == null || unit.isBlank() ? "value" : unit;
        ValueAxis values;
        if (scale == Scale.LOG) {
            values = new DecadeAxis(
                    valueLabel + " (log scale)",
                    Math.min(t.target(), minValue(data)),
                    Math.max(t.target(), maxValue(data)));
        } else {
            NumberAxis linear = new NumberAxis(valueLabel);
            linear.setAutoRangeIncludesZero(false);
            values = linear;
        }

        values.setUpperMargin(0.1); // room for the observations' date labels

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int i = 0; i < styles.size(); i++) {
            Style style = styles.get(i);
            renderer.setSeriesPaint(i, style.color());
            renderer.setSeriesLinesVisible(i, style.stroke() != null);
            if (style.stroke() != null) {
                renderer.setSeriesStroke(i, style.stroke());
            }
            renderer.setSeriesShapesVisible(i, style.shape() != null);
            if (style.shape() != null) {
                renderer.setSeriesShape(i, style.shape());
            }
        }
        if (observed >= 0) {
            int firstLabelled = byDate.size() <= MAX_DATE_LABELS ? 0 : byDate.size() - 1;
            renderer.setSeriesItemLabelGenerator(
                    observed,
                    (dataset, series, item) ->
                            item >= firstLabelled ? byDate.get(item).on().toString() : null);
            renderer.setSeriesItemLabelsVisible(observed, true);
            renderer.setSeriesItemLabelPaint(observed, OBSERVED_BLUE);
            renderer.setSeriesItemLabelFont(observed, new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            renderer.setSeriesPositiveItemLabelPosition(
                    observed, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
            renderer.setSeriesNegativeItemLabelPosition(
                    observed, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }

        XYPlot plot = new XYPlot(data, dates, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (scale == Scale.LOG) {
            plot.setRangeMinorGridlinesVisible(true);
            plot.setRangeMinorGridlinePaint(new Color(0xd8, 0xd8, 0xd8));
        }
        if (t.targetDate() != null) {
            ValueMarker due = new ValueMarker(x(t.targetDate()), TARGET_RED, DASHED);
            due.setLabel("target date " + t.targetDate());
            due.setLabelPaint(TARGET_RED);
            due.setLabelBackgroundColor(LABEL_BACKGROUND);
            due.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            due.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            due.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(due);
        } else {
            ValueMarker goal = new ValueMarker(t.target(), TARGET_RED, DASHED);
            goal.setLabel("target " + number(t.target()) + " (no target date)");
            goal.setLabelPaint(TARGET_RED);
            goal.setLabelBackgroundColor(LABEL_BACKGROUND);
            goal.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            goal.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            goal.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(goal);
            // a range marker does not widen the axis by itself
            values.setAutoRange(false);
            double low = Math.min(t.target(), minValue(data));
            double high = Math.max(t.target(), maxValue(data));
            values.setRange(padded(scale, low, high));
        }

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(
                summary(scale, t, ChartExtent.lastDay(t, byDate)), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        // Room on the right for the last date's label: centred on its tick, it reached past the edge and was cut off
        // (the more so in a browser, whose sans-serif may be wider than the one the chart was measured with).
        chart.setPadding(new RectangleInsets(4, 8, 4, RIGHT_ROOM));
        return chart;
    }

    private static Shape square() {
        return new Rectangle2D.Double(-5, -5, 10, 10);
    }

    private static Shape diamond() {
        java.awt.geom.Path2D.Double d = new java.awt.geom.Path2D.Double();
        d.moveTo(0, -7);
        d.lineTo(7, 0);
        d.lineTo(0, 7);
        d.lineTo(-7, 0);
        d.closePath();
        return d;
    }

    private record Style(Color color, BasicStroke stroke, Shape shape) {}
}
