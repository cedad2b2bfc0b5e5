package org.mlplayground.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * A bounded record of a long run for a chart at about one pixel per point: it keeps the first point, the
 * newest point, and between them at most {@code capacity − 2} buckets, each the mean of a run of consecutive
 * points of one common length (the stride). When the buckets fill up, adjacent pairs merge and the stride
 * doubles, so a monotone curve stays monotone and a noisy one is smoothed rather than aliased. Adding is
 * O(1) amortised. Thread-safe: one thread adds while others read {@link #points()}.
 *
 * @param <T> a point; {@code plus} adds two (the later one's position wins), {@code mean} divides a sum by a count
 */
public final class DownsampledHistory<T> {
    /** Adds points and takes the mean of a sum of n of them. */
    public interface Averaging<T> {
        /** a + b, positioned where b is (its epoch or step). */
        T plus(T a, T b);

        /** sum / n. */
        T mean(T sum, long n);
    }

    private final int capacity;
    private final Averaging<T> averaging;
    private final List<T> buckets;
    private T first;
    private T latest;
    private long stride = 1;
    private long added;
    /** The sum over the raw points of the bucket being filled. */
    private long pendingCount;
    private T pendingSum;

    /** @param capacity the most points ever kept, even and at least 4 */
    public DownsampledHistory(int capacity, Averaging<T> averaging) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("a history needs an even capacity of at least 4 points, got " + capacity);
        }
        this.capacity = capacity;
        this.averaging = Objects.requireNonNull(averaging, "averaging");
        this.buckets = new ArrayList<>(capacity - 2);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void add(T point) {
        added++;
        latest = point;
        if (first == null) {
            first = point;
            return;
        }
        pendingCount++;
        pendingSum = pendingSum == null ? point : averaging.plus(pendingSum, point);
        if (pendingCount < stride) return;
        buckets.add(stride == 1 ? point : averaging.mean(pendingSum, stride));
        pendingCount = 0;
        pendingSum = null;
        if (buckets.size() == capacity - 2) mergeAdjacentPairs();
    }

    private void mergeAdjacentPairs() {
        List<T> merged = new ArrayList<>(capacity - 2);
        for (int i = 0; i + 1 < buckets.size(); i += 2) {
            merged.add(averaging.mean(averaging.plus(buckets.get(i), buckets.get(i + 1)), 2));
        }
        buckets.clear();
        buckets.addAll(merged);
        stride *= 2;
    }

    /**
     * The curve to draw, oldest first: the first point, the bucket means, the newest point as recorded (in
     * place of the last bucket's mean when that bucket ends with it).
     */
    public synchronized List<T> points() {
        if (first == null) return List.of();
        List<T> points = new ArrayList<>(buckets.size() + 2);
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

    /** How many points have been added in all. */
    public synchronized long added() {
        return added;
    }

    /** The newest point as it was added, or {@code null} before the first. */
    public synchronized T latest() {
        return latest;
    }

    /** The first point added, or {@code null}. */
    public synchronized T first() {
        return first;
    }

    /**
     * Everything the history holds, to save a run and rebuild its history exactly.
     *
     * @param first        the first point, or {@code null} when empty
     * @param buckets      the bucket means between the first point and the newest, oldest first
     * @param latest       the newest point as it was added, or {@code null}
     * @param stride       points per bucket now, a power of 2
     * @param added        points added in all: 1 + stride × buckets + pendingCount (0 when empty)
     * @param pendingCount points in the bucket being filled, below {@code stride}
     * @param pendingSum   their sum, or {@code null} when there are none
     */
    public record Saved<T>(T first, List<T> buckets, T latest, long stride, long added, long pendingCount, T pendingSum) {
        public Saved {
            buckets = List.copyOf(buckets);
        }
    }

    public synchronized Saved<T> saved() {
        return new Saved<>(first, buckets, latest, stride, added, pendingCount, pendingSum);
    }

    /**
     * Puts back what {@link #saved()} gave, replacing every point.
     *
     * @throws IllegalArgumentException if the counts do not fit together or there are more buckets than room
     */
    public synchronized void restore(Saved<T> saved) {
        long stride = saved.stride();
        if (stride < 1 || Long.bitCount(stride) != 1) {
            throw new IllegalArgumentException("a history's stride is a power of 2, got " + stride);
        }
        if (saved.buckets().size() >= capacity - 2) {
            throw new IllegalArgumentException("a history of capacity " + capacity + " holds at most " + (capacity - 3)
                    + " buckets, got " + saved.buckets().size());
        }
        if (saved.pendingCount() < 0 || saved.pendingCount() >= stride || (saved.pendingCount() == 0) != (saved.pendingSum() == null)) {
            throw new IllegalArgumentException("a history's unfinished bucket holds 0 … " + (stride - 1)
                    + " points with their sum, got " + saved.pendingCount());
        }
        boolean empty = saved.first() == null;
        long expected = empty ? 0 : 1 + stride * saved.buckets().size() + saved.pendingCount();
        if (empty != (saved.latest() == null) || (empty && !saved.buckets().isEmpty()) || saved.added() != expected) {
            throw new IllegalArgumentException("the history's counts do not add up: " + saved.added() + " points added, but "
                    + "1 first point, " + saved.buckets().size() + " buckets of " + stride + " and " + saved.pendingCount()
                    + " pending make " + expected);
        }
        buckets.clear();
        buckets.addAll(saved.buckets());
        first = saved.first();
        latest = saved.added() == 1 ? first : saved.latest();
        this.stride = stride;
        added = saved.added();
        pendingCount = saved.pendingCount();
        pendingSum = saved.pendingSum();
    }

    /** Forgets every point. */
    public synchronized void clear() {
        buckets.clear();
        first = latest = pendingSum = null;
        stride = 1;
        added = pendingCount = 0;
    }
}
