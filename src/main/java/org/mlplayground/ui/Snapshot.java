package org.mlplayground.ui;

import java.util.List;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.Network;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.Regularization;
import org.mlplayground.train.TrainingConfig;

/**
 * What the training thread shows the views: a frozen copy of the weights and everything drawn from them.
 * Immutable by convention (nobody writes into its arrays after publication), so the FX thread may read it
 * while training continues on the live network.
 *
 * @param config       the settings the trainer runs with
 * @param run          counts resets: a new number means new weights (charts start afresh)
 * @param network      a copy of the weights at {@code step}; views only run forward passes on it
 * @param gradients    ∂L/∂θ of the last mini-batch, one array per {@link Network#parameters() parameter block}
 *                     (same order and layout); zeros before the first step
 * @param data         the points and what they mean
 * @param inputs       raw point (x₁, x₂) → network inputs (features, then standardisation)
 * @param field        the network over the plane
 * @param history      metrics after each epoch, oldest first (downsampled when long)
 * @param epoch        completed passes over the training set
 * @param step         mini-batch updates so far
 * @param trainLoss    mean loss over the whole training set: the data term C_0 alone
 * @param penalty      the weight penalty's share of the training cost, so C = trainLoss + penalty
 * @param trainAccuracy share of training points classified right, 0 … 1; NaN for regression
 * @param testLoss     mean loss over the test set; NaN without one
 * @param testAccuracy share of test points classified right; NaN for regression or without a test set
 * @param zeroWeights  weights that are exactly 0 (L1 makes them)
 * @param weightCount  all weights, biases not counted
 * @param dropped      per hidden layer l = 1 … L−1, which neurons the last mini-batch's dropout mask
 *                     dropped for its first example; all false without dropout
 * @param running      whether the training thread is playing
 * @param problem      why training stopped, or a warning, in words for the student; empty when all is well
 * @param revertEpoch  the epoch of the weights "go back" would restore, or −1 when there is nothing to go
 *                     back to
 * @param notice       a short note on the last change (e.g. why the weights were reset); empty if none
 */
record Snapshot(TrainingConfig config, long run, Network network, List<double[]> gradients, SessionData data,
        InputMap inputs, Field field, List<EpochMetrics> history, int epoch, long step, double trainLoss,
        double penalty, double trainAccuracy, double testLoss, double testAccuracy, int zeroWeights, int weightCount,
        List<boolean[]> dropped, boolean running, String problem, int revertEpoch, String notice) {

    /** The penalty and dropout rates the trainer runs with. */
    Regularization regularization() {
        return config.settings().regularization();
    }
}
