package org.mlplayground.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.ParallelInference;
import org.mlplayground.train.TrainingConfig;

/**
 * The playground's output heatmap as a {@link BufferedImage}, drawn without a window (java.awt works headless):
 * the network evaluated at the centres of a {@code size}² grid over the plane (row 0 at the top, the largest
 * x₂), each grid point first mapped by the run's {@link InputMap}, coloured by {@link HeatColors} as the window
 * colours it, then scaled up smoothly; the training points on top (white outline) and the test points (dark
 * outline).
 */
public final class HeatmapImage {
    /** The window's output grid: 200² cells. */
    public static final int GRID = 200;

    private HeatmapImage() {
    }

    /** The rectangle x₁ ∈ [xMin, xMax], x₂ ∈ [yMin, yMax]. */
    public record Plane(double xMin, double xMax, double yMin, double yMax) {
        /** x₁ at the centre of column {@code col} of an n-wide grid. */
        public double x(int col, int n) {
            return xMin + (col + 0.5) * (xMax - xMin) / n;
        }

        /** x₂ at the centre of row {@code row} of an n-high grid; row 0 is the top. */
        public double y(int row, int n) {
            return yMax - (row + 0.5) * (yMax - yMin) / n;
        }
    }

    /** The output units over the {@code n}² grid: {@code o[k][row * n + col]}. */
    public static double[][] output(Network net, InputMap inputs, Plane plane, int n) {
        DMatrixRMaj raw = new DMatrixRMaj(2, n * n);
        for (int row = 0; row < n; row++) {
            double y = plane.y(row, n);
            for (int col = 0; col < n; col++) {
                raw.set(0, row * n + col, plane.x(col, n));
                raw.set(1, row * n + col, y);
            }
        }
        DMatrixRMaj grid = raw;
        if (!inputs.isIdentity()) {
            grid = new DMatrixRMaj(1, 1);
            inputs.apply(raw, grid);
        }
        DMatrixRMaj o = new ParallelInference(net.spec()).run(net, grid);
        double[][] rows = new double[o.numRows][o.numCols];
        for (int r = 0; r < o.numRows; r++) System.arraycopy(o.data, r * o.numCols, rows[r], 0, o.numCols);
        return rows;
    }

    /** The {@link #GRID}² heatmap, one pixel per cell. */
    public static BufferedImage grid(Network net, InputMap inputs, Plane plane, TrainingConfig.Problem problem) {
        int n = GRID;
        int[] pixels = new int[n * n];
        HeatColors.outputPixels(problem, output(net, inputs, plane, n), false, pixels);
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, n, n, pixels, 0, n);
        return image;
    }

    /**
     * The heatmap scaled to {@code side}² pixels with the points on top.
     *
     * @param train training points (white outline), or null
     * @param test  test points (dark outline), or null
     */
    public static BufferedImage picture(Network net, InputMap inputs, Plane plane, TrainingConfig.Problem problem,
            Dataset train, Dataset test, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(grid(net, inputs, plane, problem), 0, 0, side, side, null);
            double total = (train == null ? 0 : train.size()) + (test == null ? 0 : test.size());
            double r = Math.max(1.5, Math.min(7.0, Math.min(side * 0.009, 3000 / Math.sqrt(Math.max(1, total)) / 10)));
            g.setStroke(new BasicStroke(r > 3 ? 1.5f : 0.5f));
            points(g, train, plane, problem, side, r, Color.WHITE);
            points(g, test, plane, problem, side, r, new Color(0x1a1a1a));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void points(Graphics2D g, Dataset set, Plane plane, TrainingConfig.Problem problem, int side, double r,
            Color outline) {
        if (set == null) return;
        for (int i = 0; i < set.size(); i++) {
            double[] p = set.x()[i];
            double px = (p[0] - plane.xMin()) / (plane.xMax() - plane.xMin()) * side;
            double py = (plane.yMax() - (p.length > 1 ? p[1] : 0)) / (plane.yMax() - plane.yMin()) * side;
            Ellipse2D dot = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            g.setColor(new Color(pointRgb(problem, set.y()[i])));
            g.fill(dot);
            g.setColor(outline);
            g.draw(dot);
        }
    }

    /** A point's fill: ±1 orange/blue, a class hue, or the heatmap colour of a regression value. */
    private static int pointRgb(TrainingConfig.Problem problem, double y) {
        return switch (problem.task()) {
            case BINARY -> y > 0 ? HeatColors.POSITIVE : HeatColors.NEGATIVE;
            case MULTICLASS -> y < 0 ? HeatColors.NEGATIVE
                    : (int) y < HeatColors.CLASSES.size() ? HeatColors.CLASSES.get((int) y) : HeatColors.wheel((int) y);
            case REGRESSION -> HeatColors.argb(y) & 0xffffff;
        };
    }
}
