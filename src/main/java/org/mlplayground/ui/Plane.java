package org.mlplayground.ui;

import org.mlplayground.data.Dataset;

/**
 * The rectangle of the input plane (x₁ horizontal, x₂ vertical) that every heatmap covers and every data
 * point is drawn in. The built-in data sets live in [−6, 6]²; imported data get a square around their points.
 */
record Plane(double xMin, double xMax, double yMin, double yMax) {
    /** TensorFlow Playground's plane, where every generator's points lie. */
    static final Plane STANDARD = new Plane(-6, 6, -6, 6);

    Plane {
        if (!(xMax > xMin && yMax > yMin) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("empty plane " + xMin + " … " + xMax + " × " + yMin + " … " + yMax);
        }
    }

    /**
     * A square around the points of the given sets (nulls skipped) with a 10 % margin, the same scale on both
     * axes so shapes are not distorted; {@link #STANDARD} when they already fit into it.
     */
    static Plane around(Dataset... sets) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (Dataset d : sets) {
            if (d == null) continue;
            for (double[] p : d.x()) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                double y = p.length > 1 ? p[1] : 0;
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        if (!(x1 >= x0)) return STANDARD;
        if (x0 >= -6 && x1 <= 6 && y0 >= -6 && y1 <= 6 && Math.max(x1 - x0, y1 - y0) > 3) return STANDARD;
        double half = Math.max(Math.max(x1 - x0, y1 - y0) / 2 * 1.1, 1e-9);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        return new Plane(cx - half, cx + half, cy - half, cy + half);
    }

    double width() {
        return xMax - xMin;
    }

    double height() {
        return yMax - yMin;
    }

    /** x₁ at the centre of column {@code col} of an n-wide grid. */
    double x(int col, int n) {
        return xMin + (col + 0.5) * width() / n;
    }

    /** x₂ at the centre of row {@code row} of an n-high grid; row 0 is the top. */
    double y(int row, int n) {
        return yMax - (row + 0.5) * height() / n;
    }

    /** Plane x₁ → horizontal pixel in an area {@code w} wide. */
    double toPixelX(double x, double w) {
        return (x - xMin) / width() * w;
    }

    /** Plane x₂ → vertical pixel in an area {@code h} high (up is +x₂). */
    double toPixelY(double y, double h) {
        return (yMax - y) / height() * h;
    }

    double fromPixelX(double px, double w) {
        return xMin + px / w * width();
    }

    double fromPixelY(double py, double h) {
        return yMax - py / h * height();
    }
}
