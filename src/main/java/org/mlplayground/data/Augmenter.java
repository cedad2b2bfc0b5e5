package org.mlplayground.data;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Data augmentation (COURSE.md §6): small random transformations of the training points, drawn afresh for
 * every mini-batch, so that the network sees more variants of the same examples. Each method changes a
 * batch in place, one example per column, each example drawn independently and in column order; nothing is
 * allocated. {@link #jitter}, {@link #rotate} and {@link #mirror} act on the raw 2-D point (x1, x2) in rows
 * 0 and 1, before any feature map, and leave further rows alone; {@link #gaussianNoise} acts on every row
 * of the network's inputs h_0.
 *
 * <p><b>The label must not change under the transformation</b> (rotating a 6 makes a 9). The circle data
 * set is symmetric under all of them, but XOR is not symmetric under a mirror: x1 → −x1 turns the label
 * sgn(x1·x2) into its opposite, so mirroring XOR teaches the network wrong labels.
 *
 * <p>A setting of 0 (σ = 0, θ = 0, no mirror axis) leaves the batch unchanged and draws no random numbers.
 */
public final class Augmenter {
    private Augmenter() {
    }

    /**
     * Jitter: x1 ← x1 + σ ε1, x2 ← x2 + σ ε2 with ε1, ε2 ~ N(0, 1) independent, i.e. a Gaussian shift
     * N(0, σ²) of the raw point.
     */
    public static void jitter(DMatrixRMaj X, double sigma, RandomGenerator random) {
        checkPoints(X, random);
        checkSigma("jitter σ", sigma);
        if (sigma == 0) return;
        int cols = X.numCols;
        double[] v = X.data;
        for (int c = 0; c < cols; c++) {
            v[c] += sigma * random.nextGaussian();
            v[cols + c] += sigma * random.nextGaussian();
        }
    }

    /**
     * Rotation about the origin by φ ~ U[−θ, θ]: x1 ← x1 cos φ − x2 sin φ, x2 ← x1 sin φ + x2 cos φ. The
     * distance from the origin ‖x‖ is unchanged.
     *
     * @param maxDegrees θ in degrees, 0 … 180
     */
    public static void rotate(DMatrixRMaj X, double maxDegrees, RandomGenerator random) {
        checkPoints(X, random);
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("rotation angle θ must be 0 … 180 degrees, got " + maxDegrees);
        }
        if (maxDegrees == 0) return;
        double theta = Math.toRadians(maxDegrees);
        int cols = X.numCols;
        double[] v = X.data;
        for (int c = 0; c < cols; c++) {
            double phi = (2 * random.nextDouble() - 1) * theta;
            double cos = Math.cos(phi), sin = Math.sin(phi);
            double x1 = v[c], x2 = v[cols + c];
            v[c] = x1 * cos - x2 * sin;
            v[cols + c] = x1 * sin + x2 * cos;
        }
    }

    /**
     * Mirror: with probability ½, x1 ← −x1 (if {@code mirrorX}); independently, with probability ½,
     * x2 ← −x2 (if {@code mirrorY}). Per example the x-coin is drawn before the y-coin.
     */
    public static void mirror(DMatrixRMaj X, boolean mirrorX, boolean mirrorY, RandomGenerator random) {
        checkPoints(X, random);
        if (!mirrorX && !mirrorY) return;
        int cols = X.numCols;
        double[] v = X.data;
        for (int c = 0; c < cols; c++) {
            if (mirrorX && random.nextBoolean()) v[c] = -v[c];
            if (mirrorY && random.nextBoolean()) v[cols + c] = -v[cols + c];
        }
    }

    /**
     * Input noise: h_0 ← h_0 + σ ε with ε ~ N(0, 1) drawn for every entry of every row (COURSE.md §6: noise on
     * the inputs behaves like L2). Unlike {@link #jitter}, which moves the raw point before the feature maps,
     * this disturbs the network's inputs themselves, e.g. x1² and sin x1 independently.
     */
    public static void gaussianNoise(DMatrixRMaj X, double sigma, RandomGenerator random) {
        Objects.requireNonNull(X, "X");
        Objects.requireNonNull(random, "random");
        checkSigma("input noise σ", sigma);
        if (sigma == 0) return;
        int rows = X.numRows, cols = X.numCols;
        double[] v = X.data;
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) v[r * cols + c] += sigma * random.nextGaussian();
        }
    }

    private static void checkPoints(DMatrixRMaj X, RandomGenerator random) {
        Objects.requireNonNull(X, "X");
        Objects.requireNonNull(random, "random");
        if (X.numRows < 2) {
            throw new IllegalArgumentException("augmentation moves the points' x1 and x2 (rows 0 and 1), but the batch has "
                    + X.numRows + " row" + (X.numRows == 1 ? "" : "s"));
        }
    }

    private static void checkSigma(String setting, double sigma) {
        if (!(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException(setting + " must be a finite number ≥ 0, got " + sigma);
        }
    }
}
