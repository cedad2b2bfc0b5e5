package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * Adadelta (Zeiler 2012, Alg. 1; COURSE.md §5 erratum): RMSProp whose step size comes from a running
 * average of its own past squared updates, so the units of Δw match those of w,
 * <pre>
 * E[g²]  ← ρ E[g²] + (1 − ρ) g²
 * Δw     = −(√(E[Δw²] + ε) / √(E[g²] + ε)) g
 * E[Δw²] ← ρ E[Δw²] + (1 − ρ) Δw²
 * w      ← w + γ Δw
 * </pre>
 * Zeiler has no learning rate; here γ multiplies the applied step only (E[Δw²] accumulates the unscaled
 * Δw), so γ = 1 is Zeiler's rule. ε sits under both roots; it also sets the size of the very first steps,
 * about √ε per unit of g/√E[g²].
 */
public final class Adadelta implements Optimizer {

    /**
     * @param rho     ρ, the share of the old averages kept each step, in [0, 1)
     * @param epsilon ε &gt; 0 under both roots
     */
    public record Settings(double rho, double epsilon) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(0.95, 1e-6);

        public Settings {
            Require.fraction("Adadelta ρ", rho);
            Require.positive("Adadelta ε", epsilon);
        }

        @Override
        public String id() {
            return "adadelta";
        }

        @Override
        public String name() {
            return "Adadelta";
        }

        @Override
        public double defaultLearningRate() {
            return 1.0;
        }

        @Override
        public Adadelta create() {
            return new Adadelta(this);
        }
    }

    private static final int MEAN_G2 = 0, MEAN_DW2 = 1;
    private final State state = new State(2);
    private Settings settings;

    public Adadelta() {
        this(Settings.DEFAULTS);
    }

    public Adadelta(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate), rho = settings.rho(), eps = settings.epsilon();
        state.fit(params);
        double loss = objective.evaluate();
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), g = p.gradient(), meanG2 = state.get(b, MEAN_G2), meanDw2 = state.get(b, MEAN_DW2);
            for (int i = 0; i < p.size(); i++) {
                meanG2[i] = rho * meanG2[i] + (1 - rho) * g[i] * g[i];
                double dw = -Math.sqrt(meanDw2[i] + eps) / Math.sqrt(meanG2[i] + eps) * g[i];
                meanDw2[i] = rho * meanDw2[i] + (1 - rho) * dw * dw;
                w[i] += gamma * dw;
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
