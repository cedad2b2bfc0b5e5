package org.mlplayground.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The three matrix products of backpropagation, for the engine's small, wide-and-short matrices
 * (n_l ≤ a few dozen rows, B columns). Same contract as EJML's {@code CommonOps_DDRM} (allocation-free,
 * the output reshaped, named after the formula), but the sums of four output entries (two at the edge)
 * run side by side: EJML's small-matrix kernels compute one dot product at a time, whose additions wait on each
 * other, and at mini-batch sizes that latency dominates a training step.
 *
 * <p>Every sum adds its terms in index order starting from zero, exactly as EJML's kernels do, so the
 * results are bit-identical to {@code CommonOps_DDRM.mult}, {@code multTransA} and {@code multTransB}.
 */
final class Kernels {
    private Kernels() {
    }

    /** a = W h + b 1^T (b may be null: no bias). W is n × m, h is m × B, a becomes n × B. */
    static void affine(DMatrixRMaj W, DMatrixRMaj h, DMatrixRMaj b, DMatrixRMaj a) {
        int n = W.numRows, m = W.numCols, cols = h.numCols;
        if (h.numRows != m) throw new IllegalArgumentException("W is " + n + "×" + m + " but h has " + h.numRows + " rows");
        a.reshape(n, cols);
        double[] w = W.data, hv = h.data, av = a.data;
        for (int i = 0; i < n; i++) {
            int wi = i * m, ai = i * cols;
            double bias = b == null ? 0.0 : b.data[i];
            int j = 0;
            for (; j + 3 < cols; j += 4) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int k = 0, hk = j; k < m; k++, hk += cols) {
                    double wk = w[wi + k];
                    s0 += wk * hv[hk];
                    s1 += wk * hv[hk + 1];
                    s2 += wk * hv[hk + 2];
                    s3 += wk * hv[hk + 3];
                }
                av[ai + j] = s0 + bias;
                av[ai + j + 1] = s1 + bias;
                av[ai + j + 2] = s2 + bias;
                av[ai + j + 3] = s3 + bias;
            }
            if (j + 1 < cols) {
                double s0 = 0, s1 = 0;
                for (int k = 0, hk = j; k < m; k++, hk += cols) {
                    double wk = w[wi + k];
                    s0 += wk * hv[hk];
                    s1 += wk * hv[hk + 1];
                }
                av[ai + j] = s0 + bias;
                av[ai + j + 1] = s1 + bias;
                j += 2;
            }
            if (j < cols) {
                double s = 0;
                for (int k = 0, hk = j; k < m; k++, hk += cols) s += w[wi + k] * hv[hk];
                av[ai + j] = s + bias;
            }
        }
    }

    /** t = W^T d: backprop's multiplication by the transposed weights. W is n × m, d is n × B, t is m × B. */
    static void multTransA(DMatrixRMaj W, DMatrixRMaj d, DMatrixRMaj t) {
        int n = W.numRows, m = W.numCols, cols = d.numCols;
        if (d.numRows != n) throw new IllegalArgumentException("W is " + n + "×" + m + " but δ has " + d.numRows + " rows");
        t.reshape(m, cols);
        double[] w = W.data, dv = d.data, tv = t.data;
        for (int k = 0; k < m; k++) {
            int tk = k * cols;
            int j = 0;
            for (; j + 3 < cols; j += 4) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int i = 0, di = j; i < n; i++, di += cols) {
                    double wik = w[i * m + k];
                    s0 += wik * dv[di];
                    s1 += wik * dv[di + 1];
                    s2 += wik * dv[di + 2];
                    s3 += wik * dv[di + 3];
                }
                tv[tk + j] = s0;
                tv[tk + j + 1] = s1;
                tv[tk + j + 2] = s2;
                tv[tk + j + 3] = s3;
            }
            if (j + 1 < cols) {
                double s0 = 0, s1 = 0;
                for (int i = 0, di = j; i < n; i++, di += cols) {
                    double wik = w[i * m + k];
                    s0 += wik * dv[di];
                    s1 += wik * dv[di + 1];
                }
                tv[tk + j] = s0;
                tv[tk + j + 1] = s1;
                j += 2;
            }
            if (j < cols) {
                double s = 0;
                for (int i = 0, di = j; i < n; i++, di += cols) s += w[i * m + k] * dv[di];
                tv[tk + j] = s;
            }
        }
    }

    /** g = α d h^T: the batch-averaged outer products δ h^T. d is n × B, h is m × B, g is n × m. */
    static void multTransB(double alpha, DMatrixRMaj d, DMatrixRMaj h, DMatrixRMaj g) {
        int n = d.numRows, m = h.numRows, cols = d.numCols;
        if (h.numCols != cols) throw new IllegalArgumentException("δ has " + cols + " columns but h has " + h.numCols);
        g.reshape(n, m);
        double[] dv = d.data, hv = h.data, gv = g.data;
        for (int i = 0; i < n; i++) {
            int di = i * cols, gi = i * m;
            int k = 0;
            for (; k + 3 < m; k += 4) {
                int h0 = k * cols, h1 = h0 + cols, h2 = h1 + cols, h3 = h2 + cols;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int j = 0; j < cols; j++) {
                    double dj = dv[di + j];
                    s0 += dj * hv[h0 + j];
                    s1 += dj * hv[h1 + j];
                    s2 += dj * hv[h2 + j];
                    s3 += dj * hv[h3 + j];
                }
                gv[gi + k] = alpha * s0;
                gv[gi + k + 1] = alpha * s1;
                gv[gi + k + 2] = alpha * s2;
                gv[gi + k + 3] = alpha * s3;
            }
            if (k + 1 < m) {
                int h0 = k * cols, h1 = h0 + cols;
                double s0 = 0, s1 = 0;
                for (int j = 0; j < cols; j++) {
                    double dj = dv[di + j];
                    s0 += dj * hv[h0 + j];
                    s1 += dj * hv[h1 + j];
                }
                gv[gi + k] = alpha * s0;
                gv[gi + k + 1] = alpha * s1;
                k += 2;
            }
            if (k < m) {
                double s = 0;
                for (int j = 0, hk = k * cols; j < cols; j++) s += dv[di + j] * hv[hk + j];
                gv[gi + k] = alpha * s;
            }
        }
    }
}
