package org.mlplayground.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * An activation function Φ with its derivative Φ', written side by side (COURSE.md §1).
 *
 * <p>All but {@link Softmax} act elementwise: h = Φ(a) and Φ'(a) per entry. The matrix methods work on a
 * whole mini-batch at once (one column per example); the scalar methods are the formulas themselves.
 * Every implementation stays within 1e-12 of the exact function (tanh and sigmoid are computed by
 * {@link FastTanh}, within a few ulps).
 */
public sealed interface Activation {

    /** Short name shown in the UI and accepted in files, e.g. {@code "tanh"}, {@code "leaky-relu"}. */
    String name();

    /** Φ(v). */
    double phi(double v);

    /**
     * Φ'(v), given both the pre-activation {@code a} and the already computed h = Φ(a), so that
     * σ' = h(1 − h) and tanh' = 1 − h² cost one multiply.
     */
    double phiPrime(double a, double h);

    /** h = Φ(a) for every entry; {@code h} is reshaped to the shape of {@code a}. */
    default void phi(DMatrixRMaj a, DMatrixRMaj h) {
        h.reshape(a.numRows, a.numCols);
        double[] av = a.data, hv = h.data;
        for (int i = 0, n = a.getNumElements(); i < n; i++) hv[i] = phi(av[i]);
    }

    /** Φ'(a) for every entry, from a and h = Φ(a); {@code out} is reshaped to the shape of {@code a}. */
    default void phiPrime(DMatrixRMaj a, DMatrixRMaj h, DMatrixRMaj out) {
        out.reshape(a.numRows, a.numCols);
        double[] av = a.data, hv = h.data, ov = out.data;
        for (int i = 0, n = a.getNumElements(); i < n; i++) ov[i] = phiPrime(av[i], hv[i]);
    }

    /** True for functions applied entry by entry; false only for softmax. */
    default boolean elementwise() {
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // The functions of the course.

    /** Φ(v) = v, Φ' = 1. With identity everywhere a deep net collapses to one matrix. */
    record Identity() implements Activation {
        public String name() { return "identity"; }
        public double phi(double v) { return v; }
        public double phiPrime(double a, double h) { return 1.0; }
    }

    /** Φ(v) = sgn v, Φ' = 0: the perceptron's step. Gradient descent cannot train it. */
    record Sign() implements Activation {
        public String name() { return "sign"; }
        public double phi(double v) { return Math.signum(v); }
        public double phiPrime(double a, double h) { return 0.0; }
    }

    /** σ(v) = 1/(1 + e^−v), σ' = σ(1 − σ) ≤ 0.25. */
    record Sigmoid() implements Activation {
        public String name() { return "sigmoid"; }
        public double phi(double v) { return sigmoid(v); }
        public double phiPrime(double a, double h) { return h * (1.0 - h); }

        @Override
        public void phi(DMatrixRMaj a, DMatrixRMaj h) {
            h.reshape(a.numRows, a.numCols);
            double[] av = a.data, hv = h.data;
            for (int i = 0, n = a.getNumElements(); i < n; i++) hv[i] = sigmoid(av[i]);
        }
    }

    /** tanh v, tanh' = 1 − tanh². */
    record Tanh() implements Activation {
        public String name() { return "tanh"; }
        public double phi(double v) { return tanh(v); }
        public double phiPrime(double a, double h) { return 1.0 - h * h; }

        @Override
        public void phi(DMatrixRMaj a, DMatrixRMaj h) {
            h.reshape(a.numRows, a.numCols);
            double[] av = a.data, hv = h.data;
            for (int i = 0, n = a.getNumElements(); i < n; i++) hv[i] = tanh(av[i]);
        }

        @Override
        public void phiPrime(DMatrixRMaj a, DMatrixRMaj h, DMatrixRMaj out) {
            out.reshape(a.numRows, a.numCols);
            double[] hv = h.data, ov = out.data;
            for (int i = 0, n = a.getNumElements(); i < n; i++) ov[i] = 1.0 - hv[i] * hv[i];
        }
    }

    /** max(v, 0); Φ' = 1 for v &gt; 0, else 0 (a unit with v ≤ 0 for every input is dead). */
    record Relu() implements Activation {
        public String name() { return "relu"; }
        public double phi(double v) { return v > 0 ? v : 0.0; }
        public double phiPrime(double a, double h) { return a > 0 ? 1.0 : 0.0; }
    }

    /** max(slope·v, v) for 0 ≤ slope &lt; 1; Φ' = 1 for v &gt; 0, else slope. */
    record LeakyRelu(double slope) implements Activation {
        /** The usual slope, 0.01. */
        public static final double DEFAULT_SLOPE = 0.01;

        public LeakyRelu {
            if (!(slope >= 0 && slope < 1)) {
                throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1), got " + slope);
            }
        }

        public String name() { return "leaky-relu"; }
        public double phi(double v) { return v > 0 ? v : slope * v; }
        public double phiPrime(double a, double h) { return a > 0 ? 1.0 : slope; }
    }

