package org.mlplayground.train;

import java.util.List;
import java.util.Objects;
import org.mlplayground.optim.Optimizer;

/**
 * Where a {@link Trainer} stands between two steps, everything its next steps depend on: the counters, the
 * shuffled order of the epoch under way and the place in it, the state of both random generators (the
 * shuffling's and the remedies'), the weights and batch-norm statistics, the optimizer's memory, the metric
 * history and early stopping's bookkeeping. A trainer made from the same config and points and given this
 * checkpoint ({@link Trainer#restore}) takes exactly the steps the saved one would have taken, number for number.
 * Polyak averaging is not part of it (the window does not use it). Immutable by convention.
 *
 * @param step          steps done (k of the next γ_k)
 * @param epoch         completed epochs
 * @param position      where in {@code order} the next mini-batch starts; 0 at an epoch's start
 * @param order         the training points' order in the epoch under way (a permutation of 0 … n−1)
 * @param shuffle       the shuffling generator's state
 * @param remedies      the state of the generator of dropout masks, noise, augmentation and mixup
 * @param weights       every parameter block (W_1, b_1, …) in {@code Network.parameters()} order
 * @param statistics    the running batch-norm statistics, in {@code Network.runningStatistics()} order
 * @param optimizer     the optimizer's memory (no blocks: fresh, as after a divergence)
 * @param lastBatchLoss the loss of the last mini-batch (NaN before the first)
 * @param history       the per-epoch metrics
 * @param earlyStopping early stopping's best epoch so far, or {@code null} when it has none
 */
public record Checkpoint(long step, int epoch, int position, int[] order, RandomState shuffle, RandomState remedies,
        List<double[]> weights, List<double[]> statistics, Optimizer.Memory optimizer, double lastBatchLoss,
        DownsampledHistory.Saved<EpochMetrics> history, BestEpoch earlyStopping) {

    public Checkpoint {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(shuffle, "shuffle");
        Objects.requireNonNull(remedies, "remedies");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(history, "history");
        weights = List.copyOf(weights);
        statistics = List.copyOf(statistics);
        if (step < 0) throw new IllegalArgumentException("the step count is at least 0, got " + step);
        if (epoch < 0) throw new IllegalArgumentException("the epoch count is at least 0, got " + epoch);
    }

    /** A generator's state: its position and its (odd) step; see {@link ResumableRandom}. */
    public record RandomState(long seed, long gamma) {
        public RandomState {
            if ((gamma & 1) == 0) throw new IllegalArgumentException("a generator's gamma is odd, got " + gamma);
        }
    }

    /**
     * Early stopping's memory: the best epoch so far with its validation loss and weights, and the stop, if
     * it has stopped training.
     *
     * @param stop why training stopped, or {@code null} while it goes on
     */
    public record BestEpoch(int epoch, double validationLoss, List<double[]> weights, List<double[]> statistics,
            EarlyStopping.Stop stop) {
        public BestEpoch {
            weights = List.copyOf(weights);
            statistics = List.copyOf(statistics);
        }
    }
}
