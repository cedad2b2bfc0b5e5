package org.mlplayground.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.mlplayground.train.EpochMetrics;

/**
 * The JFreeChart behind {@link LossChart}: loss curves against epochs on the left axis (linear or log), and
 * accuracy in % on an optional right axis. It holds no thread of its own; whoever owns it (the FX thread)
 * calls {@link #show}, and an export draws a {@link #copy()} elsewhere.
 */
final class LossCurves {
    /** The chart's type sizes in px; 12 is the least that reads on a projector. */
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font HINT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Color INK = new Color(0x1f2328);
    private static final Color MUTED = new Color(0x57606a);
    private static final Color GRID = new Color(0xd8dee4);
    /** Room above 100 % so a perfect accuracy is not hidden under the plot's edge. */
    private static final Range ACCURACY_RANGE = new Range(0, 102);

    /** Which left axis the loss curves use. */
    enum Scale { LINEAR, LOG }

    /** The choices a student makes about what the chart shows. */
    record View(Scale scale, boolean accuracy, boolean splitCost) {
        static final View DEFAULT = new View(Scale.LINEAR, false, false);
    }

    /**
     * One line of the chart: what it is called, where its y comes from, and how it looks. TensorFlow
     * Playground's colours: test loss near black, training loss grey.
     */
    enum Curve {
        TRAIN_LOSS("training loss", EpochMetrics::trainLoss, 0x8c959f, false),
        TEST_LOSS("test loss", EpochMetrics::testLoss, 0x1f2328, false),
        VALIDATION_LOSS("validation loss", EpochMetrics::validationLoss, 0x1a7f64, false),
        PENALTY("penalty", EpochMetrics::penalty, 0xb4530a, false),
        COST("C = C₀ + penalty", EpochMetrics::trainCost, 0x6f42c1, false),
        TRAIN_ACCURACY("training accuracy", m -> 100 * m.trainAccuracy(), 0x8c959f, true),
        TEST_ACCURACY("test accuracy", m -> 100 * m.testAccuracy(), 0x1f2328, true);

        final String label;
        final ToDoubleFunction<EpochMetrics> y;
        final Color colour;
        /** On the right axis, in %, drawn dashed. */
        final boolean accuracy;

        Curve(String label, ToDoubleFunction<EpochMetrics> y, int rgb, boolean accuracy) {
            this.label = label;
            this.y = y;
            this.colour = new Color(rgb);
            this.accuracy = accuracy;
        }

        /** The legend's name: with the cost split, the training loss is named as the data term it is. */
        String label(View view) {
            return this == TRAIN_LOSS && view.splitCost() ? "data term C₀" : label;
        }

        boolean shownIn(View view) {
            return switch (this) {
                case PENALTY, COST -> view.splitCost();
                case TRAIN_ACCURACY, TEST_ACCURACY -> view.accuracy();
                default -> true;
            };
        }

        /** The series index in its dataset: losses on the left axis, accuracies on the right. */
        int index() {
            return accuracy ? ordinal() - TRAIN_ACCURACY.ordinal() : ordinal();
        }
    }

    private final JFreeChart chart;
    private final XYPlot plot;
    private final NumberAxis epochs = new NumberAxis("epoch");
    private final NumberAxis linearLoss = new NumberAxis("loss");
    private final LogAxis logLoss = new DecadeAxis("loss (log)");
    private final NumberAxis percent = new NumberAxis("accuracy % (dashed)");
    private final Lines losses = new Lines(false);
    private final Lines accuracies = new Lines(true);
    private final XYLineAndShapeRenderer lossLines = lines();
    private final XYLineAndShapeRenderer accuracyLines = lines();
    private final XYTitleAnnotation legendAtTop, legendAtMiddle;
    private List<EpochMetrics> history = List.of();
    private View view = View.DEFAULT;

    /** The language of the axes and the legend. */
    private I18n i18n = I18n.ENGLISH;

    /** Names the axes, the legend's lines and the empty chart's hint in {@code i18n}'s language. */
    void setI18n(I18n i18n) {
        this.i18n = i18n;
        epochs.setLabel(i18n.text("chart.axis.epoch"));
        linearLoss.setLabel(i18n.text("chart.axis.loss"));
        logLoss.setLabel(i18n.text("chart.axis.logLoss"));
        percent.setLabel(i18n.text("chart.axis.accuracy"));
        plot.setNoDataMessage(i18n.text("chart.pressPlay"));
    }

