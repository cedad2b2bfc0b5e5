package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mixup: x̃_n = λ_n x_n + (1 − λ_n) x_π(n), ỹ_n likewise with the same λ_n ~ Beta(α, α). */
class MixupTest {
    private static final int DRAWS = 200_000;

    /** Sample mean and population variance of {@code DRAWS} draws of Beta(a, b). */
    private static double[] moments(double a, double b, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] lambda = new double[DRAWS];
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            lambda[i] = Mixup.beta(a, b, random);
            assertTrue(lambda[i] >= 0 && lambda[i] <= 1, "draw " + lambda[i] + " outside [0, 1]");
            sum += lambda[i];
        }
        double mean = sum / DRAWS, squares = 0;
        for (double l : lambda) squares += (l - mean) * (l - mean);
        return new double[] {mean, squares / DRAWS};
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 1, 2})
    void symmetricBetaHasMeanOneHalfAndVarianceOneOverFourTimesTwoAlphaPlusOne(double alpha) {
        double[] m = moments(alpha, alpha, 21);

        // Beta(α, α): mean ½, variance α²/((2α)²(2α + 1)) = 1/(4(2α + 1)): 0.1786, 0.0833, 0.05.
        // Standard errors with 200 000 draws: mean ≤ √(0.18/200 000) ≈ 0.001, variance ≤ √(1/16/200 000) ≈ 0.0006.
        assertEquals(0.5, m[0], 0.005, "mean");
        assertEquals(1 / (4 * (2 * alpha + 1)), m[1], 0.003, "variance");
    }

    @Test
    void betaWithDifferentParametersHasMeanAOverAPlusB() {
        // Beta(2, 5): mean 2/7, variance ab/((a + b)²(a + b + 1)) = 10/(49·8).
        double[] m = moments(2, 5, 22);
        assertEquals(2.0 / 7, m[0], 0.003);
        assertEquals(10.0 / 392, m[1], 0.001);

        // Beta(0.5, 3): mean 1/7, a < 1 goes through the boost U^(1/a).
        double[] small = moments(0.5, 3, 23);
        assertEquals(1.0 / 7, small[0], 0.003);
        assertEquals(1.5 / (3.5 * 3.5 * 4.5), small[1], 0.001);
    }

    @Test
    void betaWithTinyParametersStillGivesNumbersInZeroToOne() {
        // Beta(0.01, 0.01): both Gammas are often far below the smallest double; λ must not become 0/0.
        SplittableRandom random = new SplittableRandom(24);
        int nearZero = 0;
        for (int i = 0; i < 10_000; i++) {
            double l = Mixup.beta(0.01, 0.01, random);
            assertTrue(l >= 0 && l <= 1, "draw " + l);
            if (l < 0.5) nearZero++;
        }
        // Symmetric, so about half the draws are below ½ (binomial σ = 50).
        assertTrue(Math.abs(nearZero - 5000) < 250, nearZero + " of 10 000 below ½");
    }

    /** Example n has x = (n, u_n, v_n) with random u, v, and a one-hot target over 3 classes. */
    private static DMatrixRMaj inputs(int B, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj X = new DMatrixRMaj(3, B);
        for (int n = 0; n < B; n++) {
            X.set(0, n, n);
            X.set(1, n, random.nextDouble(-1, 1));
            X.set(2, n, random.nextDouble(-1, 1));
        }
        return X;
    }

    private static DMatrixRMaj oneHotTargets(int B) {
        DMatrixRMaj Y = new DMatrixRMaj(3, B);
        for (int n = 0; n < B; n++) Y.set(n % 3, n, 1);
        return Y;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 1})
    void everyMixedExampleLiesBetweenTwoOriginalsAndItsTargetUsesTheSameLambda(double alpha) {
        int B = 32;
        DMatrixRMaj X0 = inputs(B, 25), Y0 = oneHotTargets(B);
        DMatrixRMaj X = X0.copy(), Y = Y0.copy();

        Mixup.apply(X, Y, alpha, new SplittableRandom(26));

        boolean[] usedAsPartner = new boolean[B];
        int unmixed = 0;
        for (int n = 0; n < B; n++) {
            double moved = Math.abs(X.get(0, n) - n);
            if (moved < 1e-6) {
                // λ ≈ 1 (Beta(0.2, 0.2) often gives λ within 1e−8 of 1) or π(n) = n: the partner cannot be told
                // apart. Row 0 of the originals differs by at least 1, so |x̃_0 − n| ≥ 1 − λ ≥ |ỹ_r − y_r|.
                for (int r = 0; r < 3; r++) assertEquals(Y0.get(r, n), Y.get(r, n), moved + 1e-12);
                unmixed++;
                continue;
            }
            // Find the original m with x̃_n = λ x_n + (1 − λ) x_m: row 0 gives λ = (x̃_0 − m)/(n − m),
            // rows 1 and 2 must agree with that λ.
            int partner = -1;
            double lambda = Double.NaN;
            for (int m = 0; m < B; m++) {
                if (m == n) continue;
                double l = (X.get(0, n) - m) / (n - m);
                if (l < -1e-12 || l > 1 + 1e-12) continue;
                boolean onSegment = true;
                for (int r = 1; r < 3; r++) {
                    double expected = l * X0.get(r, n) + (1 - l) * X0.get(r, m);
                    onSegment &= Math.abs(X.get(r, n) - expected) < 1e-11;
                }
                if (onSegment) {
                    assertEquals(-1, partner, "example " + n + " lies between two pairs of originals");
                    partner = m;
                    lambda = l;
                }
            }
            assertTrue(partner >= 0, "example " + n + " is not on a segment between x_" + n + " and an original");
            assertFalse(usedAsPartner[partner], "x_" + partner + " is the partner of two examples: π is no permutation");
            usedAsPartner[partner] = true;
            for (int r = 0; r < 3; r++) {
                double expected = lambda * Y0.get(r, n) + (1 - lambda) * Y0.get(r, partner);
                assertEquals(expected, Y.get(r, n), 1e-9, "target " + r + " of example " + n);
            }
        }
        assertTrue(unmixed < B / 2, unmixed + " of " + B + " examples were left alone");
    }

    @Test
    void mixedTargetsStillSumToOne() {
        DMatrixRMaj X = inputs(64, 27), Y = oneHotTargets(64);

        Mixup.apply(X, Y, 0.4, new SplittableRandom(28));

        for (int n = 0; n < 64; n++) assertEquals(1, Y.get(0, n) + Y.get(1, n) + Y.get(2, n), 1e-12);
    }

    @Test
    void theSameSeedGivesTheSameMixedBatch() {
        DMatrixRMaj X1 = inputs(16, 29), Y1 = oneHotTargets(16);
        DMatrixRMaj X2 = inputs(16, 29), Y2 = oneHotTargets(16);
        DMatrixRMaj X3 = inputs(16, 29), Y3 = oneHotTargets(16);

        Mixup.apply(X1, Y1, 0.3, new SplittableRandom(30));
        Mixup.apply(X2, Y2, 0.3, new SplittableRandom(30));
        Mixup.apply(X3, Y3, 0.3, new SplittableRandom(31));

        assertArrayEquals(X1.data, X2.data, 0);
        assertArrayEquals(Y1.data, Y2.data, 0);
        assertFalse(java.util.Arrays.equals(X1.data, X3.data), "another seed, another mix");
    }

    @Test
    void anInstanceReusedForBatchesOfDifferentSizesMixesLikeAFreshOne() {
        Mixup reused = new Mixup();
        SplittableRandom r1 = new SplittableRandom(32), r2 = new SplittableRandom(32);
        for (int B : new int[] {20, 7, 33}) {
            DMatrixRMaj Xa = inputs(B, B), Ya = oneHotTargets(B);
            DMatrixRMaj Xb = inputs(B, B), Yb = oneHotTargets(B);

            reused.mix(Xa, Ya, 0.5, r1);
            new Mixup().mix(Xb, Yb, 0.5, r2);

            assertArrayEquals(Xb.data, Xa.data, 0, "batch of " + B);
            assertArrayEquals(Yb.data, Ya.data, 0, "batch of " + B);
        }
    }

    @Test
    void badSettingsAreRejectedWithTheirNames() {
        SplittableRandom random = new SplittableRandom(33);
        DMatrixRMaj X = new DMatrixRMaj(2, 4), Y = new DMatrixRMaj(1, 4);

        assertEquals("mixup α must be a finite number > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> Mixup.apply(X, Y, -1, random)).getMessage());
        assertEquals("mixup α must be a finite number > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Mixup.apply(X, Y, 0, random)).getMessage());
        assertEquals("mixup needs one target per example, but the batch has 4 examples and 3 targets",
                assertThrows(IllegalArgumentException.class,
                        () -> Mixup.apply(X, new DMatrixRMaj(1, 3), 1, random)).getMessage());
        assertEquals("the Beta distribution's a and b must be finite numbers > 0, got a = 1.0, b = NaN",
                assertThrows(IllegalArgumentException.class, () -> Mixup.beta(1, Double.NaN, random)).getMessage());
    }
}
