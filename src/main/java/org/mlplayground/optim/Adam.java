package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * Adam (Kingma &amp; Ba 2014; COURSE.md §5 erratum): momentum on the gradient and on its square, both
 * corrected for starting at zero,
 * <pre>
 * f ← β1 f + (1 − β1) g,   a ← β2 a + (1 − β2) g²,
 * f̂ = f / (1 − β1^k),      â = a / (1 − β2^k),      w ← w − γ f̂ / (√â + ε)
 * </pre>
 * with k = 1, 2, … the number of steps since the last {@link #reset()}. ε sits outside the root. Thanks to
 * the correction the first step moves every coordinate by γ·|g|/(|g| + ε) ≈ γ in the direction of −g,
 * whatever the size of g.
 */
public final class Adam implements Optimizer {

    /**
     * @param beta1   β1, the share of the old mean gradient f kept each step, in [0, 1)
     * @param beta2   β2, the share of the old mean squared gradient a kept each step, in [0, 1)
     * @param epsilon ε &gt; 0 added to √â in the denominator
     */
    public record Settings(double beta1, double beta2, double epsilon) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(0.9, 0.999, 1e-8);

        public Settings {
            Require.fraction("Adam β1", beta1);
            Require.fraction("Adam β2", beta2);
            Require.positive("Adam ε", epsilon);
        }

        @Override
        public String id() {
            return "adam";
        }

        @Override
        public String name() {
            return "Adam";
        }

        @Override
        public double defaultLearningRate() {
            return 0.01;
        }

        @Override
        public Adam create() {
            return new Adam(this);
        }
    }

    private static final int F = 0, A = 1;
    private final State state = new State(2);
    private Settings settings;
    /** k: steps taken since the state was last cleared. */
    private long k;

    public Adam() {
        this(Settings.DEFAULTS);
    }

    public Adam(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate);
        double beta1 = settings.beta1(), beta2 = settings.beta2(), eps = settings.epsilon();
        if (state.fit(params)) k = 0;
        double loss = objective.evaluate();
        k++;
        double correction1 = 1 - Math.pow(beta1, k), correction2 = 1 - Math.pow(beta2, k);
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), g = p.gradient(), f = state.get(b, F), a = state.get(b, A);
            for (int i = 0; i < p.size(); i++) {
                f[i] = beta1 * f[i] + (1 - beta1) * g[i];
                a[i] = beta2 * a[i] + (1 - beta2) * g[i] * g[i];
                double fHat = f[i] / correction1, aHat = a[i] / correction2;
                w[i] -= gamma * fHat / (Math.sqrt(aHat) + eps);
            }
        }
        return loss;
    }

    /** k, the steps taken since the last reset (the exponent of the bias correction). */
    public long stepCount() {
        return k;
    }

    @Override
    public Memory memory() {
        return new Memory(k, state.copy());
    }

    @Override
    public void restore(Memory memory) {
        state.load(memory.arrays(), name());
        k = memory.count();
    }

    @Override
    public void reset() {
        state.clear();
        k = 0;
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
