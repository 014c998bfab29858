package app.hindsight.forecast;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A forecaster's calibration as SVG, drawn by JFreeChart on JFreeSVG: the diagonal of perfect calibration, and per
 * non-empty bin the mean probability given against how often those predictions came true, with the bin's number of
 * forecasts beside its point and its 95% Wilson interval as an error bar. Both axes run a little past 0 and 1, so
 * that a bin that never (or always) came true is drawn whole, not cut in half by the plot's edge.
 */
final class CalibrationChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final String OBSERVED = "observed (n = forecasts in the bin, bar = 95% interval)";

    private static final Color BLUE = new Color(0x1f, 0x5f, 0xa8);
    private static final double MARGIN = 0.05;

    private CalibrationChart() {}

    static String svg(String forecaster, List<ForecasterRecord.Bin> bins) {
        XYSeries perfect = new XYSeries("perfectly calibrated");
        perfect.add(0, 0);
        perfect.add(1, 1);
        YIntervalSeries observed = new YIntervalSeries(OBSERVED);
        List<ForecasterRecord.Bin> filled =
                bins.stream().filter(bin -> bin.forecasts() > 0).toList();
        for (ForecasterRecord.Bin bin : filled) {
            observed.add(bin.meanProbability(), bin.observedFrequency(), bin.observedLow(), bin.observedHigh());
        }
        NumberAxis given = axis("probability given");
        NumberAxis cameTrue = axis("came true (outcome value, mean)");
        XYLineAndShapeRenderer diagonal = new XYLineAndShapeRenderer(true, false);
        diagonal.setSeriesPaint(0, Color.GRAY);
        diagonal.setSeriesStroke(
                0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(perfect), given, cameTrue, diagonal);
        YIntervalSeriesCollection intervals = new YIntervalSeriesCollection();
        intervals.addSeries(observed);
        plot.setDataset(1, intervals);
        plot.setRenderer(1, observedRenderer(filled));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Calibration of " + forecaster, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-MARGIN, 1 + MARGIN);
        axis.setTickUnit(new NumberTickUnit(0.1));
        return axis;
    }

    /** Points joined by a line, a vertical error bar each, and "n = 4" to the right of each point. */
    private static XYErrorRenderer observedRenderer(List<ForecasterRecord.Bin> filled) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setErrorPaint(BLUE);
        renderer.setErrorStroke(new BasicStroke(1f));
        renderer.setCapLength(6);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesItemLabelGenerator(
                0, (dataset, series, item) -> "n = " + filled.get(item).forecasts());
        renderer.setSeriesItemLabelsVisible(0, true);
        renderer.setSeriesItemLabelPaint(0, BLUE);
        renderer.setSeriesItemLabelFont(0, new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        ItemLabelPosition right = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
        renderer.setSeriesPositiveItemLabelPosition(0, right);
        renderer.setSeriesNegativeItemLabelPosition(0, right);
        return renderer;
    }
}
