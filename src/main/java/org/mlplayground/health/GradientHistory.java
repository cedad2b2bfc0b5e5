package org.mlplayground.health;

import java.util.ArrayList;
import java.util.List;

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

    private final int capacity;
    private final List<Point> buckets;
    private Point first;
    private Point latest;
    private long stride = 1;
    private long added;
    private long pendingCount;
    private Point pendingSum;

    public GradientHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most points ever kept, even and at least 4 */
    public GradientHistory(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("a gradient history needs an even capacity of at least 4 points, got " + capacity);
        }
        this.capacity = capacity;
        this.buckets = new ArrayList<>(capacity - 2);
    }

    public int capacity() {
        return capacity;
    }

    /** Records the next measurement; all points must have the same number of layers. */
    public synchronized void add(Point point) {
        if (first != null && point.dLdWNorm.length != first.dLdWNorm.length) {
            throw new IllegalArgumentException("a point of " + point.dLdWNorm.length + " layers in a history of "
                    + first.dLdWNorm.length);
        }
        added++;
        latest = point;
        if (first == null) {
            first = point;
            return;
        }
        pendingCount++;
        pendingSum = pendingSum == null ? point : pendingSum.plus(point, point.step);
        if (pendingCount < stride) return;
        buckets.add(stride == 1 ? point : pendingSum.dividedBy(stride));
        pendingCount = 0;
        pendingSum = null;
        if (buckets.size() == capacity - 2) mergeAdjacentPairs();
    }

    private void mergeAdjacentPairs() {
        List<Point> merged = new ArrayList<>(capacity - 2);
        for (int i = 0; i + 1 < buckets.size(); i += 2) {
            Point a = buckets.get(i), b = buckets.get(i + 1);
            merged.add(a.plus(b, b.step).dividedBy(2));
        }
        buckets.clear();
        buckets.addAll(merged);
        stride *= 2;
    }

    /** The curve to draw, oldest first: the first point, the bucket means, the newest point as recorded. */
    public synchronized List<Point> points() {
        if (first == null) return List.of();
        List<Point> points = new ArrayList<>(buckets.size() + 2);
        points.add(first);
        points.addAll(buckets);
        if (latest != first) {
            if (pendingCount == 0) points.remove(points.size() - 1);
            points.add(latest);
        }
        return List.copyOf(points);
    }

    /** How many points {@link #points()} returns now; never more than {@link #capacity()}. */
    public synchronized int size() {
        if (first == null) return 0;
        return 1 + buckets.size() + (latest != first && pendingCount > 0 ? 1 : 0);
    }

    /** How many measurements have been recorded in all. */
    public synchronized long added() {
        return added;
    }

    /** Forgets every point (a new run). */
    public synchronized void clear() {
        buckets.clear();
        first = latest = pendingSum = null;
        stride = 1;
        added = pendingCount = 0;
    }
}
