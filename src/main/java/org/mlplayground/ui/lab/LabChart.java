package org.mlplayground.ui.lab;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * L − L* against the iteration k, one line per row in its colour, on a log axis (COURSE.md §5: a linear rate
 * is a straight line); on a surface without a minimum, L itself on a linear axis. Values below 10⁻¹⁶ (Newton
 * landing exactly on a quadratic's minimum) are drawn at 10⁻¹⁶.
 *
 * <p>Drawn straight on a canvas rather than with JFreeChart: the chart is redrawn on every slider move, and
 * JFreeChart's axes and labels alone cost more than the 16 ms a frame has on the software pipeline. Each line
 * is reduced to its lowest and highest value per pixel column, so momentum's oscillation keeps its envelope
 * and a line is at most two points per pixel.
 */
final class LabChart extends Region {
    static final double FLOOR = 1e-16;
    private static final double LEFT = 66, RIGHT = 14, TOP = 10, BOTTOM = 40;
    private static final Font TICKS = Font.font("System", 13);
    private static final Color INK = Color.web("#1f2328"), GRID = Color.web("#d8dee4"), FRAME = Color.web("#57606a");

    private final Canvas canvas = new Canvas();
    private Race race;
    private int revealed;
    private double[] xs = new double[0], ys = new double[0], vs = new double[0];

    LabChart() {
        setId("labChart");
        getStyleClass().add("lab-chart");
        getChildren().add(canvas);
        setMinSize(200, 140);
        setPrefSize(520, 220);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    /** The first {@code revealed} steps of every run. */
    void show(Race r, int revealedSteps) {
        race = r;
        revealed = revealedSteps;
        redraw();
    }

    /** True when the y axis is log₁₀(L − L*), false when it is L (a surface without a minimum). */
    boolean logScale() {
        return race == null || race.bounded();
    }

    private double value(Race.Run run, int k) {
        return logScale() ? Math.log10(Math.max(FLOOR, run.gap()[k])) : run.gap()[k] + race.floor();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth(), h = getHeight(), plotW = w - LEFT - RIGHT, plotH = h - TOP - BOTTOM;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (race == null || plotW < 20 || plotH < 20) return;
        int steps = Math.max(1, race.steps());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Race.Run run : race.runs()) {
            for (int k = 0, m = Math.min(run.n(), revealed + 1); k < m; k++) {
                double v = value(run, k);
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
        }
        if (lo > hi) {
            lo = logScale() ? -6 : 0;
            hi = logScale() ? 1 : 1;
        }
        if (logScale()) {
            lo = Math.floor(lo - 0.25); // a line resting on the floor stays clear of the frame
            hi = Math.max(lo + 1, Math.ceil(hi));
        } else if (hi - lo < 1e-12) {
            lo -= 0.5;
            hi += 0.5;
        }
        final double yLo = lo, yHi = hi;
        java.util.function.DoubleUnaryOperator py = v -> TOP + plotH - (v - yLo) / (yHi - yLo) * plotH;

        g.setFont(TICKS);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double yStep = logScale() ? Math.max(1, Math.ceil((hi - lo) / Math.max(2, Math.floor(plotH / 24))))
                : ContourPlot.niceStep((hi - lo) / 5);
        for (double v = Math.ceil(lo / yStep) * yStep; v <= hi + 1e-9; v += yStep) {
            double y = py.applyAsDouble(v);
            g.setStroke(GRID);
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setFill(INK);
            g.fillText(logScale() ? ContourPlot.power((int) Math.round(v)) : LabFormat.number(v).replace('-', '−'), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double xStep = ContourPlot.niceStep(steps / 5.0);
        for (double k = 0; k <= steps + 1e-9; k += xStep) {
            double x = LEFT + k / steps * plotW;
            g.setStroke(GRID);
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setFill(INK);
            g.fillText(LabFormat.number(Math.round(k)), x, TOP + plotH + 4);
        }
        g.fillText("iteration k", LEFT + plotW / 2, TOP + plotH + 21);
        g.save();
        g.translate(11, TOP + plotH / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(logScale() ? "L − L*" : "L", 0, 0);
        g.restore();
        g.setStroke(FRAME);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotW - 1, plotH - 1);

        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW, plotH);
        g.clip();
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineWidth(2);
        int columns = (int) Math.ceil(plotW) + 1;
        if (xs.length < 2 * columns + 2) {
            xs = new double[2 * columns + 2];
            ys = new double[2 * columns + 2];
        }
        for (Race.Run run : race.runs()) {
            int m = Math.min(run.n(), revealed + 1);
            if (m == 0) continue;
            if (vs.length < m) vs = new double[m];
            for (int k = 0; k < m; k++) vs[k] = value(run, k);
            int out = 0, column = -1, loK = 0, hiK = 0;
            for (int k = 0; k <= m; k++) {
                int c = k < m ? (int) (k / (double) steps * plotW) : Integer.MAX_VALUE;
                if (c != column) {
                    if (column >= 0) { // flush the previous column: its lowest and highest point, in order
                        int first = Math.min(loK, hiK), second = Math.max(loK, hiK);
                        xs[out] = LEFT + first / (double) steps * plotW;
                        ys[out++] = py.applyAsDouble(vs[first]);
                        if (second != first) {
                            xs[out] = LEFT + second / (double) steps * plotW;
                            ys[out++] = py.applyAsDouble(vs[second]);
                        }
                    }
                    if (k == m) break;
                    column = c;
                    loK = hiK = k;
                } else {
                    if (vs[k] < vs[loK]) loK = k;
                    if (vs[k] > vs[hiK]) hiK = k;
                }
            }
            g.setStroke(ContourPlot.COLORS[run.row() % ContourPlot.COLORS.length]);
            g.strokePolyline(xs, ys, out);
        }
        g.restore();
    }
}
