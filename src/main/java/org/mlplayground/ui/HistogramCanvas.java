package org.mlplayground.ui;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mlplayground.health.Histogram;

/**
 * One {@link Histogram} as bars, tallest bar to the top, with the range's ends written under it. Values below or
 * above the range are counted in grey bars at the two edges, so nothing a layer produces goes unseen.
 */
final class HistogramCanvas extends Canvas {
    static final double WIDTH = 132, HEIGHT = 58;
    private static final double LABELS = 15, EDGE = 5, GAP = 2;
    private static final Color AXIS = Color.web("#8c959f");
    private static final Color OUTSIDE = Color.web("#57606a");
    private static final Color INK = Color.web("#1f2328");

    private Histogram shown;
    private Color colour = Color.web("#6a00a8");

    HistogramCanvas() {
        super(WIDTH, HEIGHT);
        getStyleClass().add("histogram");
    }

    /** Draws {@code histogram} (null: empty axes) in {@code colour}. */
    void show(Histogram histogram, Color colour) {
        if (histogram != null && histogram.equals(shown) && colour.equals(this.colour)) return;
        shown = histogram;
        this.colour = colour;
        draw();
    }

    /** The histogram drawn now. */
    Histogram shown() {
        return shown;
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth(), h = getHeight(), plotH = h - LABELS;
        g.clearRect(0, 0, w, h);
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(0, plotH + 0.5, w, plotH + 0.5);
        if (shown == null) return;
        int bins = shown.bins();
        int max = Math.max(1, Math.max(shown.underflow(), shown.overflow()));
        for (int b = 1; b <= bins; b++) max = Math.max(max, shown.count(b));
        double left = EDGE + GAP, inner = w - 2 * (EDGE + GAP), bw = inner / bins;
        g.setFill(colour);
        for (int b = 1; b <= bins; b++) { // count(1 … n) are the bins inside the range
            double bh = plotH * shown.count(b) / max;
            g.fillRect(left + (b - 1) * bw + 0.5, plotH - bh, Math.max(1, bw - 1), bh);
        }
        g.setFill(OUTSIDE);
        double under = plotH * shown.underflow() / max, over = plotH * shown.overflow() / max;
        g.fillRect(0, plotH - under, EDGE, under);
        g.fillRect(w - EDGE, plotH - over, EDGE, over);

        g.setFill(INK);
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(number(shown.low()), 0, plotH + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(shown.high()), w, plotH + 2);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
