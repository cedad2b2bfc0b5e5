package org.mlplayground.train;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Loss;

/**
 * Label smoothing (COURSE.md §6): instead of the hard targets 0 and 1 the network is asked for slightly
 * less certain ones, so it has no reason to push its logits towards ±∞. With 0 ≤ ε &lt; 1, on targets in the
 * form {@link Batches#gatherTargets} produces:
 * <ul>
 *   <li>softmax cross-entropy, one-hot over K classes: ỹ = (1 − ε) y + ε/K (the right class gets
 *       1 − ε + ε/K, every other ε/K; the column still sums to 1, so δ_L = o − ỹ stays the true gradient);</li>
 *   <li>sigmoid cross-entropy, 0/1: ỹ = (1 − ε) y + ε/2, i.e. ε/2 and 1 − ε/2, pulled towards ½;</li>
 *   <li>MSE and MAE, ±1: ỹ = (1 − ε) y, i.e. ±(1 − ε), pulled towards 0, the middle of tanh's range as ½ is
 *       the middle of the sigmoid's. Meant for class labels: on regression targets this merely shrinks the
 *       values towards 0.</li>
 * </ul>
 * ε = 0 leaves the targets unchanged.
 */
public final class LabelSmoothing {
    private LabelSmoothing() {
    }

    /** Smooths the targets Y (n_L × B) in place for {@code loss}; see the class comment. */
    public static void apply(DMatrixRMaj Y, Loss loss, double epsilon) {
        Objects.requireNonNull(Y, "Y");
        Objects.requireNonNull(loss, "loss");
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("label smoothing ε must be in [0, 1), got " + epsilon);
        }
        if (epsilon == 0) return;
        double keep = 1 - epsilon;
        double floor = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> epsilon / Y.numRows;
            case SIGMOID_CROSS_ENTROPY -> epsilon / 2;
            case MSE, MAE -> 0;
        };
        double[] v = Y.data;
        for (int i = 0, n = Y.getNumElements(); i < n; i++) v[i] = keep * v[i] + floor;
    }
}
