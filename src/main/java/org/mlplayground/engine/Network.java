package org.mlplayground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A fully connected network n_0 → n_1 → … → n_L trained by backpropagation (COURSE.md §2–3).
 *
 * <p>Forward: h_0 = x, a_l = W_l h_{l−1} + b_l, h_l = Φ_l(a_l), o = h_L. Backward: δ_L from the loss,
 * δ_l = Φ'_l(a_l) ⊙ (W_{l+1}^T δ_{l+1}), ∂L/∂W_l = δ_l h_{l−1}^T and ∂L/∂b_l = δ_l, averaged over the
 * mini-batch. Every quantity of the last pass stays readable through {@link #layer(int)} until the next
 * pass. Updating the weights is the optimizers' job ({@code org.mlplayground.optim}).
 *
 * <p>A {@link Pass#TRAINING training pass} ({@link #forward(DMatrixRMaj)}, {@link #loss}, {@link #backprop})
 * normalises batch-norm layers with the mini-batch's statistics and applies the dropout masks last drawn
 * by {@link #drawDropoutMasks}; an {@link Pass#INFERENCE inference pass} ({@link #predict}, {@link Inference})
 * uses the running statistics and no dropout.
 *
 * <p>Not thread-safe: one thread trains a network; views read {@link #copy() copies}.
 */
public final class Network {
    /** Which statistics batch norm uses and whether dropout applies. */
    public enum Pass {
        /** Batch statistics, dropout masks: the pass that gradients are taken of. */
        TRAINING,
        /** Running statistics, no dropout: predictions, test accuracy, heatmaps. */
        INFERENCE
    }

    private final NetworkSpec spec;
    private final DenseLayer[] layers;
    private final List<Parameter> parameters;
    /** h_0: the network's own copy of the last input batch, so that it stays readable. */
    private final DMatrixRMaj h0 = new DMatrixRMaj(1, 1);
    private double lastLoss = Double.NaN;

    private Network(NetworkSpec spec) {
        this.spec = spec;
        this.layers = new DenseLayer[spec.depth()];
        List<Parameter> params = new ArrayList<>();
        for (int l = 1; l <= spec.depth(); l++) {
            DenseLayer layer = new DenseLayer(l, spec.size(l - 1), spec.layer(l));
            layers[l - 1] = layer;
            params.add(new Parameter("W" + l, l, true, layer.W.data, layer.dLdW.data, layer.W.getNumElements()));
            if (layer.hasBias()) {
                params.add(new Parameter("b" + l, l, false, layer.b.data, layer.dLdb.data, layer.size()));
            }
            if (layer.batchNorm()) {
                params.add(new Parameter("γ" + l, l, false, layer.gamma.data, layer.dLdgamma.data, layer.size()));
                params.add(new Parameter("β" + l, l, false, layer.beta.data, layer.dLdbeta.data, layer.size()));
            }
        }
        this.parameters = Collections.unmodifiableList(params);
    }

    /** A network with biases initialised to 0. */
    public static Network create(NetworkSpec spec, Initializer init, long seed) {
        return create(spec, init, 0.0, seed);
    }

    /**
     * A network with weights drawn by {@code init} and every bias set to {@code biasInit}, from a
     * generator seeded with {@code seed}: the same arguments give bit-identical weights.
     */
    public static Network create(NetworkSpec spec, Initializer init, double biasInit, long seed) {
        Network net = new Network(spec);
        net.initialise(init, biasInit, new SplittableRandom(seed));
        return net;
    }

    /** Draws fresh weights from {@code random}, layer by layer, W before b. */
    public void initialise(Initializer init, double biasInit, SplittableRandom random) {
        for (DenseLayer layer : layers) layer.initialise(init, biasInit, random);
        lastLoss = Double.NaN;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** L. */
    public int depth() {
        return layers.length;
    }

    /** Layer l = 1 … L, as numbered in the course. */
    public DenseLayer layer(int l) {
        if (l < 1 || l > layers.length) {
            throw new IndexOutOfBoundsException("layer " + l + " of a network with layers 1 … " + layers.length);
        }
        return layers[l - 1];
    }

    /** The output layer L. */
    public DenseLayer outputLayer() {
        return layers[layers.length - 1];
    }

    /** h_0 = x of the last forward pass. */
    public DMatrixRMaj input() {
        return h0;
    }

    /** Every trainable block W_1, b_1, (γ_1, β_1,) …, W_L, b_L with its gradient. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The running batch-norm statistics, μ_run and σ²_run per batch-norm layer (empty without batch norm):
     * part of the model like the weights, but not trained by gradients.
     */
    public List<double[]> runningStatistics() {
        List<double[]> stats = new ArrayList<>();
        for (DenseLayer layer : layers) {
            if (layer.batchNorm()) {
                stats.add(layer.runningMean.data);
                stats.add(layer.runningVariance.data);
            }
        }
        return stats;
    }

    /** How many weights (entries of the W_l, never biases) are exactly 0, as L1 leaves them. */
    public int zeroWeightCount() {
        int zeros = 0;
        for (DenseLayer layer : layers) for (double w : layer.W.data) if (w == 0.0) zeros++;
        return zeros;
    }

    /** How many weights (entries of the W_l) the network has. */
    public int weightCount() {
        int n = 0;
        for (DenseLayer layer : layers) n += layer.W.getNumElements();
        return n;
    }

    /**
     * Sets the dropout rate p of hidden layer l (0 switches dropout off); applies from the next drawn masks.
     *
     * @throws IllegalArgumentException for the output layer or p outside [0, 1)
     */
    public void setDropout(int l, double p) {
        DenseLayer layer = layer(l);
        if (l == layers.length && p != 0) {
            throw new IllegalArgumentException("dropout goes in hidden layers; layer " + l + " is the output layer");
        }
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout rate of layer " + l + " must be at least 0 and below 1, got " + p);
        }
        layer.setDropoutRate(p);
    }

    /** Whether any layer drops out neurons in training passes. */
    public boolean hasDropout() {
        for (DenseLayer layer : layers) if (layer.dropoutRate() > 0) return true;
        return false;
    }

    /**
     * Draws a fresh dropout mask for a batch of {@code columns} examples in every layer with p &gt; 0,
     * layer by layer, row by row: the same generator state gives the same masks. Training passes use these
     * masks until the next draw (a gradient check keeps them fixed).
     */
    public void drawDropoutMasks(int columns, RandomGenerator random) {
        for (DenseLayer layer : layers) if (layer.dropoutRate() > 0) layer.drawDropoutMask(columns, random);
    }

    /**
     * Makes the next training passes use {@code mask} (copied) as hidden layer l's dropout mask instead of a
     * drawn one, so that a copy of a network can replay a step exactly (a gradient check of a traced step).
     *
     * @param mask n_l × B, every entry 0 or 1/(1 − p) for the layer's rate p &gt; 0
     * @throws IllegalArgumentException if the layer has no dropout or the mask is not one of its masks
     */
    public void setDropoutMask(int l, DMatrixRMaj mask) {
        DenseLayer layer = layer(l);
        double p = layer.dropoutRate();
        if (p == 0) throw new IllegalArgumentException("layer " + l + " has no dropout, so it takes no mask");
        if (mask.numRows != layer.size()) {
            throw new IllegalArgumentException("layer " + l + " has " + layer.size() + " neurons, the mask " + mask.numRows + " rows");
        }
        double keep = 1 / (1 - p);
        for (int i = 0, n = mask.getNumElements(); i < n; i++) {
            if (mask.data[i] != 0 && mask.data[i] != keep) {
                throw new IllegalArgumentException("a dropout mask of layer " + l + " holds 0 or " + keep + ", not " + mask.data[i]);
            }
        }
        layer.mask.setTo(mask);
    }

    /** How many trainable numbers the network has. */
    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters) n += p.size();
        return n;
    }

    /** The loss of the last {@link #backprop} or {@link #loss} call. */
    public double lastLoss() {
        return lastLoss;
    }

    /**
     * The training forward pass for a batch {@code x} (n_0 × B, one example per column); returns o = h_L,
     * which belongs to the network and is overwritten by the next pass.
     */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        return forward(x, Pass.TRAINING);
    }

    /** The forward pass of the given kind; every a_l, h_l of it stays readable through {@link #layer}. */
    public DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        if (x.numRows != spec.inputSize()) {
            throw new IllegalArgumentException("the network takes " + spec.inputSize() + " inputs per example, got "
                    + x.numRows);
        }
        h0.setTo(x);
        DMatrixRMaj h = h0;
        boolean training = pass == Pass.TRAINING;
        for (DenseLayer layer : layers) {
            layer.forward(h, training);
            h = layer.out();
        }
        return h;
    }

    /** L = (1/B) Σ ℓ(o_n, y_n) for the batch after a training pass, without touching the gradients. */
    public double loss(DMatrixRMaj x, DMatrixRMaj y) {
        return loss(x, y, Pass.TRAINING);
    }

    /** L = (1/B) Σ ℓ(o_n, y_n) for the batch after a pass of the given kind. */
    public double loss(DMatrixRMaj x, DMatrixRMaj y, Pass pass) {
        forward(x, pass);
        DenseLayer out = outputLayer();
        lastLoss = spec.loss().value(out.a, out.h, y);
        return lastLoss;
    }

    /**
     * One forward and one backward pass over the batch: fills every a_l, h_l, Φ'(a_l), δ_l, ∂L/∂W_l and
     * ∂L/∂b_l, and returns the batch loss L. The weights are not changed; batch norm's running statistics
     * take in this batch's.
     */
    public double backprop(DMatrixRMaj x, DMatrixRMaj y) {
        double loss = loss(x, y, Pass.TRAINING);
        for (DenseLayer layer : layers) layer.updateRunningStatistics();
        DenseLayer out = outputLayer();
        out.computePhiPrime();
        if (spec.loss().fused()) {
            spec.loss().fusedDelta(out.h, y, out.delta);   // δ_L = o − y
            out.dLdh.reshape(0, 0);                         // ∂ℓ/∂o is never formed
        } else {
            spec.loss().dLdo(out.h, y, out.dLdh);
            out.delta.reshape(out.size(), out.h.numCols);
            CommonOps_DDRM.elementMult(out.phiPrime, out.dLdh, out.delta); // δ_L = Φ'_L(a_L) ⊙ ∂ℓ/∂o
        }
        out.gradients();
        for (int l = layers.length - 2; l >= 0; l--) {
            layers[l].deltaFrom(layers[l + 1]);
            layers[l].gradients();
        }
        return loss;
    }

    /** o for a single input vector x by an inference pass (a fresh array). */
    public double[] predict(double... x) {
        DMatrixRMaj o = forward(new DMatrixRMaj(x.length, 1, true, x), Pass.INFERENCE);
        return java.util.Arrays.copyOf(o.data, o.getNumElements());   // data may be longer after a bigger batch
    }

    /** A deep copy of the model: weights, biases, γ, β, running statistics and dropout rates (not the cached pass). */
    public Network copy() {
        Network net = new Network(spec);
        net.copyParametersFrom(this);
        return net;
    }

    /**
     * Overwrites this network's weights, biases, γ, β, running statistics and dropout rates with {@code other}'s.
     *
     * @throws IllegalArgumentException if the two networks differ in shape
     */
    public void copyParametersFrom(Network other) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot copy " + other.spec.shape() + " weights into " + spec.shape());
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter from = other.parameters.get(i), to = parameters.get(i);
            System.arraycopy(from.value(), 0, to.value(), 0, to.size());
        }
        List<double[]> mine = runningStatistics(), theirs = other.runningStatistics();
        for (int i = 0; i < mine.size(); i++) System.arraycopy(theirs.get(i), 0, mine.get(i), 0, mine.get(i).length);
        for (int l = 0; l < layers.length; l++) layers[l].setDropoutRate(other.layers[l].dropoutRate());
    }
}
