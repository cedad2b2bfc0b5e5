package org.mlplayground.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The loss of one example, averaged over the mini-batch: L = (1/B) Σ_n ℓ(o_n, y_n). Each constant pairs
 * the value ℓ with the error signal it sends back, δ_L = ∂ℓ/∂a_L (COURSE.md §2–3).
 *
 * <p>Matrices hold one example per column: {@code a} and {@code o} are the output layer's a_L and
 * o = h_L, {@code y} the targets, all n_L × B.
 */
public enum Loss {

    /** ℓ = ½‖o − y‖²; δ_L = Φ'_L(a_L) ⊙ (o − y). Any elementwise output activation. */
    MSE("mse", "½‖o − y‖²") {
        @Override
        double exampleLoss(double a, double o, double y) {
            double d = o - y;
            return 0.5 * d * d;
        }

        @Override
        double dLossDo(double o, double y) {
            return o - y;
        }
    },

    /** ℓ = Σ|o_i − y_i|; δ_L = Φ'_L(a_L) ⊙ sgn(o − y). Any elementwise output activation. */
    MAE("mae", "Σ|o − y|") {
        @Override
        double exampleLoss(double a, double o, double y) {
            return Math.abs(o - y);
        }

        @Override
        double dLossDo(double o, double y) {
            return Math.signum(o - y);
        }
    },

    /**
     * Binary cross-entropy with a sigmoid output, y ∈ [0, 1]: ℓ = −y log o − (1 − y) log(1 − o), computed
     * from the logit as softplus(a) − y·a so that it stays finite; the fused gradient is δ_L = o − y.
     */
    SIGMOID_CROSS_ENTROPY("sigmoid-ce", "−y log o − (1 − y) log(1 − o)") {
        @Override
        double exampleLoss(double a, double o, double y) {
            return Activation.softplus(a) - y * a;
        }

        @Override
        double dLossDo(double o, double y) {
            return (o - y) / (o * (1 - o));
        }
    },

    /**
     * Categorical cross-entropy with a softmax output over a one-hot (or soft) y: ℓ = −Σ y_i log o_i,
     * computed as logsumexp(a) − Σ y_i a_i (for Σ y_i = 1), finite for logits of ±1000; the fused
     * gradient is δ_L = o − y, "what is minus what should be".
     */
    SOFTMAX_CROSS_ENTROPY("softmax-ce", "−Σ y_i log o_i") {
        @Override
        double exampleLoss(double a, double o, double y) {
            throw new IllegalStateException("softmax cross-entropy is computed per column");
        }

        @Override
        double dLossDo(double o, double y) {
            return -y / o;
        }
    };

    private final String id;
    private final String formula;

    Loss(String id, String formula) {
        this.id = id;
        this.formula = formula;
    }

    /** Short name used in files and on the command line. */
    public String id() {
        return id;
    }

    /** The per-example formula, for display. */
    public String formula() {
        return formula;
    }

    /** True when δ_L = o − y is computed directly instead of through Φ'_L (the cross-entropies). */
    public boolean fused() {
        return this == SIGMOID_CROSS_ENTROPY || this == SOFTMAX_CROSS_ENTROPY;
    }

    /** The output activation this loss requires, or null if any elementwise one will do. */
    public Class<? extends Activation> requiredOutput() {
        return switch (this) {
            case SIGMOID_CROSS_ENTROPY -> Activation.Sigmoid.class;
            case SOFTMAX_CROSS_ENTROPY -> Activation.Softmax.class;
            default -> null;
        };
    }

    abstract double exampleLoss(double a, double o, double y);

    /** ∂ℓ/∂o for one output entry (for the fused losses only a formula, never used in training). */
    abstract double dLossDo(double o, double y);

