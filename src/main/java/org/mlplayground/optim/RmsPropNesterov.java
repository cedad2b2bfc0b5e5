package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * RMSProp with Nesterov momentum (Goodfellow, Bengio &amp; Courville, Deep Learning, Alg. 8.6): the gradient
 * is taken at the look-ahead point, scaled per parameter by RMSProp's running average, and fed into a
 * velocity,
 * <pre>g = ∇L(w + βv),   r_i ← ρ r_i + (1 − ρ) g_i²,   v_i ← β v_i − γ g_i / √(r_i + ε),   w ← w + v</pre>
 * ε sits inside the root as in {@link RmsProp}. w is restored before the update and {@link #step} returns
 * the loss at the look-ahead point.
 */
public final class RmsPropNesterov implements Optimizer {

    /**
     * @param beta    β, the share of the old velocity kept each step, in [0, 1)
     * @param rho     ρ, the share of the old average of g² kept each step, in [0, 1)
     * @param epsilon ε &gt; 0 added to r under the root
     */
    public record Settings(double beta, double rho, double epsilon) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(0.9, 0.9, 1e-8);

        public Settings {
            Require.fraction("momentum β", beta);
            Require.fraction("RMSProp ρ", rho);
            Require.positive("RMSProp ε", epsilon);
        }

        @Override
        public String id() {
            return "rmsprop-nesterov";
        }

        @Override
        public String name() {
            return "RMSProp + Nesterov";
        }

        @Override
        public double defaultLearningRate() {
            return 0.001;
        }

        @Override
        public RmsPropNesterov create() {
            return new RmsPropNesterov(this);
        }
    }

    private static final int V = 0, R = 1, SAVED_W = 2;
    private final State state = new State(3);
    private Settings settings;

    public RmsPropNesterov() {
        this(Settings.DEFAULTS);
    }

    public RmsPropNesterov(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate);
        double beta = settings.beta(), rho = settings.rho(), eps = settings.epsilon();
        state.fit(params);
        double loss = LookAhead.evaluate(params, state, V, SAVED_W, beta, objective);
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), g = p.gradient(), v = state.get(b, V), r = state.get(b, R);
            for (int i = 0; i < p.size(); i++) {
                r[i] = rho * r[i] + (1 - rho) * g[i] * g[i];
                v[i] = beta * v[i] - gamma * g[i] / Math.sqrt(r[i] + eps);
                w[i] += v[i];
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
