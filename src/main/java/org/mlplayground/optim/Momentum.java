package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * Momentum (Rumelhart, Hinton &amp; Williams 1986), COURSE.md §5:
 * <pre>v ← βv − γ∇L(w),   w ← w + v</pre>
 * v is a sum of past gradients with exponentially forgetting weights; under a constant gradient g it
 * settles at −γg/(1 − β), so the step is 1/(1 − β) times that of gradient descent.
 */
public final class Momentum implements Optimizer {

    /** @param beta β, the share of the old velocity kept each step, in [0, 1); β = 0 is gradient descent */
    public record Settings(double beta) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(0.9);

        public Settings {
            Require.fraction("momentum β", beta);
        }

        @Override
        public String id() {
            return "momentum";
        }

        @Override
        public String name() {
            return "Momentum";
        }

        @Override
        public double defaultLearningRate() {
            return 0.01;
        }

        @Override
        public Momentum create() {
            return new Momentum(this);
        }
    }

    private static final int V = 0;
    private final State state = new State(1);
    private Settings settings;

    public Momentum() {
        this(Settings.DEFAULTS);
    }

    public Momentum(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate), beta = settings.beta();
        state.fit(params);
        double loss = objective.evaluate();
        applyVelocity(params, state, V, beta, gamma);
        return loss;
    }

    /**
     * v ← βv − γg, w ← w + v with the gradients g already evaluated; {@link Nesterov} shares it, having
     * evaluated g at w + βv.
     */
    static void applyVelocity(List<Parameter> params, State state, int velocity, double beta, double gamma) {
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), g = p.gradient(), v = state.get(b, velocity);
            for (int i = 0; i < p.size(); i++) {
                v[i] = beta * v[i] - gamma * g[i];
                w[i] += v[i];
            }
        }
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
