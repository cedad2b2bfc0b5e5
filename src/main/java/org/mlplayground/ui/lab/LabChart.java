package org.mlplayground.ui.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * L − L* against the iteration k, one line per row in its colour, on a log axis (COURSE.md §5: a linear rate
 * is a straight line). Values below 10⁻¹⁶ (Newton landing exactly on a quadratic's minimum) are drawn at
 * 10⁻¹⁶. A long run is thinned to each bucket's lowest and highest value, so the oscillation of momentum keeps
 * its envelope while the chart draws a few hundred points per line.
 */
final class LabChart extends Region {
    static final double FLOOR = 1e-16;
    /** Above this many points a line is thinned to min and max per bucket. */
    private static final int MAX_POINTS = 500;
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final Lines lines = new Lines();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final LogAxis gapAxis = new LogAxis("L − L*");
    private final NumberAxis stepAxis = new NumberAxis("iteration k");
    private final ChartViewer viewer;

    LabChart() {
        setId("labChart");
        gapAxis.setSmallestValue(FLOOR);
        gapAxis.setTickLabelFont(TICKS);
        gapAxis.setLabelFont(TICKS);
        gapAxis.setAutoRangeMinimumSize(1e-3);
        stepAxis.setTickLabelFont(TICKS);
        stepAxis.setLabelFont(TICKS);
        stepAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(lines, stepAxis, gapAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xd8dee4));
        plot.setRangeGridlinePaint(new Color(0xd8dee4));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < ContourPlot.COLORS.length; i++) {
            javafx.scene.paint.Color c = ContourPlot.COLORS[i];
            renderer.setSeriesPaint(i, new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue()), false);
            renderer.setSeriesStroke(i, new BasicStroke(2f), false);
        }
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        viewer = new ChartViewer(chart);
        viewer.setMinSize(0, 0);
        getChildren().add(viewer);
        setMinSize(200, 140);
        setPrefSize(520, 240);
    }

    @Override
    protected void layoutChildren() {
        viewer.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** The first {@code revealed} steps of every run. */
    void show(Race race, int revealed) {
        lines.set(race, revealed);
    }

    /** How many lines are drawn, and the i-th line's points (for tests). */
    int lineCount() {
        return lines.getSeriesCount();
    }

    /**
     * The runs as series: x = k, y = max(L − L*, 10⁻¹⁶), thinned to at most {@link #MAX_POINTS} points; one series
     * per row index, so that a row keeps its colour when a row before it is switched off.
     */
    private static final class Lines extends AbstractXYDataset {
        private double[][] xs = new double[0][], ys = new double[0][];
        private int[] rows = new int[0];

        void set(Race race, int revealed) {
            List<Race.Run> runs = race.runs();
            int series = 0;
            for (Race.Run r : runs) series = Math.max(series, r.row() + 1);
            xs = new double[series][0];
            ys = new double[series][0];
            rows = new int[series];
            for (Race.Run run : runs) {
                int n = Math.min(run.n(), revealed + 1);
                int bucket = n <= MAX_POINTS ? 1 : (int) Math.ceil(n / (MAX_POINTS / 2.0));
                int size = bucket == 1 ? n : 2 * ((n + bucket - 1) / bucket);
                double[] x = new double[size], y = new double[size];
                int out = 0;
                for (int start = 0; start < n; start += bucket) {
                    int end = Math.min(n, start + bucket);
                    if (bucket == 1) {
                        x[out] = start;
                        y[out++] = Math.max(FLOOR, run.gap()[start]);
                        continue;
                    }
                    int lo = start, hi = start;
                    for (int k = start; k < end; k++) {
                        if (run.gap()[k] < run.gap()[lo]) lo = k;
                        if (run.gap()[k] > run.gap()[hi]) hi = k;
                    }
                    int first = Math.min(lo, hi), second = Math.max(lo, hi);
                    x[out] = first;
                    y[out++] = Math.max(FLOOR, run.gap()[first]);
                    x[out] = second;
                    y[out++] = Math.max(FLOOR, run.gap()[second]);
                }
                xs[run.row()] = x;
                ys[run.row()] = y;
                rows[run.row()] = run.row();
            }
            fireDatasetChanged();
        }

        @Override
        public int getSeriesCount() {
            return xs.length;
        }

        @Override
        public Comparable<?> getSeriesKey(int series) {
            return "row " + series;
        }

        @Override
        public DomainOrder getDomainOrder() {
            return DomainOrder.ASCENDING;
        }

        @Override
        public int getItemCount(int series) {
            return xs[series].length;
        }

        @Override
        public Number getX(int series, int item) {
            return xs[series][item];
        }

        @Override
        public double getXValue(int series, int item) {
            return xs[series][item];
        }

        @Override
        public Number getY(int series, int item) {
            return ys[series][item];
        }

        @Override
        public double getYValue(int series, int item) {
            return ys[series][item];
        }
    }
}