    /** L = (1/B) Σ_n ℓ(o_n, y_n) over the columns of the batch. */
    public double value(DMatrixRMaj a, DMatrixRMaj o, DMatrixRMaj y) {
        checkShapes(o, y);
        int rows = o.numRows, cols = o.numCols;
        double sum = 0;
        if (this == SOFTMAX_CROSS_ENTROPY) {
            double[] av = a.data, yv = y.data;
            for (int c = 0; c < cols; c++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < rows; r++) max = Math.max(max, av[r * cols + c]);
                double sumExp = 0, ySum = 0, yDotA = 0;
                for (int r = 0; r < rows; r++) {
                    double ar = av[r * cols + c];
                    sumExp += Math.exp(ar - max);
                    ySum += yv[r * cols + c];
                    yDotA += yv[r * cols + c] * ar;
                }
                sum += ySum * (max + Math.log(sumExp)) - yDotA;
            }
        } else {
            double[] av = a.data, ov = o.data, yv = y.data;
            for (int i = 0, n = rows * cols; i < n; i++) sum += exampleLoss(av[i], ov[i], yv[i]);
        }
        return sum / cols;
    }

    /**
     * ∂ℓ/∂o for every output entry and example (MSE: o − y; MAE: sgn(o − y)). The output layer then takes
     * δ_L = Φ'_L(a_L) ⊙ ∂ℓ/∂o like any other layer.
     *
     * @throws IllegalStateException for the cross-entropies, whose δ_L comes from {@link #fusedDelta}
     */
    public void dLdo(DMatrixRMaj o, DMatrixRMaj y, DMatrixRMaj out) {
        if (fused()) throw new IllegalStateException(id + " is fused with its output function; use fusedDelta");
        checkShapes(o, y);
        out.reshape(o.numRows, o.numCols);
        double[] ov = o.data, yv = y.data, dv = out.data;
        for (int i = 0, n = o.getNumElements(); i < n; i++) dv[i] = dLossDo(ov[i], yv[i]);
    }

    /**
     * ∂ℓ/∂o for every output entry and example, for every loss, to show the number: MSE o − y, MAE
     * sgn(o − y), sigmoid cross-entropy (o − y)/(o(1 − o)), softmax cross-entropy −y/o. Training never uses
     * it for the cross-entropies (their δ_L = o − y comes from {@link #fusedDelta} without dividing by o);
     * for them an output that rounded to 0 or 1 gives ±∞ or NaN here.
     */
    public void dLdoForDisplay(DMatrixRMaj o, DMatrixRMaj y, DMatrixRMaj out) {
        checkShapes(o, y);
        out.reshape(o.numRows, o.numCols);
        double[] ov = o.data, yv = y.data, dv = out.data;
        for (int i = 0, n = o.getNumElements(); i < n; i++) dv[i] = dLossDo(ov[i], yv[i]);
    }

    /**
     * δ_L = ∂ℓ/∂a_L = o − y for the cross-entropies with their own output function ("what is minus what
     * should be"); this avoids dividing by o(1 − o), which underflows.
     */
    public void fusedDelta(DMatrixRMaj o, DMatrixRMaj y, DMatrixRMaj delta) {
        if (!fused()) throw new IllegalStateException(id + " is not fused; use dLdo and Φ'");
        checkShapes(o, y);
        delta.reshape(o.numRows, o.numCols);
        double[] ov = o.data, yv = y.data, dv = delta.data;
        for (int i = 0, n = o.getNumElements(); i < n; i++) dv[i] = ov[i] - yv[i];
    }

    /**
     * Looks a loss up by its {@link #id()}.
     *
     * @throws IllegalArgumentException naming the unknown loss and the known ones
     */
    public static Loss byId(String id) {
        for (Loss l : values()) {
            if (l.id.equalsIgnoreCase(id.trim())) return l;
        }
        throw new IllegalArgumentException("unknown loss '" + id + "'; known: mse, mae, sigmoid-ce, softmax-ce");
    }

    private static void checkShapes(DMatrixRMaj o, DMatrixRMaj y) {
        if (o.numRows != y.numRows || o.numCols != y.numCols) {
            throw new IllegalArgumentException("targets are " + y.numRows + "×" + y.numCols
                    + " but the network outputs " + o.numRows + "×" + o.numCols);
        }
    }
}
