package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * RMSProp (Hinton's lecture 6e, 2012), COURSE.md §5: AdaGrad with a forgetting average of the squared
 * gradients instead of their sum, so the rate can grow again,
 * <pre>a_i ← ρ a_i + (1 − ρ) g_i²,   w_i ← w_i − γ g_i / √(a_i + ε)</pre>
 * As in the course (and Goodfellow et al., Alg. 8.5) ε sits inside the root: the denominator is at least
 * √ε = 1e-4 with the default ε = 1e-8.
 */
public final class RmsProp implements Optimizer {

    /**
     * @param rho     ρ, the share of the old average of g² kept each step, in [0, 1)
     * @param epsilon ε &gt; 0 added to a under the root
     */
    public record Settings(double rho, double epsilon) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(0.9, 1e-8);

        public Settings {
            Require.fraction("RMSProp ρ", rho);
            Require.positive("RMSProp ε", epsilon);
        }

        @Override
        public String id() {
            return "rmsprop";
        }

        @Override
        public String name() {
            return "RMSProp";
        }

        @Override
        public double defaultLearningRate() {
            return 0.01;
        }

        @Override
        public RmsProp create() {
            return new RmsProp(this);
        }
    }

    private static final int A = 0;
    private final State state = new State(1);
    private Settings settings;

    public RmsProp() {
        this(Settings.DEFAULTS);
    }

    public RmsProp(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate), rho = settings.rho(), eps = settings.epsilon();
        state.fit(params);
        double loss = objective.evaluate();
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), g = p.gradient(), a = state.get(b, A);
            for (int i = 0; i < p.size(); i++) {
                a[i] = rho * a[i] + (1 - rho) * g[i] * g[i];
                w[i] -= gamma * g[i] / Math.sqrt(a[i] + eps);
            }
        }
        return loss;
    }

    @Override
    public Memory memory() {
        return new Memory(0, state.copy());
    }

    @Override
    public void restore(Memory memory) {
        state.load(memory.arrays(), name());
    }

    @Override
    public void reset() {
        state.clear();
    }

    @Override
    public Settings hyperparameters() {
        return settings;
    }

    @Override
    public void retune(Hyperparameters settings) {
        if (!(settings instanceof Settings s)) throw Require.wrongKind(this, settings);
        this.settings = s;
    }
}
