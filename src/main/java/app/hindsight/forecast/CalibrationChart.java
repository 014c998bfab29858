package app.hindsight.forecast;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A forecaster's calibration as SVG, drawn by JFreeChart on JFreeSVG: the diagonal of perfect calibration, and per
 * non-empty bin the mean probability given against how often those predictions came true.
 */
final class CalibrationChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private CalibrationChart() {}

    static String svg(String forecaster, List<ForecasterRecord.Bin> bins) {
        XYSeries perfect = new XYSeries("perfectly calibrated");
        perfect.add(0, 0);
        perfect.add(1, 1);
        XYSeries observed = new XYSeries("observed (forecasts in the bin)");
        for (ForecasterRecord.Bin bin : bins) {
            if (bin.forecasts() > 0) {
                observed.add(bin.meanProbability(), bin.observedFrequency());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(perfect);
        data.addSeries(observed);
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Calibration of " + forecaster,
                "probability given",
                "came true (outcome value, mean)",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (NumberAxis axis : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            axis.setRange(0, 1);
            axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, Color.GRAY);
        renderer.setSeriesStroke(
                0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(1, new Color(0x1f, 0x5f, 0xa8));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesShapesVisible(1, true);
        plot.setRenderer(renderer);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }
}
