package org.mlplayground.train;

import java.util.List;
import org.mlplayground.engine.Parameter;

/**
 * A weight penalty added to the data term C_0 of the cost (COURSE.md §6), over the weights only, never
 * biases (nor batch norm's γ, β). n is the size of the training set, as in the course's formulas, so λ
 * means the same whatever the batch size.
 */
public sealed interface Penalty {

    /** λ ≥ 0. */
    double lambda();

    /** The penalty's share of the cost. */
    double value(List<Parameter> params, int n);

    /** Adds the penalty's gradient to every weight's gradient. */
    void addGradient(List<Parameter> params, int n);

    /** Short name for files, the command line and the UI. */
    String id();

    /** No penalty: C = C_0. */
    record None() implements Penalty {
        @Override
        public double lambda() {
            return 0;
        }

        @Override
        public double value(List<Parameter> params, int n) {
            return 0;
        }

        @Override
        public void addGradient(List<Parameter> params, int n) {
        }

        @Override
        public String id() {
            return "none";
        }
    }

    /**
     * L2, weight decay: C = C_0 + λ/(2n) Σ w²; the gradient adds (λ/n) w, so plain gradient descent takes
     * w ← (1 − ηλ/n) w − η ∂C_0/∂w: every step shrinks the weights by a fixed factor, big ones the most.
     */
    record L2(double lambda) implements Penalty {
        public L2 {
            checkLambda(lambda);
        }

        @Override
        public double value(List<Parameter> params, int n) {
            double sum = 0;
            for (Parameter p : params) {
                if (!p.weight()) continue;
                double[] w = p.value();
                for (int i = 0, size = p.size(); i < size; i++) sum += w[i] * w[i];
            }
            return lambda / (2.0 * n) * sum;
        }

        @Override
        public void addGradient(List<Parameter> params, int n) {
            double k = lambda / n;
            for (Parameter p : params) {
                if (!p.weight()) continue;
                double[] w = p.value(), g = p.gradient();
                for (int i = 0, size = p.size(); i < size; i++) g[i] += k * w[i];
            }
        }

        @Override
        public String id() {
            return "l2";
        }
    }

    /**
     * L1: C = C_0 + λ/n Σ |w|; the gradient adds (λ/n) sgn(w) with sgn(0) = 0, a constant pull towards 0
     * that small weights cannot resist. The trainer stops a weight at exactly 0 when a step carries it
     * across (see {@link Trainer}), so L1 leaves weights that are exactly zero: a sparse network.
     */
    record L1(double lambda) implements Penalty {
        public L1 {
            checkLambda(lambda);
        }

        @Override
        public double value(List<Parameter> params, int n) {
            double sum = 0;
            for (Parameter p : params) {
                if (!p.weight()) continue;
                double[] w = p.value();
                for (int i = 0, size = p.size(); i < size; i++) sum += Math.abs(w[i]);
            }
            return lambda / n * sum;
        }

        @Override
        public void addGradient(List<Parameter> params, int n) {
            double k = lambda / n;
            for (Parameter p : params) {
                if (!p.weight()) continue;
                double[] w = p.value(), g = p.gradient();
                for (int i = 0, size = p.size(); i < size; i++) g[i] += k * Math.signum(w[i]);
            }
        }

        @Override
        public String id() {
            return "l1";
        }
    }

    /** The penalty of this id ("none", "l1", "l2") and rate. */
    static Penalty of(String id, double lambda) {
        return switch (id.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> new None();
            case "l1" -> new L1(lambda);
            case "l2" -> new L2(lambda);
            default -> throw new IllegalArgumentException("unknown regularisation '" + id + "'; known: none, l1, l2");
        };
    }

    private static void checkLambda(double lambda) {
        if (!(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("regularisation rate λ must be 0 or more, got " + lambda);
        }
    }
}
