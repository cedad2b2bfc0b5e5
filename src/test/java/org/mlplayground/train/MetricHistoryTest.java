package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The history stays within its capacity on a very long run and keeps the curve's shape. */
class MetricHistoryTest {

    /** A falling loss curve and a rising accuracy, 1/(1 + e) and 1 − 1/(1 + e). */
    private static EpochMetrics point(int epoch) {
        double loss = 1.0 / (1 + epoch);
        return new EpochMetrics(epoch, 10L * epoch, loss, 1 - loss, 2 * loss, 1 - 2 * loss);
    }

    @Test
    void tenMillionEpochsStayWithinCapacityKeepFirstAndLastAndAMonotoneCurveStaysMonotone() {
        MetricHistory history = new MetricHistory(2000);
        int n = 10_000_000;
        for (int e = 1; e <= n; e++) {
            history.add(point(e));
            if (e % 999_983 == 0) assertTrue(history.size() <= 2000, "size " + history.size() + " after " + e);
        }
        List<EpochMetrics> points = history.points();

        assertTrue(points.size() <= 2000, "size " + points.size());
        assertTrue(points.size() >= 1000, "downsampling should keep at least half the capacity, kept " + points.size());
        assertEquals(points.size(), history.size());
        assertEquals(n, history.added());
        assertEquals(point(1), points.get(0), "the first point is kept as it was");
        assertEquals(point(n), points.get(points.size() - 1), "the newest point is kept as it was");
        for (int i = 1; i < points.size(); i++) {
            EpochMetrics before = points.get(i - 1), after = points.get(i);
            assertTrue(after.epoch() > before.epoch(), "epochs increase at " + i);
            assertTrue(after.step() > before.step(), "steps increase at " + i);
            assertTrue(after.trainLoss() <= before.trainLoss(), "train loss keeps falling at " + i);
            assertTrue(after.testLoss() <= before.testLoss(), "test loss keeps falling at " + i);
            assertTrue(after.trainAccuracy() >= before.trainAccuracy(), "train accuracy keeps rising at " + i);
            assertTrue(after.testAccuracy() >= before.testAccuracy(), "test accuracy keeps rising at " + i);
        }
    }

    @Test
    void aShortRunIsKeptPointForPoint() {
        MetricHistory history = new MetricHistory(8);
        for (int e = 1; e <= 6; e++) history.add(point(e));

        assertEquals(List.of(point(1), point(2), point(3), point(4), point(5), point(6)), history.points());
    }

    @Test
    void mergedPointsAreTheMeansOfEqualRunsOfEpochs() {
        MetricHistory history = new MetricHistory(4);
        // Capacity 4: the first point, at most 2 buckets, the newest point.
        for (int e = 1; e <= 4; e++) history.add(new EpochMetrics(e, e, e, 0, 0, 0));
        List<EpochMetrics> points = history.points();

        // Epochs 2 and 3 filled both buckets, so they merged into one of width 2 (mean 2.5, ending at epoch 3);
        // epoch 4 waits for its bucket to fill and is shown as it is.
        assertEquals(List.of(1.0, 2.5, 4.0), points.stream().map(EpochMetrics::trainLoss).toList());
        assertEquals(List.of(1, 3, 4), points.stream().map(EpochMetrics::epoch).toList());
    }

    @Test
    void anOddOrTinyCapacityIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MetricHistory(5));
        assertThrows(IllegalArgumentException.class, () -> new MetricHistory(2));
    }
}
