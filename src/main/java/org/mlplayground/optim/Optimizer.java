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
