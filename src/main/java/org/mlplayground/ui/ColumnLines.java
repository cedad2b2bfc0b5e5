package org.mlplayground.ui;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Lines only, each series one path with at most its lowest and highest point per pixel column: 2000 epochs
 * (or steps) on a 400 px plot cost about what 400 would. A y that is NaN (a value the axis cannot show) breaks
 * the line there. The legend swatch stays XYLineAndShapeRenderer's. Used by the loss and gradient charts.
 */
final class ColumnLines extends XYLineAndShapeRenderer {
    ColumnLines() {
        super(true, false);
    }

    @Override
    public int getPassCount() {
        return 1;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        if (item != state.getLastItemIndex() || !getItemVisible(series, item)) return; // the whole series at once
        RectangleEdge xEdge = plot.getDomainAxisEdge(), yEdge = plot.getRangeAxisEdge();
        Path2D.Double path = new Path2D.Double();
        long column = Long.MIN_VALUE;
        double x = 0, low = 0, high = 0;
        boolean broken = true;
        for (int i = state.getFirstItemIndex(); i <= item; i++) {
            double y = dataset.getYValue(series, i);
            if (Double.isNaN(y)) {
                if (column != Long.MIN_VALUE) append(path, x, low, high, broken);
                column = Long.MIN_VALUE;
                broken = true;
                continue;
            }
            double px = domainAxis.valueToJava2D(dataset.getXValue(series, i), dataArea, xEdge);
            double py = rangeAxis.valueToJava2D(y, dataArea, yEdge);
            if ((long) Math.floor(px) != column) {
                if (column != Long.MIN_VALUE) {
                    append(path, x, low, high, broken);
                    broken = false;
                }
                column = (long) Math.floor(px);
                x = px;
                low = high = py;
            } else {
                low = Math.min(low, py);
                high = Math.max(high, py);
            }
        }
        if (column != Long.MIN_VALUE) append(path, x, low, high, broken);
        g2.setPaint(lookupSeriesPaint(series));
        g2.setStroke(lookupSeriesStroke(series));
        g2.draw(path);
    }

    /** The column's lowest and highest point, continuing the line unless it was broken before this column. */
    private static void append(Path2D.Double path, double x, double low, double high, boolean broken) {
        if (broken || path.getCurrentPoint() == null) {
            path.moveTo(x, low);
        } else {
            path.lineTo(x, low);
        }
        if (high != low) path.lineTo(x, high);
    }
}
