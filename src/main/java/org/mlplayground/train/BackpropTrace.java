package org.mlplayground.train;

import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Network;

/**
 * One training step taken apart for the backprop stepper (COURSE.md §3): every number the forward pass,
 * the loss, the backward pass and the optimizer's update produced, copied out of the engine so a view can
 * show them stage by stage while training goes on. Matrices hold one example per column, as the engine does;
 * all of them are copies that nobody writes to after the trace is made.
 *
 * <p>The stages of a step, in order: {@code FORWARD 1 … FORWARD L, LOSS, BACKWARD L … BACKWARD 1, UPDATE}
 * ({@link #stages()}).
 *
 * @param before      the network as it was before the step (weights, biases, γ, β, running statistics)
 * @param after       the network after the optimizer's update: exactly what a normal training step leaves
 * @param x           the batch's network inputs h_0, n_0 × B
 * @param y           the batch's targets as the loss sees them (one-hot for softmax, 0/1 for sigmoid), n_L × B
 * @param examples    which training examples the columns are (indices into the trainer's training set)
 * @param layers      l = 1 … L, each with its forward and backward quantities
 * @param loss        the batch's data term L (mean over the B examples), before the update
 * @param dLdo        ∂L/∂o per example, n_L × B (the derivative of the per-example loss; for the fused losses
 *                    softmax + cross-entropy and sigmoid + cross-entropy, δ_L = o − y directly)
 * @param gradients   ∂C/∂θ the optimizer was given, one array per {@link Network#parameters() parameter block}
 *                    (W1, b1, [γ1, β1], W2, …): the batch mean of backprop's gradients plus the penalty's
 * @param finiteDifferences central-difference estimates of the same derivatives, same layout, computed with the
 *                    same batch, dropout masks and batch statistics: the gradient check
 * @param optimizer   the optimizer's name, e.g. "Adam"
 * @param learningRate γ of this step
 * @param step        the number of this step (1 for the first step of a run)
 */
public record BackpropTrace(Network before, Network after, DMatrixRMaj x, DMatrixRMaj y, int[] examples,
        List<LayerTrace> layers, double loss, DMatrixRMaj dLdo, List<double[]> gradients,
        List<double[]> finiteDifferences, String optimizer, double learningRate, long step) {

    public BackpropTrace {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        layers = List.copyOf(layers);
        gradients = List.copyOf(gradients);
        finiteDifferences = List.copyOf(finiteDifferences);
    }

    /**
     * What layer l computed in this step.
     *
     * @param l        1 … L
     * @param W        W_l before the update, n_l × n_{l−1}
     * @param b        b_l before the update, n_l × 1 (zeros for a layer without bias)
     * @param hPrev    h_{l−1}, the layer's input, n_{l−1} × B (after the previous layer's dropout)
     * @param a        a_l = W_l h_{l−1} + b_l, n_l × B
     * @param aHat     â_l = (a_l − μ)/σ with batch norm, else {@code null}
     * @param z        z_l = γ â_l + β with batch norm (the activation's argument), else {@code null}
     * @param h        h_l = Φ_l(a_l) (or Φ_l(z_l)), before dropout, n_l × B
     * @param mask     the dropout mask (0 or 1/(1 − p)) of this step, n_l × B, or {@code null} without dropout
     * @param phiPrime Φ'_l at the activation's argument, n_l × B (for softmax the diagonal terms o(1 − o))
     * @param dLdh     ∂L/∂h_l = W_{l+1}^T δ_{l+1} (for l = L: ∂L/∂o), n_l × B
     * @param delta    δ_l = ∂L/∂a_l, n_l × B
     * @param dLdW     ∂L/∂W_l = (1/B) δ_l h_{l−1}^T, the data term only, n_l × n_{l−1}
     * @param dLdb     ∂L/∂b_l = (1/B) Σ δ_l, n_l × 1
     */
    public record LayerTrace(int l, DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj hPrev, DMatrixRMaj a, DMatrixRMaj aHat,
            DMatrixRMaj z, DMatrixRMaj h, DMatrixRMaj mask, DMatrixRMaj phiPrime, DMatrixRMaj dLdh, DMatrixRMaj delta,
            DMatrixRMaj dLdW, DMatrixRMaj dLdb) {
    }

    /** The kind of a stage of the step. */
    public enum Kind { FORWARD, LOSS, BACKWARD, UPDATE }

    /**
     * One stage.
     *
     * @param kind  what happens
     * @param layer the layer it happens in (1 … L) for forward and backward stages, 0 for loss and update
     */
    public record Stage(Kind kind, int layer) {
        /** E.g. "Forward 2", "Loss", "Backward 3", "Update". */
        public String title() {
            return switch (kind) {
                case FORWARD -> "Forward " + layer;
                case LOSS -> "Loss";
                case BACKWARD -> "Backward " + layer;
                case UPDATE -> "Update";
            };
        }
    }

    /** Forward 1 … Forward L, Loss, Backward L … Backward 1, Update. */
    public List<Stage> stages() {
        int depth = layers.size();
        java.util.ArrayList<Stage> stages = new java.util.ArrayList<>();
        for (int l = 1; l <= depth; l++) stages.add(new Stage(Kind.FORWARD, l));
        stages.add(new Stage(Kind.LOSS, 0));
        for (int l = depth; l >= 1; l--) stages.add(new Stage(Kind.BACKWARD, l));
        stages.add(new Stage(Kind.UPDATE, 0));
        return List.copyOf(stages);
    }

    /** The batch size B. */
    public int batchSize() {
        return x.numCols;
    }

    /** Layer l (1-based). */
    public LayerTrace layer(int l) {
        return layers.get(l - 1);
    }
}
