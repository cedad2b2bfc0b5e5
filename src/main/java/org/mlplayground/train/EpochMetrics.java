package org.mlplayground.train;

/**
 * Where a run stood at the end of an epoch. Accuracies are fractions in [0, 1], NaN where the data is not
 * a classification (see {@link Trainer#evaluate}); test and validation values are NaN when the trainer has no
 * such set. The losses are the data term C_0 alone; {@code penalty} is the weight penalty's share of the
 * cost (0 without one), so the cost the optimizer minimises is {@link #trainCost()}. A point of a
 * downsampled {@link MetricHistory} carries the epoch and step of the last epoch it covers and the mean of
 * the values it merged.
 */
public record EpochMetrics(int epoch, long step, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy, double penalty, double validationLoss, double validationAccuracy) {

    /** Metrics without a penalty or a validation set. */
    public EpochMetrics(int epoch, long step, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy) {
        this(epoch, step, trainLoss, trainAccuracy, testLoss, testAccuracy, 0, Double.NaN, Double.NaN);
    }

    /** C = C_0 + penalty on the training set. */
    public double trainCost() {
        return trainLoss + penalty;
    }

    /** The values summed with {@code later}'s, labelled with {@code later}'s epoch and step. */
    EpochMetrics plus(EpochMetrics later) {
        return new EpochMetrics(later.epoch, later.step, trainLoss + later.trainLoss, trainAccuracy + later.trainAccuracy,
                testLoss + later.testLoss, testAccuracy + later.testAccuracy, penalty + later.penalty,
                validationLoss + later.validationLoss, validationAccuracy + later.validationAccuracy);
    }

    /** The values divided by k (the mean of k summed points). */
    EpochMetrics dividedBy(double k) {
        return new EpochMetrics(epoch, step, trainLoss / k, trainAccuracy / k, testLoss / k, testAccuracy / k, penalty / k,
                validationLoss / k, validationAccuracy / k);
    }
}
