package org.mlplayground.train;

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

    private final DownsampledHistory<EpochMetrics> points;

    public MetricHistory() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most points ever kept, even and at least 4 */
    public MetricHistory(int capacity) {
        this.points = new DownsampledHistory<>(capacity, new DownsampledHistory.Averaging<>() {
            @Override
            public EpochMetrics plus(EpochMetrics a, EpochMetrics b) {
                return a.plus(b);
            }

            @Override
            public EpochMetrics mean(EpochMetrics sum, long n) {
                return sum.dividedBy(n);
            }
        });
    }

    public int capacity() {
        return points.capacity();
    }

    /** Records the metrics of the next epoch. */
    public void add(EpochMetrics point) {
        points.add(point);
    }

    /**
     * The curve to draw, oldest first: the first point, the bucket means, the newest point as recorded (in
     * place of the last bucket's mean when that bucket ends with it).
     */
    public List<EpochMetrics> points() {
        return points.points();
    }

    /** How many points {@link #points()} returns now; never more than {@link #capacity()}. */
    public int size() {
        return points.size();
    }

    /** How many epochs have been recorded in all. */
    public long added() {
        return points.added();
    }

    /** Everything the history holds (see {@link DownsampledHistory.Saved}), to save a run. */
    public DownsampledHistory.Saved<EpochMetrics> saved() {
        return points.saved();
    }

    /**
     * Puts back a saved history, replacing every point.
     *
     * @throws IllegalArgumentException if its counts do not fit together
     */
    public void restore(DownsampledHistory.Saved<EpochMetrics> saved) {
        points.restore(saved);
    }

    /** The newest point as it was recorded, or {@code null} before the first epoch. */
    public EpochMetrics latest() {
        return points.latest();
    }
}
