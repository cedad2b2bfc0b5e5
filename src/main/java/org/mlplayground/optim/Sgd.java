package org.mlplayground.optim;

import java.util.List;
import org.mlplayground.engine.Parameter;

/**
 * Plain gradient descent, w ← w − γ∇L(w); stochastic (SGD) when the objective is a mini-batch loss.
 * On the elliptical bowl it zig-zags across the steep axis and crawls along the flat one (COURSE.md §5).
 */
public final class Sgd implements Optimizer {

    /** Gradient descent has nothing to set but the learning rate. */
    public record Settings() implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings();

        @Override
        public String id() {
            return "sgd";
        }

        @Override
        public String name() {
            return "Gradient descent";
        }

        @Override
        public double defaultLearningRate() {
            return 0.1;
        }

        @Override
        public Sgd create() {
            return new Sgd();
        }
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate);
        double loss = objective.evaluate();
        for (Parameter p : params) {
            double[] w = p.value(), g = p.gradient();
            for (int i = 0; i < p.size(); i++) w[i] -= gamma * g[i];
        }
        return loss;
    }

    @Override
    public Memory memory() {
        return new Memory(0, new double[0][][]);
    }

    @Override
    public void restore(Memory memory) {
        if (memory.arrays().length != 0 || memory.count() != 0) {
            throw new IllegalArgumentException("gradient descent remembers nothing between steps, but the saved state has "
                    + memory.arrays().length + " blocks");
        }
    }

    /** Gradient descent remembers nothing. */
    @Override
    public void reset() {
    }

    @Override
    public Settings hyperparameters() {
        return Settings.DEFAULTS;
    }

    @Override
    public void retune(Hyperparameters settings) {
        if (!(settings instanceof Settings)) throw Require.wrongKind(this, settings);
    }
}
