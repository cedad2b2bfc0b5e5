package org.mlplayground.ui;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis labelled like log paper, at 1, 2, 5 × 10ᵏ (or as many of 1…9 × 10ᵏ as fit, down to the decades
 * alone): LogAxis's own ticks are evenly spaced exponents, which label a short axis 0.3162, 0.631, … or not
 * at all. Shared by the loss chart and the gradient chart.
 */
final class DecadeAxis extends LogAxis {
    private static final double[][] MANTISSAS = {
        {1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 5, 7}, {1, 2, 5}, {1, 3}, {1}};

    DecadeAxis(String label) {
        super(label);
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double lower = Math.max(getRange().getLowerBound(), getSmallestValue()), upper = getRange().getUpperBound();
        double lineHeight = g2.getFontMetrics(getTickLabelFont()).getHeight();
        int room = Math.max(2, (int) (dataArea.getHeight() / (1.6 * lineHeight)));
        List<Double> values = List.of();
        for (double[] mantissas : MANTISSAS) {
            values = ticks(lower, upper, mantissas);
            if (values.size() <= room) break;
        }
        // Many decades (gradients from 10⁻¹⁵ to 1): every 2nd, 3rd, 5th … decade.
        List<Double> decades = values;
        for (int every = 2; values.size() > room; every++) values = everyDecade(decades, every);
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List<ValueTick> ticks = new ArrayList<>();
        for (double v : values) ticks.add(new NumberTick(v, label(v), anchor, TextAnchor.CENTER, 0));
        if (ticks.size() < 2) { // zoomed in between two round numbers: label the ends
            ticks.clear();
            for (double v : new double[] {lower, upper}) {
                ticks.add(new NumberTick(v, String.format(java.util.Locale.ROOT, "%.2g", v), anchor, TextAnchor.CENTER, 0));
            }
        }
        return ticks;
    }

    /** The decades 10ᵏ among {@code decades} whose k is a multiple of {@code every}. */
    private static List<Double> everyDecade(List<Double> decades, int every) {
        List<Double> kept = new ArrayList<>();
        for (double v : decades) {
            if (Math.floorMod(Math.round(Math.log10(v)), every) == 0) kept.add(v);
        }
        return kept.isEmpty() ? decades.subList(0, 1) : kept;
    }

    private static List<Double> ticks(double lower, double upper, double[] mantissas) {
        List<Double> ticks = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lower)); k <= (int) Math.ceil(Math.log10(upper)); k++) {
            for (double m : mantissas) {
                double v = m * Math.pow(10, k);
                if (v >= lower && v <= upper) ticks.add(v);
            }
        }
        return ticks;
    }

    private static String label(double v) {
        return new DecimalFormat(v >= 1e-4 && v < 1e5 ? "0.####" : "0E0").format(v);
    }
}
