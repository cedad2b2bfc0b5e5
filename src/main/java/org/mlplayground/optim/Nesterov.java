package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * Nesterov momentum, COURSE.md §5: look ahead to where the velocity is taking w, then brake with the
 * gradient found there:
 * <pre>v ← βv − γ∇L(w + βv),   w ← w + v</pre>
 * The objective is evaluated at w + βv and w is restored (bit for bit) before the update, so
 * {@link #step} returns the loss at the look-ahead point.
 */
public final class Nesterov implements Optimizer {

    /** @param beta β, the share of the old velocity kept each step, in [0, 1) */
    public record Settings(double beta) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(0.9);

        public Settings {
            Require.fraction("momentum β", beta);
        }

        @Override
        public String id() {
            return "nesterov";
        }

        @Override
        public String name() {
            return "Nesterov momentum";
        }

        @Override
        public double defaultLearningRate() {
            return 0.01;
        }

        @Override
        public Nesterov create() {
            return new Nesterov(this);
        }
    }

    private static final int V = 0, SAVED_W = 1;
    private final State state = new State(2);
    private Settings settings;

    public Nesterov() {
        this(Settings.DEFAULTS);
    }

    public Nesterov(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate), beta = settings.beta();
        state.fit(params);
        double loss = LookAhead.evaluate(params, state, V, SAVED_W, beta, objective);
        Momentum.applyVelocity(params, state, V, beta, gamma);
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
