package org.mlplayground.engine;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Fully connected layer l of a {@link Network}: a_l = W_l h_{l−1} + b_l, h_l = Φ_l(a_l) (COURSE.md §2).
 *
 * <p>Works on a mini-batch at once, one example per column, so h_{l−1} is n_{l−1} × B and a_l, h_l, δ_l
 * are n_l × B. The matrices of the last forward and backward pass stay here, readable, until the next
 * pass overwrites them; they are preallocated and reused, never reallocated while the batch size stays.
 */
public final class DenseLayer {
    private final int index;
    private final int nIn;
    private final int nOut;
    private final Activation phi;
    private final boolean hasBias;

    /** W_l, n_l × n_{l−1}. */
    final DMatrixRMaj W;
    /** b_l, n_l × 1 (stays zero when the layer has no bias). */
    final DMatrixRMaj b;
    /** ∂L/∂W_l = (1/B) δ_l h_{l−1}^T, the batch mean. */
    final DMatrixRMaj dLdW;
    /** ∂L/∂b_l = (1/B) Σ_n δ_l. */
    final DMatrixRMaj dLdb;

    /** h_{l−1} of the last forward pass (the previous layer's h, or the network's copy of the input). */
    private DMatrixRMaj hPrev;
    /** a_l, the pre-activations. */
    final DMatrixRMaj a = new DMatrixRMaj(1, 1);
    /** h_l = Φ_l(a_l). */
    final DMatrixRMaj h = new DMatrixRMaj(1, 1);
    /** Φ'_l(a_l), filled by the backward pass. */
    final DMatrixRMaj phiPrime = new DMatrixRMaj(1, 1);
    /** ∂L/∂h_l: W_{l+1}^T δ_{l+1}, or ∂ℓ/∂o for the output layer. */
    final DMatrixRMaj dLdh = new DMatrixRMaj(1, 1);
    /** δ_l = ∂ℓ/∂a_l per example (not yet averaged), = Φ'_l(a_l) ⊙ ∂L/∂h_l. */
    final DMatrixRMaj delta = new DMatrixRMaj(1, 1);

    DenseLayer(int index, int nIn, LayerSpec spec) {
        this.index = index;
        this.nIn = nIn;
        this.nOut = spec.size();
        this.phi = spec.phi();
        this.hasBias = spec.bias();
        this.W = new DMatrixRMaj(nOut, nIn);
        this.b = new DMatrixRMaj(nOut, 1);
        this.dLdW = new DMatrixRMaj(nOut, nIn);
        this.dLdb = new DMatrixRMaj(nOut, 1);
    }

    void initialise(Initializer init, double biasInit, RandomGenerator random) {
        for (int i = 0; i < W.data.length; i++) W.data[i] = init.draw(nIn, nOut, random);
        CommonOps_DDRM.fill(b, hasBias ? biasInit : 0.0);
    }

    /** a_l = W_l h_{l−1} + b_l, h_l = Φ_l(a_l) for every column of {@code hPrev}. */
    void forward(DMatrixRMaj hPrev) {
        this.hPrev = hPrev;
        forward(hPrev, a, h);
    }

    /**
     * The same forward formula into caller-owned matrices, leaving this layer's cached pass untouched
     * (for evaluation and heatmaps while the training pass stays readable).
     */
    void forward(DMatrixRMaj hPrev, DMatrixRMaj aOut, DMatrixRMaj hOut) {
        Kernels.affine(W, hPrev, hasBias ? b : null, aOut);
        phi.phi(aOut, hOut);
    }

    /** Φ'_l(a_l) of the last forward pass into {@link #phiPrime}. */
    void computePhiPrime() {
        phi.phiPrime(a, h, phiPrime);
    }

    /** δ_l = Φ'_l(a_l) ⊙ (W_{l+1}^T δ_{l+1}): backprop multiplies by the transposed weights. */
    void deltaFrom(DenseLayer above) {
        Kernels.multTransA(above.W, above.delta, dLdh);
        computePhiPrime();
        delta.reshape(nOut, a.numCols);
        CommonOps_DDRM.elementMult(phiPrime, dLdh, delta);
    }

    /** ∂L/∂W_l = (1/B) δ_l h_{l−1}^T and ∂L/∂b_l = (1/B) Σ δ_l, from δ_l of this batch. */
    void gradients() {
        double invB = 1.0 / delta.numCols;
        Kernels.multTransB(invB, delta, hPrev, dLdW);
        if (hasBias) {
            CommonOps_DDRM.sumRows(delta, dLdb);
            CommonOps_DDRM.scale(invB, dLdb);
        }
    }

    /** Layer number l = 1 … L. */
    public int index() {
        return index;
    }

    /** n_{l−1}. */
    public int inputSize() {
        return nIn;
    }

    /** n_l. */
    public int size() {
        return nOut;
    }

    /** Φ_l. */
    public Activation phi() {
        return phi;
    }

    /** Whether the layer adds a bias b_l. */
    public boolean hasBias() {
        return hasBias;
    }

    /** W_l, live: {@code W().get(i, j)} is the weight from neuron j of layer l−1 to neuron i of layer l. */
    public DMatrixRMaj W() {
        return W;
    }

    /** b_l, live. */
    public DMatrixRMaj b() {
        return b;
    }

    /** ∂L/∂W_l of the last backward pass. */
    public DMatrixRMaj dLdW() {
        return dLdW;
    }

    /** ∂L/∂b_l of the last backward pass. */
    public DMatrixRMaj dLdb() {
        return dLdb;
    }

    /** h_{l−1} of the last forward pass, n_{l−1} × B. */
    public DMatrixRMaj hPrev() {
        return hPrev;
    }

    /** a_l of the last forward pass, n_l × B. */
    public DMatrixRMaj a() {
        return a;
    }

    /** h_l of the last forward pass, n_l × B. */
    public DMatrixRMaj h() {
        return h;
    }

    /** Φ'_l(a_l) of the last backward pass, n_l × B. */
    public DMatrixRMaj phiPrime() {
        return phiPrime;
    }

    /** ∂L/∂h_l of the last backward pass: W_{l+1}^T δ_{l+1} (or ∂ℓ/∂o at the output), n_l × B. */
    public DMatrixRMaj dLdh() {
        return dLdh;
    }

    /** δ_l of the last backward pass, one column per example, n_l × B. */
    public DMatrixRMaj delta() {
        return delta;
    }
}
