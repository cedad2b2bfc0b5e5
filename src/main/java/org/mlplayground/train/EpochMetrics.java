package org.mlplayground.train;

/**
 * Where a run stood at the end of an epoch. Accuracies are fractions in [0, 1], NaN where the data is not
 * a classification (see {@link Trainer#evaluate}); the test values are NaN when the trainer has no test set.
 * A point of a downsampled {@link MetricHistory} carries the epoch and step of the last epoch it covers and
 * the mean of the values it merged.
 */
public record EpochMetrics(int epoch, long step, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy) {
}
