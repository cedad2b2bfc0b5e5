package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Augmentation of raw points, one example per column, x1 in row 0 and x2 in row 1. */
class AugmenterTest {

    /** d × B points with entries uniform in [−5, 5], from their own seed. */
    private static DMatrixRMaj randomPoints(int d, int B, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj X = new DMatrixRMaj(d, B);
        for (int i = 0; i < X.data.length; i++) X.data[i] = random.nextDouble(-5, 5);
        return X;
    }

    /** d × B with every entry equal to {@code value}. */
    private static DMatrixRMaj constant(int d, int B, double value) {
        DMatrixRMaj X = new DMatrixRMaj(d, B);
        X.fill(value);
        return X;
    }

    private static double mean(DMatrixRMaj X, int row) {
        double sum = 0;
        for (int c = 0; c < X.numCols; c++) sum += X.get(row, c);
        return sum / X.numCols;
    }

    private static double std(DMatrixRMaj X, int row) {
        double m = mean(X, row), squares = 0;
        for (int c = 0; c < X.numCols; c++) squares += (X.get(row, c) - m) * (X.get(row, c) - m);
        return Math.sqrt(squares / X.numCols);
    }

    @Test
    void rotationPreservesTheDistanceFromTheOriginAndTurnsByAtMostTheta() {
        DMatrixRMaj before = randomPoints(3, 10_000, 1);
        DMatrixRMaj X = before.copy();

        Augmenter.rotate(X, 30, new SplittableRandom(2));

        double largest = 0, smallest = 0;
        for (int c = 0; c < X.numCols; c++) {
            double x1 = before.get(0, c), x2 = before.get(1, c), r1 = X.get(0, c), r2 = X.get(1, c);
            assertEquals(Math.hypot(x1, x2), Math.hypot(r1, r2), 1e-12);
            // Signed angle from the original to the rotated point: atan2(x × r, x · r).
            double degrees = Math.toDegrees(Math.atan2(x1 * r2 - x2 * r1, x1 * r1 + x2 * r2));
            assertTrue(Math.abs(degrees) <= 30 + 1e-9, "turned by " + degrees + "°");
            largest = Math.max(largest, degrees);
            smallest = Math.min(smallest, degrees);
            assertEquals(before.get(2, c), X.get(2, c), 0, "row 2 is not part of the point");
        }
        // Uniform on [−30°, 30°]: in 10 000 draws both ends are reached to well within a degree.
        assertTrue(largest > 29.5, "largest turn " + largest);
        assertTrue(smallest < -29.5, "smallest turn " + smallest);
    }

    @Test
    void aQuarterTurnRotationMapsTheAxesOntoEachOther() {
        // With θ = 90° every angle is in [−90°, 90°]; the point (1, 0) goes to (cos φ, sin φ), so x1 ≥ 0.
        DMatrixRMaj X = new DMatrixRMaj(2, 1000);
        for (int c = 0; c < X.numCols; c++) X.set(0, c, 1);

        Augmenter.rotate(X, 90, new SplittableRandom(5));

        int upper = 0;
        for (int c = 0; c < X.numCols; c++) {
            assertTrue(X.get(0, c) >= -1e-15, "cos φ ≥ 0 for |φ| ≤ 90°");
            if (X.get(1, c) > 0) upper++;
        }
        // sin φ > 0 for half the angles: binomial(1000, ½) has σ ≈ 16, allow 5σ.
        assertTrue(Math.abs(upper - 500) < 80, upper + " of 1000 turned upwards");
    }

    @Test
    void aRotationByZeroDegreesChangesNothing() {
        DMatrixRMaj before = randomPoints(2, 50, 3);
        DMatrixRMaj X = before.copy();

        Augmenter.rotate(X, 0, new SplittableRandom(4));

        assertArrayEquals(before.data, X.data, 0);
    }

    @Test
    void mirrorFlipsEachAxisForAboutHalfTheExamplesIndependently() {
        int B = 10_000;
        DMatrixRMaj X = constant(3, B, 1);

        Augmenter.mirror(X, true, true, new SplittableRandom(6));

        int flippedX = 0, flippedY = 0, both = 0;
        for (int c = 0; c < B; c++) {
            boolean fx = X.get(0, c) == -1, fy = X.get(1, c) == -1;
            assertTrue(fx || X.get(0, c) == 1, "only the sign changes");
            assertTrue(fy || X.get(1, c) == 1, "only the sign changes");
            assertEquals(1, X.get(2, c), 0, "row 2 is not part of the point");
            if (fx) flippedX++;
            if (fy) flippedY++;
            if (fx && fy) both++;
        }
        // binomial(10 000, ½): σ = 50; binomial(10 000, ¼) for both: σ ≈ 43. Allow 5σ.
        assertTrue(Math.abs(flippedX - 5000) < 250, flippedX + " x1 flipped");
        assertTrue(Math.abs(flippedY - 5000) < 250, flippedY + " x2 flipped");
        assertTrue(Math.abs(both - 2500) < 220, both + " both flipped");
    }

