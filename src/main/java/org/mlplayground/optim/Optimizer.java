package org.mlplayground.optim;

import java.util.List;
import org.mlplayground.engine.Parameter;

/**
 * One rule for turning gradients into a step (COURSE.md §5), over flat parameter blocks. The same object
 * steps a network ({@code network.parameters()}) or a point on a 2-D loss surface (one block of size 2), so
 * what a student watches on the bowl is exactly what trains the network.
 *
 * <p>An optimizer keeps state per parameter (velocity, running averages, step counter k), allocated on the
 * first step and reallocated when the blocks change size; {@link #reset()} forgets it. Switching
 * optimizer mid-training is creating a new one: that touches no weight, the next step starts from the
 * current w with fresh state. Not thread-safe: the training thread owns its optimizer.
 */
public sealed interface Optimizer permits Sgd, Momentum, Nesterov, AdaGrad, RmsProp, RmsPropNesterov, Adadelta, Adam,
        DeltaBarDelta {

    /**
     * Exactly one update: calls {@code objective.evaluate()} once (the Nesterov variants at the look-ahead
     * point w + βv, putting w back before updating), changes every {@code value} in place and returns the
     * loss it evaluated.
     *
     * @param learningRate γ ≥ 0 for this step (a schedule may change it from step to step)
     * @throws IllegalArgumentException if γ is negative or not finite
     */
    double step(List<Parameter> params, Objective objective, double learningRate);

    /** Forgets all state, so that the next step behaves like the first one. Weights are not touched. */
    void reset();

    /**
     * A copy of the optimizer's memory, to save a run and continue it later exactly where it stopped.
     * Training thread only.
     */
    Memory memory();

    /**
     * Takes over a copy of a memory {@link #memory()} gave, so that the next step is the one the saved optimizer
     * would have taken. Training thread only.
     *
     * @throws IllegalArgumentException if the memory does not have this optimizer's shape (arrays per block)
     */
    void restore(Memory memory);

    /**
     * What an optimizer remembers between steps.
     *
     * @param count  a step counter where the rule needs one (Adam's k), else 0
     * @param arrays arrays[block][slot][i]: per parameter block the optimizer's slots (velocity v, running
     *               averages, …), each as long as the block; no blocks before the first step
     */
    record Memory(long count, double[][][] arrays) {
        public Memory {
            java.util.Objects.requireNonNull(arrays, "arrays");
            if (count < 0) throw new IllegalArgumentException("an optimizer's step count is at least 0, got " + count);
        }

        /** Slots per block this memory has (0 without blocks). */
        public int slots() {
            return arrays.length == 0 ? 0 : arrays[0].length;
        }
    }

    /** The current settings. */
    Hyperparameters hyperparameters();

    /**
     * New settings for this optimizer that keep its state (a student moving the β slider keeps the
     * velocity).
     *
     * @throws IllegalArgumentException if they are settings of another optimizer
     */
    void retune(Hyperparameters settings);

    /** Id used in files and on the command line, e.g. {@code "rmsprop-nesterov"}. */
    default String id() {
        return hyperparameters().id();
    }

    /** Name shown to a student, e.g. {@code "RMSProp + Nesterov"}. */
    default String name() {
        return hyperparameters().name();
    }

    /** A fresh optimizer with default settings, by id (see {@link Hyperparameters#IDS}). */
    static Optimizer create(String id) {
        return Hyperparameters.defaults(id).create();
    }
}
