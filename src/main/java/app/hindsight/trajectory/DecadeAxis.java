package app.hindsight.trajectory;

import static app.hindsight.trajectory.ChartWords.tickLabel;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis for values that span a decade or more: its ticks are the powers of ten, with minor ticks at 2 to 9
 * times them (labelled at 2 and 5 when fewer than four decades are in view), or every n-th power of ten when
 * there are many. Under a decade, JFreeChart's own ticks. Either way labelled as plain numbers (0.05, 0.1, 1,
 * 1,000) and drawn as SVG text: JFreeChart's own log ticks carry attributed labels ("10" with a superscript
 * exponent), which JFreeSVG draws as glyph outlines, neither searchable nor read aloud.
 */
final class DecadeAxis extends LogAxis {

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
