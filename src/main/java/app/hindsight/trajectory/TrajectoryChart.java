package app.hindsight.trajectory;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.DateRange;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import app.hindsight.prediction.Scale;

/**
 * A metric's trajectory as SVG, drawn by JFreeChart on JFreeSVG: the baseline and the target as points, the straight
 * path between them (dashed), the observations with their dates, the least-squares fit, and the target date as a
 * vertical marker; the value axis is logarithmic on a LOG scale, where the fit is a straight line too. The subtitle
 * says the verdict in words.
 *
 * <p>The fit is drawn from the baseline's date to the later of the target date and projectedOn (or to the latest
 * observation when there is neither), but at most twice as far from the baseline as the later of the target date and
 * the latest observation: a projection decades away would squash everything else; the subtitle still gives its date.
 * With more than {@value #MAX_DATE_LABELS} observations, only the latest is labelled with its date.
 */
public final class TrajectoryChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    static final int MAX_DATE_LABELS = 10;
    private static final double DAY = 86_400_000.0;

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
        chart.addSubtitle(new TextTitle(summary(scale, t), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        return chart;
    }

    /** The verdict in words, with the figures behind it. */
    static String summary(Scale scale, Trajectory t) {
        String verdict = switch (t.verdict()) {
            case REACHED -> "Target reached";
            case ON_TRACK -> "On track";
            case BEHIND -> "Behind";
            case NO_DATA -> "No observation yet";
            case UNDATED -> "No target date";
        };
        List<String> parts = new ArrayList<>();
        if (t.progress() != null) {
            parts.add(percent(t.progress()) + " of the way" + (scale == Scale.LOG ? " (log scale)" : ""));
        }
        if (t.expectedProgress() != null) {
            parts.add(percent(t.expectedProgress()) + " of the time gone");
        }
        if (t.latest() != null) {
            parts.add(
                    t.projectedOn() == null
                            ? "the fit does not reach the target"
                            : "the fit reaches the target on " + t.projectedOn());
        }
        return parts.isEmpty() ? verdict : verdict + ": " + parts.stream().collect(Collectors.joining(", "));
    }

    /**
     * The part of the fit from the baseline's date ({@code t = 0}) to {@code end} years that stays within the values
     * drawn, widened by their span either way (in ln on LOG), as {@code {from, to}} in years; null when none of it
     * does. A fit steep enough to leave them (tenfold within a day) would otherwise reach values the axis cannot hold:
     * 0 or infinity on a log axis.
     */
    static double[] clipped(Scale scale, Trajectories.Line line, Trajectory t, List<Point> observations, double end) {
        double low = Trajectories.y(scale, t.target(), "target");
        double high = low;
        for (Point p : observations) {
            double y = Trajectories.y(scale, p.value(), "observation");
            low = Math.min(low, y);
            high = Math.max(high, y);
        }
        double base = Trajectories.y(scale, t.baseline().value(), "baseline");
        low = Math.min(low, base);
        high = Math.max(high, base);
        double room = Math.max(high - low, 1e-9);
        low -= room;
        high += room;
        double from = 0;
        double to = end;
        if (line.slope() == 0) {
            return line.intercept() >= low && line.intercept() <= high ? new double[] {from, to} : null;
        }
        double a = (low - line.intercept()) / line.slope();
        double b = (high - line.intercept()) / line.slope();
        from = Math.max(from, Math.min(a, b));
        to = Math.min(to, Math.max(a, b));
        return from < to ? new double[] {from, to} : null;
    }

    static LocalDate fitEnd(Trajectory t, List<Point> byDate) {
        LocalDate from = t.baseline().on();
        LocalDate horizon = from.plusDays(1);
        if (!byDate.isEmpty() && byDate.get(byDate.size() - 1).on().isAfter(horizon)) {
            horizon = byDate.get(byDate.size() - 1).on();
        }
        if (t.targetDate() != null && t.targetDate().isAfter(horizon)) {
            horizon = t.targetDate();
        }
        LocalDate end = t.projectedOn() != null && t.projectedOn().isAfter(horizon) ? t.projectedOn() : horizon;
        LocalDate limit = from.plusDays(3 * ChronoUnit.DAYS.between(from, horizon));
        return end.isAfter(limit) ? limit : end;
    }

    private static org.jfree.data.Range padded(Scale scale, double low, double high) {
        if (scale == Scale.LOG) {
            return new org.jfree.data.Range(low / 2, high * 2);
        }
        double pad = high > low ? (high - low) * 0.08 : Math.max(Math.abs(high) * 0.1, 1);
        return new org.jfree.data.Range(low - pad, high + pad);
    }

    private static double minValue(XYSeriesCollection data) {
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            min = Math.min(min, data.getSeries(s).getMinY());
        }
        return min;
    }

    private static double maxValue(XYSeriesCollection data) {
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            max = Math.max(max, data.getSeries(s).getMaxY());
        }
        return max;
    }

    private static String rate(Scale scale, Fit fit) {
        if (fit.ratePerYear() == null) {
            return "too steep to say per year";
        }
        if (scale == Scale.LOG) {
            double factor = fit.ratePerYear();
            return factor < 1
                    ? number(1 / factor, 3) + " times less per year"
                    : number(factor, 3) + " times more per year";
        }
        double slope = fit.ratePerYear();
        return (slope >= 0 ? "+" : "") + number(slope, 3) + " per year";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** Up to six significant digits, plain: 3.4375, 0.034375, 100.343. */
    static String number(double value) {
        return number(value, 6);
    }

    static String number(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded =
                new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        if (Math.abs(value) < 1000) {
            return rounded.toPlainString();
        }
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(rounded);
    }

    /**
     * A log axis for values that span a decade or more: its ticks are the powers of ten, with minor ticks at 2 to 9
     * times them (labelled at 2 and 5 when fewer than four decades are in view), or every n-th power of ten when
     * there are many. Under a decade, JFreeChart's own ticks. Either way labelled as plain numbers (0.05, 0.1, 1,
     * 1,000) and drawn as SVG text: JFreeChart's own log ticks carry attributed labels ("10" with a superscript
     * exponent), which JFreeSVG draws as glyph outlines, neither searchable nor read aloud.
     */
    static final class DecadeAxis extends LogAxis {

        private final int decadesPerLabel;

        DecadeAxis(String label, double low, double high) {
            super(label);
            setSmallestValue(Double.MIN_NORMAL);
            setMinorTickMarksVisible(true);
            double decades = Math.log10(high) - Math.log10(low);
            decadesPerLabel = decades >= 1 ? (int) Math.max(1, Math.ceil(decades / 8)) : 0;
            if (decadesPerLabel > 0) {
                setTickUnit(new NumberTickUnit(decadesPerLabel, new DecimalFormat("0")), false, true);
            }
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            if (decadesPerLabel == 0 || !RectangleEdge.isLeftOrRight(edge)) {
                for (ValueTick tick : (List<ValueTick>) super.refreshTicks(g2, state, dataArea, edge)) {
                    String text = tick.getTickType() == TickType.MAJOR ? tickLabel(tick.getValue()) : "";
                    ticks.add(new NumberTick(
                            tick.getTickType(),
                            tick.getValue(),
                            text,
                            tick.getTextAnchor(),
                            tick.getRotationAnchor(),
                            tick.getAngle()));
                }
                return ticks;
            }
            TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
            org.jfree.data.Range range = getRange();
            int lowest = (int) Math.floor(Math.log10(range.getLowerBound()));
            int highest = (int) Math.ceil(Math.log10(range.getUpperBound()));
            boolean twosAndFives = decadesPerLabel == 1 && highest - lowest <= 4;
            for (int k = lowest; k <= highest; k++) {
                for (int m = 1; m <= 9; m++) {
                    double value = m * Math.pow(10, k);
                    if (!range.contains(value) || (decadesPerLabel > 1 && m > 1)) {
                        continue;
                    }
                    boolean major = m == 1 && Math.floorMod(k, decadesPerLabel) == 0;
                    boolean labelled = major || (twosAndFives && (m == 2 || m == 5));
                    ticks.add(new NumberTick(
                            major ? TickType.MAJOR : TickType.MINOR,
                            value,
                            labelled ? tickLabel(value) : "",
                            anchor,
                            anchor,
                            0.0));
                }
            }
            return ticks;
        }
    }

    /** 0.01, 0.1, 1, 10, 1,000, 10,000,000; three significant digits between powers of ten. */
    static String tickLabel(double value) {
        return number(value, 3);
    }

    /** From the earliest point to the latest thing drawn, with a little room either side. */
    static DateRange domain(Trajectory t, List<Point> byDate) {
        LocalDate from = t.baseline().on();
        LocalDate to = from.plusDays(30);
        if (!byDate.isEmpty()) {
            from = byDate.get(0).on().isBefore(from) ? byDate.get(0).on() : from;
            LocalDate last = byDate.get(byDate.size() - 1).on();
            to = last.isAfter(to) ? last : to;
        }
        if (t.targetDate() != null && t.targetDate().isAfter(to)) {
            to = t.targetDate();
        }
        if (t.fit() != null) {
            LocalDate end = fitEnd(t, byDate);
            to = end.isAfter(to) ? end : to;
        }
        double pad = (x(to) - x(from)) * 0.04;
        return new DateRange(x(from) - pad, x(to) + pad);
    }

    private static double x(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
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