    /** ELU: v for v &gt; 0, α(e^v − 1) otherwise; Φ' = 1 or h + α. */
    record Elu(double alpha) implements Activation {
        public Elu {
            if (!(alpha > 0 && Double.isFinite(alpha))) {
                throw new IllegalArgumentException("ELU alpha must be positive, got " + alpha);
            }
        }

        public String name() { return "elu"; }
        public double phi(double v) { return v > 0 ? v : alpha * Math.expm1(v); }
        public double phiPrime(double a, double h) { return a > 0 ? 1.0 : h + alpha; }
    }

    /** Hard tanh max(min(v, 1), −1); Φ' = 1 on (−1, 1), else 0. */
    record HardTanh() implements Activation {
        public String name() { return "hard-tanh"; }
        public double phi(double v) { return v > 1 ? 1.0 : (v < -1 ? -1.0 : v); }
        public double phiPrime(double a, double h) { return (a > -1 && a < 1) ? 1.0 : 0.0; }
    }

    /** Softplus log(1 + e^v), a smooth ReLU; Φ' = σ(v). */
    record Softplus() implements Activation {
        public String name() { return "softplus"; }
        public double phi(double v) { return softplus(v); }
        public double phiPrime(double a, double h) { return sigmoid(a); }
    }

    /**
     * Softmax over each column, o_i = e^{a_i} / Σ_j e^{a_j}, computed with the maximum subtracted so that
     * logits of ±1000 stay finite. Its Jacobian is not diagonal, so it is only used as the output of
     * {@link Loss#SOFTMAX_CROSS_ENTROPY}, whose fused gradient is o − y.
     */
    record Softmax() implements Activation {
        public String name() { return "softmax"; }

        @Override
        public boolean elementwise() { return false; }

        /** For one logit alone the softmax is 1; a meaningful value needs the whole column. */
        public double phi(double v) { return 1.0; }

        /** The diagonal of the Jacobian, o(1 − o); the full gradient is fused with cross-entropy. */
        public double phiPrime(double a, double h) { return h * (1.0 - h); }

        @Override
        public void phi(DMatrixRMaj a, DMatrixRMaj h) {
            h.reshape(a.numRows, a.numCols);
            int rows = a.numRows, cols = a.numCols;
            double[] av = a.data, hv = h.data;
            for (int c = 0; c < cols; c++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < rows; r++) max = Math.max(max, av[r * cols + c]);
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    double e = Math.exp(av[r * cols + c] - max);
                    hv[r * cols + c] = e;
                    sum += e;
                }
                for (int r = 0; r < rows; r++) hv[r * cols + c] /= sum;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Factories and the shared scalar formulas.

    static Activation identity() { return new Identity(); }
    static Activation sign() { return new Sign(); }
    static Activation sigmoid() { return new Sigmoid(); }
    static Activation tanh() { return new Tanh(); }
    static Activation relu() { return new Relu(); }
    static Activation leakyRelu() { return new LeakyRelu(LeakyRelu.DEFAULT_SLOPE); }
    static Activation leakyRelu(double slope) { return new LeakyRelu(slope); }
    static Activation elu() { return new Elu(1.0); }
    static Activation hardTanh() { return new HardTanh(); }
    static Activation softplus() { return new Softplus(); }
    static Activation softmax() { return new Softmax(); }

    /** Every elementwise activation with its default parameters, in the order the UI lists them. */
    static java.util.List<Activation> elementwiseChoices() {
        return java.util.List.of(identity(), sign(), sigmoid(), tanh(), relu(), leakyRelu(), elu(),
                hardTanh(), softplus());
    }

    /**
     * Looks an activation up by its {@link #name()} ({@code "leaky-relu"} takes the default slope).
     *
     * @throws IllegalArgumentException naming the unknown function and the known ones
     */
    static Activation byName(String name) {
        String key = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (key.equals("softmax")) return softmax();
        for (Activation f : elementwiseChoices()) {
            if (f.name().equals(key)) return f;
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; known: identity, sign, "
                + "sigmoid, tanh, relu, leaky-relu, elu, hard-tanh, softplus, softmax");
    }

    /** tanh v, within 4.5e-16 of {@code Math.tanh} at a seventh of its cost (see {@link FastTanh}). */
    static double tanh(double v) {
        return FastTanh.tanh(v);
    }

    /** σ(v) = 1/(1 + e^−v), computed as ½ + ½ tanh(v/2), which is the same function and cheaper. */
    static double sigmoid(double v) {
        return 0.5 + 0.5 * FastTanh.tanh(0.5 * v);
    }

    /** log(1 + e^v) without overflow: max(v, 0) + log1p(e^−|v|). */
    static double softplus(double v) {
        return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }
}