    /** The legend's name of {@code c}: with the cost split, the training loss is named as the data term it is. */
    private String name(Curve c) {
        return c == Curve.TRAIN_LOSS && view.splitCost() ? i18n.text("chart.curve.dataTerm") : i18n.text("chart.curve." + c.name());
    }

    LossCurves() {
        for (Curve c : Curve.values()) {
            XYLineAndShapeRenderer r = c.accuracy ? accuracyLines : lossLines;
            r.setSeriesPaint(c.index(), c.colour, false);
            r.setSeriesStroke(c.index(), c.accuracy ? dashed(1.6f) : new BasicStroke(2f), false);
        }
        style(epochs);
        epochs.setAutoRangeIncludesZero(false);
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(linearLoss);
        linearLoss.setAutoRangeIncludesZero(true);
        style(logLoss);
        logLoss.setSmallestValue(1e-12);
        style(percent);
        percent.setAutoRange(false);
        percent.setRange(ACCURACY_RANGE);
        percent.setTickUnit(new NumberTickUnit(25));

        plot = new XYPlot(losses, epochs, linearLoss, lossLines);
        plot.setRenderer(1, accuracyLines);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setNoDataMessage("press Play");
        plot.setNoDataMessageFont(HINT);
        plot.setNoDataMessagePaint(MUTED);

        chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 2, 2, 4));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        // One entry a line: a narrow column in a corner hides fewer lines than a wide block wrapped over the top.
        LegendTitle legend = new LegendTitle(plot, new ColumnArrangement(), new ColumnArrangement());
        legend.setItemFont(TICKS);
        legend.setItemPaint(INK);
        legend.setBackgroundPaint(new Color(255, 255, 255, 180));
        legend.setFrame(new BlockBorder(GRID));
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 6));
        legend.setLegendItemGraphicPadding(new RectangleInsets(1, 6, 1, 0));
        legend.setPadding(new RectangleInsets(2, 2, 2, 2));
        // Inside the plot, where the lines seldom are: losses fall from the top left, accuracies rise to the top right.
        legendAtTop = new XYTitleAnnotation(0.995, 0.99, legend, RectangleAnchor.TOP_RIGHT);
        legendAtMiddle = new XYTitleAnnotation(0.995, 0.55, legend, RectangleAnchor.RIGHT);
        plot.addAnnotation(legendAtTop, false);
        show(history, view);
    }

    private static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new ColumnLines();
        r.setLegendLine(new Line2D.Double(-9, 0, 9, 0));
        r.setDefaultCreateEntities(false, false);
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }


    private static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f);
    }

    private static void style(ValueAxis axis) {
        axis.setTickLabelFont(TICKS);
        axis.setLabelFont(LABELS);
        axis.setTickLabelPaint(INK);
        axis.setLabelPaint(MUTED);
        axis.setAxisLinePaint(MUTED);
        axis.setTickMarkPaint(MUTED);
        axis.setLabelInsets(new RectangleInsets(0, 0, 0, 0));
    }

    JFreeChart chart() {
        return chart;
    }

    XYPlot plot() {
        return plot;
    }

    /** The points {@code curve} draws now, {x[], y[]}: x = epoch, y = the value (accuracies in %). */
    double[][] points(Curve curve) {
        return (curve.accuracy ? accuracies : losses).points(curve.index());
    }

    /** The name {@code curve} has in the legend now, or null while it has no points and so no legend entry. */
    String legendLabel(Curve curve) {
        Lines lines = curve.accuracy ? accuracies : losses;
        XYLineAndShapeRenderer r = curve.accuracy ? accuracyLines : lossLines;
        return Boolean.FALSE.equals(r.getSeriesVisibleInLegend(curve.index())) ? null : (String) lines.getSeriesKey(curve.index());
    }

    View view() {
        return view;
    }

    /**
     * Draws {@code points} as {@code nextView} asks: every curve the view includes gets one point per epoch
     * whose value can be drawn (finite, and positive on a log axis); a curve without such points leaves the
     * legend. Call it with the chart's notifications off to get one redraw.
     */
    void show(List<EpochMetrics> points, View nextView) {
        history = List.copyOf(points);
        view = nextView;
        ValueAxis lossAxis = view.scale() == Scale.LOG ? logLoss : linearLoss;
        if (plot.getRangeAxis(0) != lossAxis) plot.setRangeAxis(0, lossAxis, false);
        for (Curve c : Curve.values()) {
            Lines lines = c.accuracy ? accuracies : losses;
            boolean positiveOnly = !c.accuracy && view.scale() == Scale.LOG;
            int n = lines.fill(c.index(), name(c), c.shownIn(view) ? history : List.of(), c.y, positiveOnly);
            // Accuracies stay out of the legend: the right axis names them, and their dashes share the losses' colours.
            (c.accuracy ? accuracyLines : lossLines).setSeriesVisibleInLegend(c.index(), n > 0 && !c.accuracy, false);
        }
        losses.changed();
        accuracies.changed();
        if (plot.getDataset(1) != (view.accuracy() ? accuracies : null)) {
            plot.setDataset(1, view.accuracy() ? accuracies : null);
            plot.setRangeAxis(1, view.accuracy() ? percent : null, false);
            // The middle is placed on the linear % axis: on a log loss axis, 0.55 of the values is near the top.
            if (view.accuracy()) {
                plot.removeAnnotation(legendAtTop, false);
                accuracyLines.addAnnotation(legendAtMiddle);
            } else {
                accuracyLines.removeAnnotation(legendAtMiddle);
                plot.addAnnotation(legendAtTop, false);
            }
        }
    }

    /** Back to what the data spans: undoes zoom and pan. */
    void fit() {
        epochs.setAutoRange(true);
        linearLoss.setAutoRange(true);
        logLoss.setAutoRange(true);
        percent.setRange(ACCURACY_RANGE);
    }

    /** A chart of its own with the same data, view and visible ranges, for drawing on another thread. */
    LossCurves copy() {
        LossCurves copy = new LossCurves();
        copy.show(history, view);
        copyRange(epochs, copy.epochs);
        copyRange(linearLoss, copy.linearLoss);
        copyRange(logLoss, copy.logLoss);
        copyRange(percent, copy.percent);
        return copy;
    }

    private static void copyRange(ValueAxis from, ValueAxis to) {
        if (!from.isAutoRange()) to.setRange(from.getRange());
    }

    /**
     * The curves of one axis as plain arrays, refilled in place: one change event per redraw instead of one per
     * point, and no boxed numbers.
     */
    private static final class Lines extends AbstractXYDataset {
        private final List<Curve> curves;
        private final String[] keys;
        private final double[][] x, y;
        private final int[] count;

        Lines(boolean accuracy) {
            curves = Arrays.stream(Curve.values()).filter(c -> c.accuracy == accuracy).toList();
            keys = curves.stream().map(c -> c.label).toArray(String[]::new);
            x = new double[curves.size()][0];
            y = new double[curves.size()][0];
            count = new int[curves.size()];
        }

        /** Replaces series {@code i} by the drawable values of {@code history}; returns how many there are. */
        int fill(int i, String key, List<EpochMetrics> history, ToDoubleFunction<EpochMetrics> value, boolean positiveOnly) {
            keys[i] = key;
            if (x[i].length < history.size()) {
                x[i] = new double[history.size() + history.size() / 2];
                y[i] = new double[x[i].length];
            }
            int n = 0;
            for (EpochMetrics m : history) {
                double v = value.applyAsDouble(m);
                if (!Double.isFinite(v) || (positiveOnly && v <= 0)) continue;
                x[i][n] = m.epoch();
                y[i][n] = v;
                n++;
            }
            count[i] = n;
            return n;
        }

        void changed() {
            fireDatasetChanged();
        }

        double[][] points(int i) {
            return new double[][] {Arrays.copyOf(x[i], count[i]), Arrays.copyOf(y[i], count[i])};
        }

        @Override
        public int getSeriesCount() {
            return curves.size();
        }

        @Override
        public Comparable<String> getSeriesKey(int series) {
            return keys[series];
        }

        @Override
        public DomainOrder getDomainOrder() {
            return DomainOrder.ASCENDING;
        }

        @Override
        public int getItemCount(int series) {
            return count[series];
        }

        @Override
        public Number getX(int series, int item) {
            return x[series][item];
        }

        @Override
        public Number getY(int series, int item) {
            return y[series][item];
        }

        @Override
        public double getXValue(int series, int item) {
            return x[series][item];
        }

        @Override
        public double getYValue(int series, int item) {
            return y[series][item];
        }
    }

    /**
     * Writes the chart laid out at {@code width} × {@code height} px as a PNG. File work: call it off the FX
     * thread, on a chart nobody else changes (a {@link #copy()}).
     */
    void writePng(Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    /** Writes the chart at {@code width} × {@code height} px as an SVG document; same rules as {@link #writePng}. */
    void writeSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        draw(g, width, height);
        SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
    }

    private void draw(Graphics2D g, int width, int height) {
        chart.draw(g, new Rectangle(width, height));
        g.dispose();
    }
}
