package org.mlplayground.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * Delta-bar-delta (Jacobs 1988), COURSE.md §5: every parameter has its own rate γ_i that grows additively
 * while its gradient keeps its sign and shrinks multiplicatively when the sign flips. With δ̄_i an
 * exponential average of past gradients (0 at the start):
 * <pre>
 * if g_i δ̄_i &gt; 0:  γ_i ← γ_i + κγ      if g_i δ̄_i &lt; 0:  γ_i ← (1 − φ) γ_i
 * w_i ← w_i − γ_i g_i
 * δ̄_i ← (1 − θ) g_i + θ δ̄_i
 * </pre>
 * The rate change uses δ̄ from before this step, and the new rate already applies to this step, as in
 * Jacobs' paper. Every γ_i starts at the learning rate γ. The rates are kept relative to γ (γ_i = m_i γ
 * with gains m_i starting at 1, and κ is the gain added per agreeing step), so that a schedule or a live
 * change of γ still scales every rate.
 */
public final class DeltaBarDelta implements Optimizer {

    /**
     * @param kappa κ ≥ 0, added to a parameter's gain m_i = γ_i/γ each step its gradient keeps its sign
     * @param phi   φ in [0, 1), the fraction of γ_i lost when the gradient's sign flips
     * @param theta θ in [0, 1), the share of the old average δ̄ kept each step
     */
    public record Settings(double kappa, double phi, double theta) implements Hyperparameters {
        public static final Settings DEFAULTS = new Settings(0.05, 0.1, 0.7);

        public Settings {
            Require.nonNegative("delta-bar-delta κ", kappa);
            Require.fraction("delta-bar-delta φ", phi);
            Require.fraction("delta-bar-delta θ", theta);
        }

        @Override
        public String id() {
            return "delta-bar-delta";
        }

        @Override
        public String name() {
            return "Delta-bar-delta";
        }

        @Override
        public double defaultLearningRate() {
            return 0.1;
        }

        @Override
        public DeltaBarDelta create() {
            return new DeltaBarDelta(this);
        }
    }

    private static final int GAIN = 0, BAR_DELTA = 1;
    private final State state = new State(2);
    private Settings settings;

    public DeltaBarDelta() {
        this(Settings.DEFAULTS);
    }

    public DeltaBarDelta(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public double step(List<Parameter> params, Objective objective, double learningRate) {
        double gamma = Require.learningRate(learningRate);
        double kappa = settings.kappa(), phi = settings.phi(), theta = settings.theta();
        if (state.fit(params)) {
            for (int b = 0; b < params.size(); b++) Arrays.fill(state.get(b, GAIN), 1.0);
        }
        double loss = objective.evaluate();
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), g = p.gradient(), gain = state.get(b, GAIN), barDelta = state.get(b, BAR_DELTA);
            for (int i = 0; i < p.size(); i++) {
                double agreement = g[i] * barDelta[i];
                if (agreement > 0) gain[i] += kappa;
                else if (agreement < 0) gain[i] *= 1 - phi;
                w[i] -= gamma * gain[i] * g[i];
                barDelta[i] = (1 - theta) * g[i] + theta * barDelta[i];
            }
        }
        return loss;
    }

    /**
     * A copy of the rate multipliers m_i = γ_i/γ of parameter block {@code block}, for a view that shows
     * where the rates grew or shrank.
     *
     * @throws IndexOutOfBoundsException if there is no such block, as before the first step
     */
    public double[] gains(int block) {
        if (block < 0 || block >= state.blocks()) {
            throw new IndexOutOfBoundsException("block " + block + ": delta-bar-delta has rates for " + state.blocks()
                    + " parameter blocks (none before its first step)");
        }
        return state.get(block, GAIN).clone();
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
