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
 *
 * <p><b>Batch normalisation</b> (optional, COURSE.md §4) sits between a_l and Φ_l: while training,
 * â_l = (a_l − μ_B)/√(σ²_B + ε) with the mini-batch's mean and variance per neuron, z_l = γ_l ⊙ â_l + β_l
 * and h_l = Φ_l(z_l); at inference μ and σ² are running averages of the batch statistics. γ_l and β_l are
 * learned like weights.
 *
 * <p><b>Inverted dropout</b> (optional, hidden layers): while training each h_l entry is multiplied by a
 * mask entry m = 0 (dropped, probability p) or 1/(1 − p) (kept), so the expected value of m h stays h and
 * inference needs no change. The next layer sees m ⊙ h_l ({@link #out()}); backward, the mask multiplies
 * ∂L/∂h_l. The mask of the last training pass stays readable.
 */
public final class DenseLayer {
    /** ε of batch normalisation, which keeps 1/√(σ² + ε) finite for a constant neuron. */
    public static final double BATCH_NORM_EPSILON = 1e-5;
    /** How much of each batch's statistics goes into the running averages: μ_run ← 0.9 μ_run + 0.1 μ_B. */
    public static final double BATCH_NORM_MOMENTUM = 0.1;

    private final int index;
    private final int nIn;
    private final int nOut;
    private final Activation phi;
    private final boolean hasBias;
    private final boolean batchNorm;

    /** W_l, n_l × n_{l−1}. */
    final DMatrixRMaj W;
    /** b_l, n_l × 1 (stays zero when the layer has no bias). */
    final DMatrixRMaj b;
    /** ∂L/∂W_l = (1/B) δ_l h_{l−1}^T, the batch mean. */
    final DMatrixRMaj dLdW;
    /** ∂L/∂b_l = (1/B) Σ_n δ_l. */
    final DMatrixRMaj dLdb;

    /** h_{l−1} of the last forward pass (the previous layer's output, or the network's copy of the input). */
    private DMatrixRMaj hPrev;
    /** a_l, the pre-activations. */
    final DMatrixRMaj a = new DMatrixRMaj(1, 1);
    /** h_l = Φ_l(a_l) (or Φ_l(z_l) with batch norm), before any dropout mask. */
    final DMatrixRMaj h = new DMatrixRMaj(1, 1);
    /** Φ'_l at the activation's argument (a_l, or z_l with batch norm), filled by the backward pass. */
    final DMatrixRMaj phiPrime = new DMatrixRMaj(1, 1);
    /** ∂L/∂h_l: W_{l+1}^T δ_{l+1} (times the dropout mask if one was applied), or ∂ℓ/∂o for the output layer. */
    final DMatrixRMaj dLdh = new DMatrixRMaj(1, 1);
    /** δ_l = ∂ℓ/∂a_l per example (not yet averaged), = Φ'_l(a_l) ⊙ ∂L/∂h_l without batch norm. */
    final DMatrixRMaj delta = new DMatrixRMaj(1, 1);

    // Batch normalisation (null without it).
    /** γ_l and β_l, n_l × 1, and their gradients (batch means). */
    final DMatrixRMaj gamma, beta, dLdgamma, dLdbeta;
    /** Running averages of the batch mean and (unbiased) variance, used at inference. */
    final DMatrixRMaj runningMean, runningVariance;
    /** μ_B, σ²_B and 1/√(σ²_B + ε) of the last training pass. */
    final DMatrixRMaj batchMean, batchVariance, batchInvStd;
    /** â_l and z_l = γ_l ⊙ â_l + β_l of the last pass, n_l × B; ∂ℓ/∂z_l of the last backward pass. */
    final DMatrixRMaj aHat, z, dLdz;

    // Dropout.
    private double dropoutRate;
    /** The mask of the current mini-batch: 0 or 1/(1 − p) per neuron and example, n_l × B. */
    final DMatrixRMaj mask = new DMatrixRMaj(0, 0);
    /** m ⊙ h_l, what the next layer saw in the last training pass. */
    final DMatrixRMaj hDropped = new DMatrixRMaj(1, 1);
    /** Whether the last forward pass applied the mask. */
    private boolean dropoutApplied;

    DenseLayer(int index, int nIn, LayerSpec spec) {
        this.index = index;
        this.nIn = nIn;
        this.nOut = spec.size();
        this.phi = spec.phi();
        this.hasBias = spec.bias();
        this.batchNorm = spec.batchNorm();
        this.W = new DMatrixRMaj(nOut, nIn);
        this.b = new DMatrixRMaj(nOut, 1);
        this.dLdW = new DMatrixRMaj(nOut, nIn);
        this.dLdb = new DMatrixRMaj(nOut, 1);
        if (batchNorm) {
            gamma = new DMatrixRMaj(nOut, 1);
            beta = new DMatrixRMaj(nOut, 1);
            dLdgamma = new DMatrixRMaj(nOut, 1);
            dLdbeta = new DMatrixRMaj(nOut, 1);
            runningMean = new DMatrixRMaj(nOut, 1);
            runningVariance = new DMatrixRMaj(nOut, 1);
            batchMean = new DMatrixRMaj(nOut, 1);
            batchVariance = new DMatrixRMaj(nOut, 1);
            batchInvStd = new DMatrixRMaj(nOut, 1);
            aHat = new DMatrixRMaj(1, 1);
            z = new DMatrixRMaj(1, 1);
            dLdz = new DMatrixRMaj(1, 1);
        } else {
            gamma = beta = dLdgamma = dLdbeta = runningMean = runningVariance = null;
            batchMean = batchVariance = batchInvStd = aHat = z = dLdz = null;
        }
    }

    void initialise(Initializer init, double biasInit, RandomGenerator random) {
        for (int i = 0; i < W.data.length; i++) W.data[i] = init.draw(nIn, nOut, random);
        CommonOps_DDRM.fill(b, hasBias ? biasInit : 0.0);
        if (batchNorm) {
            CommonOps_DDRM.fill(gamma, 1.0);
            CommonOps_DDRM.fill(beta, 0.0);
            CommonOps_DDRM.fill(runningMean, 0.0);
            CommonOps_DDRM.fill(runningVariance, 1.0);
        }
    }

    /**
     * a_l = W_l h_{l−1} + b_l, (batch norm,) h_l = Φ_l(·), (dropout,) for every column of {@code hPrev}.
     * A training pass normalises with the batch's statistics and applies the dropout mask, which must have
     * been drawn for this many columns; an inference pass uses the running statistics and no mask.
     */
    void forward(DMatrixRMaj hPrev, boolean training) {
        this.hPrev = hPrev;
        Kernels.affine(W, hPrev, hasBias ? b : null, a);
        if (batchNorm) {
            if (training) normaliseWithBatch();
            else normaliseWithRunning(a, z);
        }
        phi.phi(batchNorm ? z : a, h);
        dropoutApplied = training && dropoutRate > 0;
        if (dropoutApplied) {
            if (mask.numRows != nOut || mask.numCols != h.numCols) {
                throw new IllegalStateException("layer " + index + " drops out " + dropoutRate + " of its neurons: draw a "
                        + "mask for this batch of " + h.numCols + " before the training pass");
            }
            hDropped.reshape(nOut, h.numCols);
            CommonOps_DDRM.elementMult(h, mask, hDropped);
        }
    }

    /**
     * The inference formula into caller-owned matrices, leaving this layer's cached pass untouched (for
     * evaluation and heatmaps while the training pass stays readable). With batch norm {@code aOut} ends
     * up holding z_l = γ_l (a_l − μ_run)/√(σ²_run + ε) + β_l, the activation's argument.
     */
    void forward(DMatrixRMaj hPrev, DMatrixRMaj aOut, DMatrixRMaj hOut) {
        Kernels.affine(W, hPrev, hasBias ? b : null, aOut);
        if (batchNorm) normaliseWithRunning(aOut, aOut);
        phi.phi(aOut, hOut);
    }

    /** μ_B, σ²_B per neuron over the batch; â_l = (a_l − μ_B)/√(σ²_B + ε), z_l = γ_l â_l + β_l. */
    private void normaliseWithBatch() {
        int cols = a.numCols;
        aHat.reshape(nOut, cols);
        z.reshape(nOut, cols);
        double[] av = a.data, ah = aHat.data, zv = z.data;
        for (int i = 0; i < nOut; i++) {
            int row = i * cols;
            double mean = 0;
            for (int c = 0; c < cols; c++) mean += av[row + c];
            mean /= cols;
            double variance = 0;
            for (int c = 0; c < cols; c++) {
                double d = av[row + c] - mean;
                variance += d * d;
            }
            variance /= cols;
            double invStd = 1 / Math.sqrt(variance + BATCH_NORM_EPSILON);
            batchMean.data[i] = mean;
            batchVariance.data[i] = variance;
            batchInvStd.data[i] = invStd;
            double g = gamma.data[i], bt = beta.data[i];
            for (int c = 0; c < cols; c++) {
                double x = (av[row + c] - mean) * invStd;
                ah[row + c] = x;
                zv[row + c] = g * x + bt;
            }
        }
    }

    /** z = γ (a − μ_run)/√(σ²_run + ε) + β, one multiply-add per entry; {@code in} may be {@code out}. */
    private void normaliseWithRunning(DMatrixRMaj in, DMatrixRMaj out) {
        int cols = in.numCols;
        out.reshape(nOut, cols);
        for (int i = 0; i < nOut; i++) {
            double scale = gamma.data[i] / Math.sqrt(runningVariance.data[i] + BATCH_NORM_EPSILON);
            double shift = beta.data[i] - scale * runningMean.data[i];
            int row = i * cols;
            for (int c = 0; c < cols; c++) out.data[row + c] = scale * in.data[row + c] + shift;
        }
    }

    /**
     * μ_run ← (1 − m) μ_run + m μ_B and σ²_run ← (1 − m) σ²_run + m σ²_B·B/(B − 1) after a training pass
     * (the unbiased variance; a batch of one leaves σ²_run as it is).
     */
    void updateRunningStatistics() {
        if (!batchNorm) return;
        int cols = a.numCols;
        double m = BATCH_NORM_MOMENTUM;
        for (int i = 0; i < nOut; i++) {
            runningMean.data[i] = (1 - m) * runningMean.data[i] + m * batchMean.data[i];
            if (cols > 1) {
                runningVariance.data[i] = (1 - m) * runningVariance.data[i] + m * batchVariance.data[i] * cols / (cols - 1);
            }
        }
    }

    /** Φ'_l at the last forward pass's argument into {@link #phiPrime}. */
    void computePhiPrime() {
        phi.phiPrime(batchNorm ? z : a, h, phiPrime);
    }

    /**
     * δ_l = Φ'_l(a_l) ⊙ (W_{l+1}^T δ_{l+1}): backprop multiplies by the transposed weights. Dropout multiplies
     * ∂L/∂h_l by the same mask as the forward pass; batch norm then carries ∂ℓ/∂z_l back through the
     * normalisation (see {@link #batchNormBackward()}).
     */
    void deltaFrom(DenseLayer above) {
        Kernels.multTransA(above.W, above.delta, dLdh);
        if (dropoutApplied) CommonOps_DDRM.elementMult(dLdh, mask);
        computePhiPrime();
        if (batchNorm) {
            dLdz.reshape(nOut, a.numCols);
            CommonOps_DDRM.elementMult(phiPrime, dLdh, dLdz);
            batchNormBackward();
        } else {
            delta.reshape(nOut, a.numCols);
            CommonOps_DDRM.elementMult(phiPrime, dLdh, delta);
        }
    }

    /**
     * With G = ∂ℓ/∂z_l per example: ∂L/∂β = (1/B) Σ_n G, ∂L/∂γ = (1/B) Σ_n G ⊙ â, and, because every â_n
     * depends on the whole batch through μ_B and σ_B,
     * δ_n = γ/√(σ²_B + ε) · (G_n − ∂L/∂β − â_n ⊙ ∂L/∂γ).
     */
    private void batchNormBackward() {
        int cols = a.numCols;
        delta.reshape(nOut, cols);
        double[] g = dLdz.data, ah = aHat.data, d = delta.data;
        for (int i = 0; i < nOut; i++) {
            int row = i * cols;
            double sumG = 0, sumGaHat = 0;
            for (int c = 0; c < cols; c++) {
                sumG += g[row + c];
                sumGaHat += g[row + c] * ah[row + c];
            }
            double dBeta = sumG / cols, dGamma = sumGaHat / cols;
            dLdbeta.data[i] = dBeta;
            dLdgamma.data[i] = dGamma;
            double k = gamma.data[i] * batchInvStd.data[i];
            for (int c = 0; c < cols; c++) d[row + c] = k * (g[row + c] - dBeta - ah[row + c] * dGamma);
        }
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

    /** Draws a fresh mask for a batch of {@code columns} examples: each entry 0 with probability p, else 1/(1 − p). */
    void drawDropoutMask(int columns, RandomGenerator random) {
        mask.reshape(nOut, columns);
        double keep = 1 / (1 - dropoutRate);
        for (int i = 0, n = mask.getNumElements(); i < n; i++) {
            mask.data[i] = random.nextDouble() < dropoutRate ? 0 : keep;
        }
    }

    void setDropoutRate(double p) {
        dropoutRate = p;
    }

    /** The matrix the next layer takes as its input: m ⊙ h_l after a training pass with dropout, else h_l. */
    public DMatrixRMaj out() {
        return dropoutApplied ? hDropped : h;
    }

    /** p, the share of this layer's neurons dropped in each training pass (0 = no dropout). */
    public double dropoutRate() {
        return dropoutRate;
    }

    /**
     * The dropout mask of the last training pass, n_l × B: 0 where the neuron was dropped for that example,
     * 1/(1 − p) where it was kept; empty when the last pass applied none.
     */
    public DMatrixRMaj dropoutMask() {
        return dropoutApplied ? mask : new DMatrixRMaj(0, 0);
    }

    /** Whether batch normalisation sits between a_l and Φ_l. */
    public boolean batchNorm() {
        return batchNorm;
    }

    /** γ_l, live (batch norm only, else null). */
    public DMatrixRMaj gamma() {
        return gamma;
    }

    /** β_l, live (batch norm only, else null). */
    public DMatrixRMaj beta() {
        return beta;
    }

    /** ∂L/∂γ_l of the last backward pass (batch norm only). */
    public DMatrixRMaj dLdgamma() {
        return dLdgamma;
    }

    /** ∂L/∂β_l of the last backward pass (batch norm only). */
    public DMatrixRMaj dLdbeta() {
        return dLdbeta;
    }

    /** Running mean of a_l per neuron, used at inference (batch norm only). */
    public DMatrixRMaj runningMean() {
        return runningMean;
    }

    /** Running (unbiased) variance of a_l per neuron, used at inference (batch norm only). */
    public DMatrixRMaj runningVariance() {
        return runningVariance;
    }

    /** μ_B of the last training pass, n_l × 1 (batch norm only). */
    public DMatrixRMaj batchMean() {
        return batchMean;
    }

    /** σ²_B of the last training pass (biased, over the batch), n_l × 1 (batch norm only). */
    public DMatrixRMaj batchVariance() {
        return batchVariance;
    }

    /** â_l, the normalised pre-activations of the last training pass (batch norm only). */
    public DMatrixRMaj aHat() {
        return aHat;
    }

    /** z_l = γ_l ⊙ â_l + β_l, the activation's argument in the last pass (batch norm only). */
    public DMatrixRMaj z() {
        return z;
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

    /** h_l of the last forward pass before any dropout mask, n_l × B ({@link #out()} is what went on). */
    public DMatrixRMaj h() {
        return h;
    }

    /** Φ'_l(a_l) (Φ'_l(z_l) with batch norm) of the last backward pass, n_l × B. */
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
