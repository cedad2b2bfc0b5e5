package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * AdaGrad (Duchi, Hazan &amp; Singer 2011), COURSE.md §5: every parameter divides its step by the root of
 * the sum of all its squared gradients so far,
 * <pre>a_i ← a_i + g_i²,   w_i ← w_i − γ g_i / (√a_i + ε)</pre>
 * ε sits outside the root and only guards against 0/0. Since a_i only grows, the rate only decays: under a
 * constant gradient the k-th step is γ/√k long.
 */
public final class AdaGrad implements Optimizer {

    /** @param epsilon ε &gt; 0 added to √a in the denominator */
    public record Settings(double epsilon) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(1e-8);

        public Settings {
            Require.positive("AdaGrad ε", epsilon);
        }

        @Override
        public String id() {
            return "adagrad";
        }

        @Override
        public String name() {
            return "AdaGrad";
        }

        @Override
        public double defaultLearningRate() {
            return 0.1;
        }

        @Override
        public AdaGrad create() {
            return new AdaGrad(this);
        }
    }

    private static final int A = 0;
    private final State state = new State(1);
    private Settings settings;

    public AdaGrad() {
        this(Settings.DEFAULTS);
    }

    public AdaGrad(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate), eps = settings.epsilon();
        state.fit(params);
        double loss = objective.evaluate();
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), g = p.gradient(), a = state.get(b, A);
            for (int i = 0; i < p.size(); i++) {
                a[i] += g[i] * g[i];
                w[i] -= gamma * g[i] / (Math.sqrt(a[i]) + eps);
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