    @Test
    void mirrorOnlyTouchesTheAxesItIsAskedTo() {
        DMatrixRMaj onlyX = constant(2, 1000, 1);
        DMatrixRMaj none = constant(2, 1000, 1);

        Augmenter.mirror(onlyX, true, false, new SplittableRandom(7));
        Augmenter.mirror(none, false, false, new SplittableRandom(7));

        int flipped = 0;
        for (int c = 0; c < 1000; c++) {
            assertEquals(1, onlyX.get(1, c), 0);
            if (onlyX.get(0, c) == -1) flipped++;
        }
        assertTrue(flipped > 400 && flipped < 600, flipped + " of 1000 flipped");
        assertArrayEquals(constant(2, 1000, 1).data, none.data, 0);
    }

    @Test
    void theSameSeedGivesTheSameAugmentedBatch() {
        DMatrixRMaj a = randomPoints(2, 200, 8), b = a.copy(), other = a.copy();

        for (DMatrixRMaj X : new DMatrixRMaj[] {a, b}) {
            SplittableRandom random = new SplittableRandom(9);
            Augmenter.mirror(X, true, true, random);
            Augmenter.rotate(X, 15, random);
            Augmenter.jitter(X, 0.3, random);
            Augmenter.gaussianNoise(X, 0.1, random);
        }
        SplittableRandom random = new SplittableRandom(10);
        Augmenter.mirror(other, true, true, random);
        Augmenter.rotate(other, 15, random);
        Augmenter.jitter(other, 0.3, random);
        Augmenter.gaussianNoise(other, 0.1, random);

        assertArrayEquals(a.data, b.data, 0);
        assertNotEquals(a.get(0, 0), other.get(0, 0), "another seed, another batch");
    }

    @Test
    void jitterShiftsX1AndX2ByIndependentGaussiansOfStandardDeviationSigma() {
        int B = 100_000;
        double sigma = 0.5;
        DMatrixRMaj X = constant(3, B, 2);

        Augmenter.jitter(X, sigma, new SplittableRandom(11));

        // The sample mean has standard error σ/√B ≈ 0.0016, the sample std about σ/√(2B) ≈ 0.0011 (0.2 %).
        assertEquals(2, mean(X, 0), 0.01);
        assertEquals(2, mean(X, 1), 0.01);
        assertEquals(sigma, std(X, 0), 0.02 * sigma);
        assertEquals(sigma, std(X, 1), 0.02 * sigma);
        double covariance = 0;
        for (int c = 0; c < B; c++) covariance += (X.get(0, c) - 2) * (X.get(1, c) - 2);
        double correlation = covariance / B / (sigma * sigma);
        assertEquals(0, correlation, 0.02, "x1 and x2 move independently (standard error 1/√B ≈ 0.003)");
        for (int c = 0; c < B; c++) assertEquals(2, X.get(2, c), 0, "row 2 is not part of the point");
    }

    @Test
    void gaussianNoiseDisturbsEveryRowWithStandardDeviationSigma() {
        int B = 50_000;
        double sigma = 0.2;
        DMatrixRMaj X = constant(4, B, -1);

        Augmenter.gaussianNoise(X, sigma, new SplittableRandom(12));

        for (int r = 0; r < 4; r++) {
            assertEquals(-1, mean(X, r), 0.01, "row " + r);
            assertEquals(sigma, std(X, r), 0.03 * sigma, "row " + r);
            for (int c = 0; c < B; c++) assertNotEquals(-1, X.get(r, c), "row " + r + ", example " + c);
        }
    }

    @Test
    void zeroSigmaChangesNothing() {
        DMatrixRMaj before = randomPoints(3, 20, 13), X = before.copy();

        Augmenter.jitter(X, 0, new SplittableRandom(14));
        Augmenter.gaussianNoise(X, 0, new SplittableRandom(14));

        assertArrayEquals(before.data, X.data, 0);
    }

    @Test
    void impossibleSettingsAreRejectedWithTheirNames() {
        DMatrixRMaj X = new DMatrixRMaj(2, 5);
        SplittableRandom random = new SplittableRandom(15);

        assertMessage("jitter σ must be a finite number ≥ 0, got -1.0", () -> Augmenter.jitter(X, -1, random));
        assertMessage("jitter σ must be a finite number ≥ 0, got NaN", () -> Augmenter.jitter(X, Double.NaN, random));
        assertMessage("input noise σ must be a finite number ≥ 0, got Infinity",
                () -> Augmenter.gaussianNoise(X, Double.POSITIVE_INFINITY, random));
        assertMessage("rotation angle θ must be 0 … 180 degrees, got -5.0", () -> Augmenter.rotate(X, -5, random));
        assertMessage("rotation angle θ must be 0 … 180 degrees, got 200.0", () -> Augmenter.rotate(X, 200, random));
        assertMessage("augmentation moves the points' x1 and x2 (rows 0 and 1), but the batch has 1 row",
                () -> Augmenter.mirror(new DMatrixRMaj(1, 5), true, true, random));
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
