package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Loss;

/** Label smoothing on the targets {@link Batches#gatherTargets} produces. */
class LabelSmoothingTest {
    private static final double H = 1e-5;

    private static Dataset labelled(double... labels) {
        double[][] x = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) x[i] = new double[] {i, 0};
        return new Dataset("labels", x, labels);
    }

    private static DMatrixRMaj targets(Loss loss, int outputs, double... labels) {
        DMatrixRMaj Y = new DMatrixRMaj(1, 1);
        Batches.gatherTargets(labelled(labels), Batches.identityOrder(labels.length), 0, labels.length, loss, outputs, Y);
        return Y;
    }

    @Test
    void softmaxOneHotTargetsMoveEpsilonOverKToEveryClass() {
        // Classes 0, 2, 1 of K = 3, ε = 0.3: the right class 1 − 0.3 + 0.1 = 0.8, the others 0.1.
        DMatrixRMaj Y = targets(Loss.SOFTMAX_CROSS_ENTROPY, 3, 0, 2, 1);

        LabelSmoothing.apply(Y, Loss.SOFTMAX_CROSS_ENTROPY, 0.3);

        assertArrayEquals(new double[] {
            0.8, 0.1, 0.1,
            0.1, 0.1, 0.8,
            0.1, 0.8, 0.1}, Y.data, 1e-15);
    }

    @Test
    void sigmoidZeroOneTargetsArePulledTowardsOneHalf() {
        // Labels +1, −1 become 1, 0; ε = 0.2: 1 → 0.8 + 0.1 = 0.9, 0 → 0.1.
        DMatrixRMaj Y = targets(Loss.SIGMOID_CROSS_ENTROPY, 1, 1, -1, -1);

        LabelSmoothing.apply(Y, Loss.SIGMOID_CROSS_ENTROPY, 0.2);

        assertArrayEquals(new double[] {0.9, 0.1, 0.1}, Y.data, 1e-15);
    }

    @Test
    void plusMinusOneTargetsOfMseAndMaeArePulledTowardsZero() {
        for (Loss loss : new Loss[] {Loss.MSE, Loss.MAE}) {
            DMatrixRMaj Y = targets(loss, 1, 1, -1, 1);

            LabelSmoothing.apply(Y, loss, 0.25);

            assertArrayEquals(new double[] {0.75, -0.75, 0.75}, Y.data, 1e-15, loss.id());
        }
    }

    @Test
    void epsilonZeroLeavesTheTargetsAsTheyWere() {
        for (Loss loss : Loss.values()) {
            DMatrixRMaj Y = targets(loss, 3, 0, 2, 1, 1);
            DMatrixRMaj before = Y.copy();

            LabelSmoothing.apply(Y, loss, 0);

            assertArrayEquals(before.data, Y.data, 0, loss.id());
        }
    }

    @Test
    void epsilonOutsideZeroToOneIsRejected() {
        DMatrixRMaj Y = targets(Loss.MSE, 1, 1, -1);
        for (double epsilon : new double[] {-0.1, 1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LabelSmoothing.apply(Y, Loss.MSE, epsilon));
            assertEquals("label smoothing ε must be in [0, 1), got " + epsilon, e.getMessage());
        }
    }

    /** ∂L/∂a by central differences, entry by entry. */
    private static DMatrixRMaj numericalGradient(Loss loss, DMatrixRMaj a, DMatrixRMaj o, DMatrixRMaj y) {
        DMatrixRMaj grad = new DMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < a.data.length; i++) {
            double saved = a.data[i];
            a.data[i] = saved + H;
            double plus = loss.value(a, o, y);
            a.data[i] = saved - H;
            double minus = loss.value(a, o, y);
            a.data[i] = saved;
            grad.data[i] = (plus - minus) / (2 * H);
        }
        return grad;
    }

    /** o = softmax of each column of a. */
    private static DMatrixRMaj softmax(DMatrixRMaj a) {
        DMatrixRMaj o = new DMatrixRMaj(a.numRows, a.numCols);
        for (int c = 0; c < a.numCols; c++) {
            double sum = 0;
            for (int r = 0; r < a.numRows; r++) sum += Math.exp(a.get(r, c));
            for (int r = 0; r < a.numRows; r++) o.set(r, c, Math.exp(a.get(r, c)) / sum);
        }
        return o;
    }

    @Test
    void softmaxCrossEntropysFusedGradientIsTheTrueGradientForSmoothedTargets() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1.0, -0.5}, {2.0, 0.3}, {-1.0, 0.8}});
        DMatrixRMaj o = softmax(a);
        DMatrixRMaj y = targets(Loss.SOFTMAX_CROSS_ENTROPY, 3, 2, 0);
        LabelSmoothing.apply(y, Loss.SOFTMAX_CROSS_ENTROPY, 0.1);

        DMatrixRMaj numeric = numericalGradient(Loss.SOFTMAX_CROSS_ENTROPY, a, o, y);

        // L averages over B = 2 columns, so ∂L/∂a = (o − ỹ)/2.
        for (int i = 0; i < a.data.length; i++) {
            assertEquals((o.data[i] - y.data[i]) / 2, numeric.data[i], 1e-9, "entry " + i);
        }
    }

    @Test
    void aSoftTargetThatDoesNotSumToOneWouldBreakTheFusedGradient() {
        // The check above can fail: adding ε/K without taking (1 − ε) of y gives columns summing to 1 + ε, and
        // then ∂ℓ/∂a = (Σ y_i) o − y ≠ o − y.
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1.0}, {2.0}, {-1.0}});
        DMatrixRMaj o = softmax(a);
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.1}, {0.1}, {1.1}});

        DMatrixRMaj numeric = numericalGradient(Loss.SOFTMAX_CROSS_ENTROPY, a, o, y);

        double largestGap = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(1.3 * o.data[i] - y.data[i], numeric.data[i], 1e-9);
            largestGap = Math.max(largestGap, Math.abs(numeric.data[i] - (o.data[i] - y.data[i])));
        }
        assertTrue(largestGap > 0.1, "gap " + largestGap);
    }

    @Test
    void sigmoidCrossEntropysFusedGradientIsTheTrueGradientForSmoothedTargets() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-2.0, 0.5, 3.0}});
        DMatrixRMaj o = new DMatrixRMaj(1, 3);
        for (int i = 0; i < 3; i++) o.data[i] = 1 / (1 + Math.exp(-a.data[i]));
        DMatrixRMaj y = targets(Loss.SIGMOID_CROSS_ENTROPY, 1, 1, -1, 1);
        LabelSmoothing.apply(y, Loss.SIGMOID_CROSS_ENTROPY, 0.2);

        DMatrixRMaj numeric = numericalGradient(Loss.SIGMOID_CROSS_ENTROPY, a, o, y);

        // ℓ = softplus(a) − ỹ a, so ∂ℓ/∂a = σ(a) − ỹ; averaged over B = 3 columns.
        for (int i = 0; i < 3; i++) {
            assertEquals((o.data[i] - y.data[i]) / 3, numeric.data[i], 1e-9, "entry " + i);
        }
    }
}
