package org.mlplayground.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Network;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Objective;
import org.mlplayground.optim.Sgd;

/**
 * One training step taken apart for the backprop stepper (COURSE.md §3): every number the forward pass,
 * the loss, the backward pass and the optimizer's update produced, copied out of the engine so a view can
 * show them stage by stage while training goes on. Matrices hold one example per column, as the engine does;
 * all of them are copies that nobody writes to after the trace is made.
 *
 * <p>The stages of a step, in order: {@code FORWARD 1 … FORWARD L, LOSS, BACKWARD L … BACKWARD 1, UPDATE}
 * ({@link #stages()}).
 *
 * <p>Two sources: {@link Trainer#traceStep()}, a real training step of the mini-batch, and {@link #ofExample},
 * one example on a copy of a network with one plain gradient-descent step as its update.
 *
 * <p><b>Look-ahead optimizers.</b> Nesterov momentum and RMSProp + Nesterov evaluate the gradient at the
 * look-ahead point w + βv, not at w. Then every number of the forward and backward pass (the layers' W, b, a,
 * h, δ, ∂L/∂W, {@code loss}, {@code dLdo}, {@code gradients}, {@code finiteDifferences}) belongs to w + βv,
 * while {@code before} holds w, the weights the update starts from (for Nesterov momentum after = before + v_new
 * with v_new = βv − γ·gradients). {@link #lookAhead()} tells whether the two points differ.
 *
 * @param before      the network as it was before the step (weights, biases, γ, β, running statistics, dropout
 *                    rates): w, where the update starts from
 * @param after       the network after the step: exactly what a normal training step leaves (the optimizer's
 *                    update, then L1's stop at zero; the restored weights if the step diverged or early stopping
 *                    ended the run at this step)
 * @param x           the batch's network inputs h_0, n_0 × B (after augmentation and input noise)
 * @param y           the batch's targets as the loss sees them (one-hot for softmax, 0/1 for sigmoid, smoothed or
 *                    mixed if those remedies are on), n_L × B
 * @param examples    which training examples the columns are (indices into the trainer's training set; for
 *                    {@link #ofExample} the index given, or none)
 * @param layers      l = 1 … L, each with its forward and backward quantities
 * @param loss        the batch's data term L (mean over the B examples) where the gradient was evaluated,
 *                    without the penalty
 * @param dLdo        ∂ℓ/∂o per example, n_L × B (the derivative of the per-example loss: MSE o − y; sigmoid
 *                    cross-entropy (o − y)/(o(1 − o)), softmax cross-entropy −y/o, which the engine never forms
 *                    because for these fused losses δ_L = o − y directly)
 * @param gradients   ∂C/∂θ the optimizer was given, one array per {@link Network#parameters() parameter block}
 *                    (W1, b1, [γ1, β1], W2, …): the batch mean of backprop's gradients plus the penalty's,
 *                    clipped when gradient clipping is on
 * @param finiteDifferences the {@link GradientCheck} estimates of the same derivatives, same layout: fourth-order
 *                    central differences of C = L + penalty with the same batch, dropout masks and batch-norm
 *                    batch statistics, passed through the same clipping
 * @param optimizer   the optimizer's name, e.g. "Adam"
 * @param learningRate γ of this step
 * @param step        the number of this step (1 for the first step of a run; 0 for {@link #ofExample})
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
     * @param W        W_l the pass was evaluated at, n_l × n_{l−1}: before the update (for look-ahead optimizers
     *                 the look-ahead W_l + βv, see {@link BackpropTrace})
     * @param b        b_l likewise, n_l × 1 (zeros for a layer without bias)
     * @param hPrev    h_{l−1}, the layer's input, n_{l−1} × B (after the previous layer's dropout: m ⊙ h_{l−1})
     * @param a        a_l = W_l h_{l−1} + b_l, n_l × B
     * @param aHat     â_l = (a_l − μ_B)/√(σ²_B + ε) with batch norm, else {@code null}
     * @param z        z_l = γ_l â_l + β_l with batch norm (the activation's argument), else {@code null}
     * @param h        h_l = Φ_l(a_l) (or Φ_l(z_l)), before dropout, n_l × B
     * @param mask     the dropout mask m (0 or 1/(1 − p)) of this step, n_l × B, or {@code null} without dropout
     * @param phiPrime Φ'_l at the activation's argument (a_l, or z_l with batch norm), n_l × B (for softmax the
     *                 diagonal terms o(1 − o) of its Jacobian)
     * @param dLdh     ∂ℓ/∂h_l per example = W_{l+1}^T δ_{l+1}, times the mask m with dropout (for l = L: ∂ℓ/∂o,
     *                 the same as {@link BackpropTrace#dLdo()}), n_l × B
     * @param delta    δ_l = ∂ℓ/∂a_l per example, n_l × B: Φ'_l(a_l) ⊙ ∂ℓ/∂h_l, for l = L with a fused loss o − y;
     *                 with batch norm carried back through â_l, which couples the examples of the batch
     * @param dLdW     ∂L/∂W_l = (1/B) δ_l h_{l−1}^T, the data term only (no penalty, no clipping), n_l × n_{l−1}
     * @param dLdb     ∂L/∂b_l = (1/B) Σ δ_l, n_l × 1 (zeros for a layer without bias)
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
        ArrayList<Stage> stages = new ArrayList<>();
        for (int l = 1; l <= depth; l++) stages.add(new Stage(Kind.FORWARD, l));
        stages.add(new Stage(Kind.LOSS, 0));
        for (int l = depth; l >= 1; l--) stages.add(new Stage(Kind.BACKWARD, l));
        stages.add(new Stage(Kind.UPDATE, 0));
        return List.copyOf(stages);
    }

    /** The same trace with these gradient-check estimates (same layout as {@link #gradients()}). */
    public BackpropTrace withFiniteDifferences(List<double[]> estimates) {
        return new BackpropTrace(before, after, x, y, examples, layers, loss, dLdo, gradients, estimates, optimizer,
                learningRate, step);
    }

    /** Whether the gradient check has been computed (it may follow the trace, see {@link Trainer#traceStepDeferred}). */
    public boolean checked() {
        return finiteDifferences.size() == gradients.size();
    }

    /** The batch size B. */
    public int batchSize() {
        return x.numCols;
    }

    /** Layer l (1-based). */
    public LayerTrace layer(int l) {
        return layers.get(l - 1);
    }

    /**
     * |g − g̃| / max(|g|, |g̃|, 10⁻⁴) of backprop's g = {@code gradients().get(block)[index]} against the gradient
     * check's g̃ (see {@link GradientCheck#relativeError}).
     */
    public double relativeError(int block, int index) {
        return GradientCheck.relativeError(gradients.get(block)[index], finiteDifferences.get(block)[index]);
    }

    /** The largest {@link #relativeError} over all parameters: the gradient check in one number. */
    public double maxRelativeError() {
        double worst = 0;
        for (int block = 0; block < gradients.size(); block++) {
            for (int i = 0; i < gradients.get(block).length; i++) worst = Math.max(worst, relativeError(block, i));
        }
        return worst;
    }

    /**
     * Whether the pass was evaluated at other weights than {@link #before()}: the look-ahead point w + βv of the
     * Nesterov variants once the velocity v is not 0 (the layers' W and b then differ from {@code before}'s).
     */
    public boolean lookAhead() {
        for (LayerTrace layer : layers) {
            if (!Arrays.equals(layer.W().data, 0, layer.W().getNumElements(), before.layer(layer.l()).W().data, 0,
                    layer.W().getNumElements())) return true;
            if (!Arrays.equals(layer.b().data, 0, layer.b().getNumElements(), before.layer(layer.l()).b().data, 0,
                    layer.b().getNumElements())) return true;
        }
        return false;
    }

    /**
     * One example taken through a copy of {@code net}, for "click a data point to see its numbers": a training
     * pass with B = 1 and without dropout, its backward pass, the gradient check, and as the update one plain
     * gradient-descent step w ← w − γ ∂ℓ/∂w (no optimizer state, no penalty, no clipping). {@code net} is not
     * touched, neither its weights nor its cached pass.
     *
     * <p>With batch norm this is honestly what a batch of one does: μ_B = a, so â = 0 and no gradient reaches
     * the layers below a batch-norm layer; the mini-batch trace of {@link Trainer#traceStep()} shows the real
     * thing.
     *
     * @param x the network input h_0, n_0 values (already mapped to features)
     * @param y the target as the loss sees it: one-hot for softmax, 0/1 for sigmoid cross-entropy, the value
     *          (±1 for classes) otherwise; n_L values
     * @param learningRate γ ≥ 0 of the update stage
     * @throws IllegalArgumentException for inputs or targets of the wrong length, or a negative γ
     */
    public static BackpropTrace ofExample(Network net, double[] x, double[] y, double learningRate) {
        return ofExample(net, x, y, learningRate, new int[0]);
    }

    /**
     * {@link #ofExample(Network, double[], double[], double)} for example {@code index} of {@code data}, a set
     * of network inputs (a trainer's {@link Trainer#trainingSet()}), its label turned into the target the loss
     * needs as a training batch would.
     */
    public static BackpropTrace ofExample(Network net, Dataset data, int index, double learningRate) {
        if (index < 0 || index >= data.size()) {
            throw new IllegalArgumentException("example " + index + " of a set of " + data.size());
        }
        int[] order = {index};
        DMatrixRMaj X = new DMatrixRMaj(1, 1), Y = new DMatrixRMaj(1, 1);
        Batches.gatherInputs(data, order, 0, 1, X);
        Batches.gatherTargets(data, order, 0, 1, net.spec().loss(), net.spec().outputSize(), Y);
        return ofExample(net, X.data.clone(), Arrays.copyOf(Y.data, Y.getNumElements()), learningRate, order);
    }

    private static BackpropTrace ofExample(Network net, double[] x, double[] y, double learningRate, int[] examples) {
        if (x.length != net.spec().inputSize()) {
            throw new IllegalArgumentException("the network takes " + net.spec().inputSize() + " inputs, got " + x.length);
        }
        if (y.length != net.spec().outputSize()) {
            throw new IllegalArgumentException("the network has " + net.spec().outputSize() + " outputs, the target "
                    + y.length + " values");
        }
        if (!(learningRate >= 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be 0 or more, got " + learningRate);
        }
        Network pass = net.copy();
        for (int l = 1; l < pass.depth(); l++) pass.setDropout(l, 0);
        DMatrixRMaj X = new DMatrixRMaj(x.length, 1, true, x.clone());
        DMatrixRMaj Y = new DMatrixRMaj(y.length, 1, true, y.clone());
        StepRecorder recorder = new StepRecorder(pass, Y);
        Sgd sgd = new Sgd();
        Objective backprop = () -> {
            double loss = pass.backprop(X, Y);
            recorder.recordPass();
            return loss;
        };
        sgd.step(pass.parameters(), recorder.begin(backprop, examples, sgd.name(), learningRate, 0), learningRate);
        BackpropTrace trace = recorder.trace(pass, new Penalty.None(), 1, new Clipping.None());
        for (int l = 1; l < pass.depth(); l++) {
            trace.before().setDropout(l, net.layer(l).dropoutRate());
            trace.after().setDropout(l, net.layer(l).dropoutRate());
        }
        return trace;
    }
}
