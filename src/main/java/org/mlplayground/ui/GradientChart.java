package org.mlplayground.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.mlplayground.health.GradientHistory;

/**
 * Nielsen's "speed of learning" picture: per layer, ‖∂L/∂W_l‖ (or ‖δ_l‖) against training steps on a log axis,
 * one line per layer. Hidden layers go from dark violet (layer 1, nearest the input) to orange (the last hidden
 * layer), so the order of the lines is the order of the layers; the output layer is grey and dashed.
 *
 * <p>The FX thread calls {@link #show} (at most a few times a second); the chart keeps plain arrays and fires
 * one change event per call.
 */
final class GradientChart extends Region {
    /** Which norm the lines are. */
    enum Measure {
        WEIGHT_GRADIENT("‖∂L/∂W_l‖"), DELTA("‖δ_l‖");

        final String symbol;

        Measure(String symbol) {
            this.symbol = symbol;
        }
    }

    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color INK = new Color(0x1f2328);
    private static final Color MUTED = new Color(0x57606a);
    private static final Color GRID = new Color(0xd8dee4);
    private static final Color OUTPUT = new Color(0x8c959f);
    /** Plasma from 0 to 0.8: dark enough on white at every step, ordered from first to last hidden layer. */
    private static final int[] PLASMA = {0x0d0887, 0x41049d, 0x6a00a8, 0x8f0da4, 0xb12a90, 0xcc4778, 0xe16462,
        0xf2844b, 0xfca636};

    private final I18n i18n;
    private final Lines lines;
    private final NumberAxis steps;
    private final DecadeAxis norms = new DecadeAxis(Measure.WEIGHT_GRADIENT.symbol + " (log)");
    private final XYLineAndShapeRenderer renderer = new ColumnLines();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private int shownDepth = -1;
    private Measure shownMeasure;

    GradientChart(I18n i18n) {
        this.i18n = i18n;
        lines = new Lines(i18n);
        steps = new NumberAxis(i18n.text("health.chart.steps"));
        getStyleClass().add("gradient-chart");
        for (ValueAxis axis : List.of(steps, norms)) {
            axis.setTickLabelFont(TICKS);
            axis.setLabelFont(TICKS);
            axis.setTickLabelPaint(INK);
            axis.setLabelPaint(MUTED);
            axis.setAxisLinePaint(MUTED);
            axis.setTickMarkPaint(MUTED);
        }
        steps.setAutoRangeIncludesZero(false);
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        norms.setSmallestValue(1e-300);
        renderer.setDefaultCreateEntities(false, false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setLegendLine(new Line2D.Double(-9, 0, 9, 0));
        plot = new XYPlot(lines, steps, norms, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage(i18n.text("health.chart.hint"));
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        plot.setNoDataMessagePaint(MUTED);
        chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 2, 2, 6));
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(TICKS);
        legend.setItemPaint(INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 4));
        chart.addLegend(legend);
        viewer = new ChartViewer(chart);
        viewer.setMinSize(0, 0);
        getChildren().add(viewer);
    }

    /** The colour of hidden layer {@code l} of {@code hiddenLayers}: plasma from dark violet to orange. */
    static Color layerColour(int l, int hiddenLayers) {
        if (hiddenLayers <= 1) return new Color(PLASMA[0]);
        double t = (double) (l - 1) / (hiddenLayers - 1) * (PLASMA.length - 1);
        int i = Math.min((int) t, PLASMA.length - 2);
        double f = t - i;
        Color a = new Color(PLASMA[i]), b = new Color(PLASMA[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** The same colour as a JavaFX paint, for the view's labels and histograms. */
    static javafx.scene.paint.Color fxLayerColour(int l, int depth) {
        if (l == depth && depth > 1) return javafx.scene.paint.Color.rgb(OUTPUT.getRed(), OUTPUT.getGreen(), OUTPUT.getBlue());
        Color c = layerColour(l, Math.max(1, depth - 1));
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Draws {@code points} (oldest first, all of one network of L layers) as one line per layer. */
    void show(List<GradientHistory.Point> points, Measure measure) {
        int depth = points.isEmpty() ? 0 : points.get(0).dLdWNorm().length;
        if (depth != shownDepth) {
            shownDepth = depth;
            for (int l = 1; l <= depth; l++) {
                boolean output = l == depth && depth > 1;
                renderer.setSeriesPaint(l - 1, output ? OUTPUT : layerColour(l, depth - 1), false);
                renderer.setSeriesStroke(l - 1, output
                        ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                        : new BasicStroke(2.2f), false);
            }
        }
        if (measure != shownMeasure) { // setLabel redraws the chart even when the label is the same
            shownMeasure = measure;
            norms.setLabel(measure.symbol + " (log)");
        }
        lines.fill(points, measure, depth);
    }

    /** Replaces the no-data hint (e.g. while a comparison has not started). */
    void setHint(String hint) {
        plot.setNoDataMessage(hint);
    }

    /** Lines drawn now (for tests): one per layer. */
    int lineCount() {
        return lines.getSeriesCount();
    }

    /** The y of layer {@code l}'s newest point (for tests). */
    double newest(int l) {
        int n = lines.getItemCount(l - 1);
        return n == 0 ? Double.NaN : lines.getYValue(l - 1, n - 1);
    }

    JFreeChart chart() {
        return chart;
    }

    @Override
    protected void layoutChildren() {
        layoutInArea(viewer, 0, 0, getWidth(), getHeight(), 0, HPos.LEFT, VPos.TOP);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    /**
     * The lines as arrays: x the step, y the norm; values a log axis cannot show (0, NaN, ∞) are NaN, which
     * breaks the line there.
     */
    private static final class Lines extends AbstractXYDataset {
        private final I18n i18n;
        private double[] x = new double[0];
        private double[][] y = new double[0][];
        private int n;

        Lines(I18n i18n) {
            this.i18n = i18n;
        }

        void fill(List<GradientHistory.Point> points, Measure measure, int depth) {
            n = points.size();
            if (x.length < n) x = new double[Math.max(n, 2 * x.length)];
            if (y.length != depth || (depth > 0 && y[0].length < n)) y = new double[depth][x.length];
            for (int i = 0; i < n; i++) {
                GradientHistory.Point p = points.get(i);
                x[i] = p.step();
                for (int l = 1; l <= depth; l++) {
                    double v = measure == Measure.DELTA ? p.deltaNorm(l) : p.dLdWNorm(l);
                    y[l - 1][i] = v > 0 && Double.isFinite(v) ? v : Double.NaN;
                }
            }
            fireDatasetChanged();
        }

        @Override
        public int getSeriesCount() {
            return n == 0 ? 0 : y.length;
        }

        @Override
        public Comparable<String> getSeriesKey(int series) {
            int depth = y.length;
            return series == depth - 1 && depth > 1 ? i18n.text("health.chart.output", depth)
                    : i18n.text("health.chart.layer", series + 1);
        }

        @Override
        public DomainOrder getDomainOrder() {
            return DomainOrder.ASCENDING;
        }

        @Override
        public int getItemCount(int series) {
            return n;
        }

        @Override
        public Number getX(int series, int item) {
            return x[item];
        }

        @Override
        public double getXValue(int series, int item) {
            return x[item];
        }

        @Override
        public Number getY(int series, int item) {
            return y[series][item];
        }

        @Override
        public double getYValue(int series, int item) {
            return y[series][item];
        }
    }
}
