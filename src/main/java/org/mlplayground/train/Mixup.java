package org.mlplayground.train;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Mixup (Zhang et al. 2018; COURSE.md §6): trains on convex combinations of pairs of examples and of their
 * targets, which favours soft, straight transitions between the classes. For a mini-batch X (n_0 × B) and
 * its targets Y (n_L × B), already in the loss's form (one-hot, 0/1 or ±1), it draws a random permutation π
 * of the batch and for each example n its own λ_n ~ Beta(α, α), then replaces, in place,
 * <pre>
 *   x̃_n = λ_n x_n + (1 − λ_n) x_π(n)
 *   ỹ_n = λ_n y_n + (1 − λ_n) y_π(n)
 * </pre>
 * always mixing the <em>original</em> columns. A small α (0.1 … 0.4) puts most λ near 0 or 1, i.e. mostly
 * an original example with a little of another; α = 1 draws λ uniformly.
 *
 * <p>An instance keeps its scratch buffers (the copies of X and Y, π and the λ) and reuses them from batch
 * to batch; it is not thread-safe. {@link #apply} is the one-off form.
 */
public final class Mixup {
    /** Copies of the unmixed batch; mixing reads only from these. */
    private final DMatrixRMaj originalX = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj originalY = new DMatrixRMaj(1, 1);
    /** π, the partner of each example. */
    private int[] partner = new int[0];

    /** Mixes X and Y in place with fresh π and λ_n ~ Beta(α, α); see the class comment. */
    public void mix(DMatrixRMaj X, DMatrixRMaj Y, double alpha, RandomGenerator random) {
        Objects.requireNonNull(X, "X");
        Objects.requireNonNull(Y, "Y");
        Objects.requireNonNull(random, "random");
        if (!(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("mixup α must be a finite number > 0, got " + alpha);
        }
        if (X.numCols != Y.numCols) {
            throw new IllegalArgumentException("mixup needs one target per example, but the batch has " + X.numCols
                    + " examples and " + Y.numCols + " targets");
        }
        int B = X.numCols;
        if (B < 2) return;
        if (partner.length < B) partner = new int[B];
        for (int n = 0; n < B; n++) partner[n] = n;
        for (int n = B - 1; n > 0; n--) {
            int m = random.nextInt(n + 1);
            int t = partner[n];
            partner[n] = partner[m];
            partner[m] = t;
        }
        originalX.setTo(X);
        originalY.setTo(Y);
        for (int n = 0; n < B; n++) {
            double lambda = beta(alpha, alpha, random);
            mixColumn(originalX, X, n, partner[n], lambda);
            mixColumn(originalY, Y, n, partner[n], lambda);
        }
    }

    /** out[:, n] = λ orig[:, n] + (1 − λ) orig[:, m]. */
    private static void mixColumn(DMatrixRMaj orig, DMatrixRMaj out, int n, int m, double lambda) {
        int rows = orig.numRows, cols = orig.numCols;
        double[] ov = orig.data, v = out.data;
        for (int r = 0, row = 0; r < rows; r++, row += cols) {
            v[row + n] = lambda * ov[row + n] + (1 - lambda) * ov[row + m];
        }
    }

    /** One-off mixup of a batch; see {@link #mix}. Allocates its buffers; a training loop keeps an instance. */
    public static void apply(DMatrixRMaj X, DMatrixRMaj Y, double alpha, RandomGenerator random) {
        new Mixup().mix(X, Y, alpha, random);
    }

    /**
     * A draw from Beta(a, b), density ∝ λ^(a−1) (1 − λ)^(b−1) on [0, 1], mean a/(a + b): λ = G_a / (G_a + G_b)
     * with independent G_a ~ Gamma(a, 1) and G_b ~ Gamma(b, 1), first G_a, then G_b. The Gammas are kept as
     * logarithms, so that for small a, b two tiny Gammas do not underflow to 0/0.
     */
    public static double beta(double a, double b, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (!(a > 0 && Double.isFinite(a)) || !(b > 0 && Double.isFinite(b))) {
            throw new IllegalArgumentException("the Beta distribution's a and b must be finite numbers > 0, got a = "
                    + a + ", b = " + b);
        }
        double logGa = logGamma(a, random);
        double logGb = logGamma(b, random);
        // G_a / (G_a + G_b) = 1 / (1 + G_b / G_a)
        return 1 / (1 + Math.exp(logGb - logGa));
    }

    /**
     * log G for G ~ Gamma(k, 1), by Marsaglia and Tsang (2000): with d = k − 1/3, c = 1/√(9d), draw z ~ N(0, 1)
     * and v = (1 + c z)³ until v &gt; 0 and log U &lt; z²/2 + d − d v + d log v (U ~ U(0, 1)), then G = d v.
     * For k &lt; 1 the boost G_k = G_(k+1) · U^(1/k), i.e. log G_k = log G_(k+1) + (log U)/k.
     */
    private static double logGamma(double k, RandomGenerator random) {
        if (k < 1) {
            double u = 1 - random.nextDouble(); // in (0, 1], so log u is finite
            return logGamma(k + 1, random) + Math.log(u) / k;
        }
        double d = k - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double u = random.nextDouble();
            double z2 = z * z;
            // The squeeze 1 − 0.0331 z⁴ accepts most draws without a logarithm.
            if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
                return Math.log(d) + Math.log(v);
            }
        }
    }
}
