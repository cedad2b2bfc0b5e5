package org.mlplayground.health;

import java.util.List;
import org.mlplayground.train.DownsampledHistory;

/**
 * Per-layer ‖∂L/∂W_l‖ and ‖δ_l‖ against the step, in bounded memory however long the run: the downsampling
 * of {@link org.mlplayground.train.MetricHistory}. The first point stays as recorded; later points go into
 * buckets of {@code stride} consecutive measurements, each bucket becoming one point (the means of its
 * norms, at the step of its last member); when {@code capacity − 2} buckets exist, adjacent pairs merge and
 * the stride doubles. The newest point is always shown as recorded, last. A mean that contains a non-finite
 * norm is not finite either, which is what an exploding run should show.
 *
 * <p>Thread-safe: the training thread adds while a view reads {@link #points()}.
 */
public final class GradientHistory {
    /** Room for a long chart at one pixel per point. */
    public static final int DEFAULT_CAPACITY = 2000;

    /**
     * One point of the chart.
     *
     * @param step      the trainer's step count (of the bucket's last member)
     * @param dLdWNorm  ‖∂L/∂W_l‖ for l = 1 … L, at index l − 1
     * @param deltaNorm ‖δ_l‖/√B for l = 1 … L, at index l − 1
     */
    public record Point(long step, double[] dLdWNorm, double[] deltaNorm) {
        public Point {
            dLdWNorm = dLdWNorm.clone();
            deltaNorm = deltaNorm.clone();
        }

        @Override
        public double[] dLdWNorm() {
            return dLdWNorm.clone();
        }

        @Override
        public double[] deltaNorm() {
            return deltaNorm.clone();
        }

        /** ‖∂L/∂W_l‖, l = 1 … L. */
        public double dLdWNorm(int l) {
            return dLdWNorm[l - 1];
        }

        /** ‖δ_l‖/√B, l = 1 … L. */
        public double deltaNorm(int l) {
            return deltaNorm[l - 1];
        }

        /** The point of a measured step. */
        public static Point of(GradientHealth health) {
            int depth = health.depth();
            double[] w = new double[depth], d = new double[depth];
            for (int l = 1; l <= depth; l++) {
                w[l - 1] = health.layer(l).dLdWNorm();
                d[l - 1] = health.layer(l).deltaNorm();
            }
            return new Point(health.step(), w, d);
        }

        private Point plus(Point o, long step) {
            double[] w = dLdWNorm.clone(), d = deltaNorm.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] += o.dLdWNorm[i];
                d[i] += o.deltaNorm[i];
            }
            return new Point(step, w, d);
        }

        private Point dividedBy(double n) {
            double[] w = dLdWNorm.clone(), d = deltaNorm.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] /= n;
                d[i] /= n;
            }
            return new Point(step, w, d);
        }
    }

    private final DownsampledHistory<Point> points;

    public GradientHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most points ever kept, even and at least 4 */
    public GradientHistory(int capacity) {
        this.points = new DownsampledHistory<>(capacity, new DownsampledHistory.Averaging<>() {
            @Override
            public Point plus(Point a, Point b) {
                return a.plus(b, b.step);
            }

            @Override
            public Point mean(Point sum, long n) {
                return sum.dividedBy(n);
            }
        });
    }

    public int capacity() {
        return points.capacity();
    }

    /** Records the next measurement; all points must have the same number of layers. */
    public void add(Point point) {
        Point first = points.first();
        if (first != null && point.dLdWNorm.length != first.dLdWNorm.length) {
            throw new IllegalArgumentException("a point of " + point.dLdWNorm.length + " layers in a history of "
                    + first.dLdWNorm.length);
        }
        points.add(point);
    }

    /** The curve to draw, oldest first: the first point, the bucket means, the newest point as recorded. */
    public List<Point> points() {
        return points.points();
    }

    /** How many points {@link #points()} returns now; never more than {@link #capacity()}. */
    public int size() {
        return points.size();
    }

    /** How many measurements have been recorded in all. */
    public long added() {
        return points.added();
    }

    /** The newest point as recorded, or {@code null}. */
    public Point latest() {
        return points.latest();
    }

    /** Forgets every point (a new run). */
    public void clear() {
        points.clear();
    }
}
