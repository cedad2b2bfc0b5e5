package org.mlplayground.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-epoch metrics of a run, in bounded memory however long the run: at most {@link #capacity()}
 * points are kept, the old ones downsampled so that the curve keeps its shape.
 *
 * <p>How: the first point is kept as it is. The later points go into equal buckets of {@code stride}
 * consecutive epochs (stride 1 at first); a full bucket becomes one point, the mean of its values, carrying
 * the epoch and step of its last member. When {@code capacity − 2} such points exist, adjacent pairs are
 * merged (means of equal-sized buckets, so the result is again an equal-width mean) and the stride
 * doubles. The newest point is always shown as it was recorded, last. Because every stored point is the mean of a
 * run of consecutive epochs of one common length, a monotone curve stays monotone and a noisy one is
 * smoothed rather than aliased. Adding is O(1) amortised.
 *
 * <p>Thread-safe: the training thread adds while a view reads {@link #points()}.
 */
public final class MetricHistory {
    /** Room for a long chart at one pixel per point. */
    public static final int DEFAULT_CAPACITY = 2000;

    private final int capacity;
    private final List<EpochMetrics> buckets;
    private EpochMetrics first;
    private EpochMetrics latest;
    private long stride = 1;
    private long added;
    /** Sums over the raw points of the bucket being filled. */
    private long pendingCount;
    private EpochMetrics pendingSum;

    public MetricHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most points ever kept, even and at least 4 */
    public MetricHistory(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("a metric history needs an even capacity of at least 4 points, got " + capacity);
        }
        this.capacity = capacity;
        this.buckets = new ArrayList<>(capacity - 2);
    }

    public int capacity() {
        return capacity;
    }

    /** Records the metrics of the next epoch. */
    public synchronized void add(EpochMetrics point) {
        added++;
        latest = point;
        if (first == null) {
            first = point;
            return;
        }
        pendingCount++;
        pendingSum = pendingSum == null ? point : pendingSum.plus(point);
        if (pendingCount < stride) return;
        buckets.add(stride == 1 ? point : pendingSum.dividedBy(stride));
        pendingCount = 0;
        pendingSum = null;
        if (buckets.size() == capacity - 2) mergeAdjacentPairs();
    }

    private void mergeAdjacentPairs() {
        List<EpochMetrics> merged = new ArrayList<>(capacity - 2);
        for (int i = 0; i + 1 < buckets.size(); i += 2) {
            EpochMetrics a = buckets.get(i), b = buckets.get(i + 1);
            merged.add(a.plus(b).dividedBy(2));
        }
        buckets.clear();
        buckets.addAll(merged);
        stride *= 2;
    }

    /**
     * The curve to draw, oldest first: the first point, the bucket means, the newest point as recorded (in
     * place of the last bucket's mean when that bucket ends with it).
     */
    public synchronized List<EpochMetrics> points() {
        if (first == null) return List.of();
        List<EpochMetrics> points = new ArrayList<>(buckets.size() + 2);
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

    /** How many epochs have been recorded in all. */
    public synchronized long added() {
        return added;
    }

    /** The newest point as it was recorded, or {@code null} before the first epoch. */
    public synchronized EpochMetrics latest() {
        return latest;
    }
}
