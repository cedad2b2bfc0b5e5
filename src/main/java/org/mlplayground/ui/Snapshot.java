package org.mlplayground.ui;

import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Network;
import org.mlplayground.train.Regularization;

/**
 * What the training thread shows the views: a frozen copy of the weights and the numbers that go with
 * them. Immutable by convention (nobody writes into {@code network} after publication), so the FX thread
 * may read it while training continues on the live network.
 *
 * @param network        a copy of the weights at {@code step}; views only run forward passes on it
 * @param train          the training examples (drawn filled)
 * @param test           the held-out examples (drawn with a dark outline)
 * @param epoch          completed passes over the training set
 * @param step           mini-batch updates so far
 * @param trainLoss      mean loss over the whole training set: the data term C_0 alone
 * @param penalty        the weight penalty's share of the training cost, so C = trainLoss + penalty; 0 without one
 * @param testLoss       mean loss over the whole test set
 * @param testAccuracy   share of test points on the right side of the boundary, 0 … 1
 * @param zeroWeights    weights of {@code network} that are exactly 0 (L1 makes them)
 * @param weightCount    all weights of {@code network}, biases not counted
 * @param regularization the penalty and dropout rates the trainer runs with
 * @param running        whether the training thread is playing
 * @param problem        why training stopped, in words for the student; empty when all is well
 */
record Snapshot(Network network, Dataset train, Dataset test, int epoch, long step, double trainLoss,
        double penalty, double testLoss, double testAccuracy, int zeroWeights, int weightCount,
        Regularization regularization, boolean running, String problem) {
}
