package org.mlplayground.optim;

import java.util.List;
import org.mlplayground.engine.Parameter;

/**
 * Gradient clipping (COURSE.md §5), applied to the gradients after the objective has computed them and
 * before the optimizer uses them, against cliffs and exploding gradients. The norm is taken over all
 * blocks together, ‖g‖ = √(Σ_blocks Σ_i g_i²), so norm clipping keeps the direction of the whole step.
 *
 * <p>Wire it in with {@link #wrap}: {@code optimizer.step(params, clipping.wrap(objective, params), γ)}
 * clips every gradient the optimizer sees, also the look-ahead gradient of the Nesterov variants.
 * NaN or infinite gradients stay non-finite, so a divergence guard still sees them.
 */
public sealed interface Clipping {

    /** Clips the gradient arrays of {@code params} in place. */
    void apply(List<Parameter> params);

    /** An objective that evaluates {@code objective} and then clips the gradients of {@code params}. */
    default Objective wrap(Objective objective, List<Parameter> params) {
        return () -> {
            double loss = objective.evaluate();
            apply(params);
            return loss;
        };
    }

    /** No clipping. */
    record None() implements Clipping {
        @Override
        public void apply(List<Parameter> params) {
        }

        @Override
        public Objective wrap(Objective objective, List<Parameter> params) {
            return objective;
        }
    }

    /** Every component clamped to [min, max]; the range must contain 0, so that a minimum stays one. */
    record ByValue(double min, double max) implements Clipping {
        public ByValue {
            if (!(min <= 0 && max >= 0 && min < max)) {
                throw new IllegalArgumentException("clip-by-value range [t_min, t_max] must contain 0 and have t_min < t_max, got ["
                        + min + ", " + max + "]");
            }
        }

        /** [−t, t]. */
        public static ByValue symmetric(double t) {
            return new ByValue(-t, t);
        }

        @Override
        public void apply(List<Parameter> params) {
            for (Parameter p : params) {
                double[] g = p.gradient();
                for (int i = 0; i < p.size(); i++) g[i] = Math.min(max, Math.max(min, g[i]));
            }
        }
    }

    /** g ← g · c/‖g‖ when ‖g‖ &gt; c: the norm is capped at the threshold c, shorter gradients pass unchanged. */
    record ByNorm(double threshold) implements Clipping {
        public ByNorm {
            Require.positive("clip-by-norm threshold c", threshold);
        }

        @Override
        public void apply(List<Parameter> params) {
            double norm = norm(params);
            if (norm > threshold) scale(params, threshold / norm);
        }
    }

    /** g ← g/‖g‖, the course's variant: every step direction has norm 1 (a zero gradient stays zero). */
    record UnitNorm() implements Clipping {
        @Override
        public void apply(List<Parameter> params) {
            double norm = norm(params);
            if (norm > 0) scale(params, 1 / norm);
        }
    }

    /**
     * ‖g‖ over all blocks, scaled by the largest component first so that gradients beyond 1e154 do not
     * overflow to ∞ (exploding gradients are what clipping is for).
     */
    static double norm(List<Parameter> params) {
        double largest = 0;
        for (Parameter p : params) {
            double[] g = p.gradient();
            for (int i = 0; i < p.size(); i++) {
                double m = Math.abs(g[i]);
                if (m > largest || Double.isNaN(m)) largest = m;
            }
        }
        if (largest == 0 || !Double.isFinite(largest)) return largest;
        double sum = 0;
        for (Parameter p : params) {
            double[] g = p.gradient();
            for (int i = 0; i < p.size(); i++) {
                double r = g[i] / largest;
                sum += r * r;
            }
        }
        return largest * Math.sqrt(sum);
    }

    private static void scale(List<Parameter> params, double factor) {
        for (Parameter p : params) {
            double[] g = p.gradient();
            for (int i = 0; i < p.size(); i++) g[i] *= factor;
        }
    }
}
