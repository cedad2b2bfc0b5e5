package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The cross-entropies stay finite for logits of ±1000, where a naive e^1000 overflows and log 0 is −∞.
 * One input x = 1 and no bias, so the logits are exactly the weights: a = W·1.
 */
class CrossEntropyStabilityTest {
    private static final DMatrixRMaj ONE = new DMatrixRMaj(new double[][] {{1}});

    private static Network singleLayer(int outputs, Activation phi, Loss loss, double... weights) {
        NetworkSpec spec = NetworkSpec.input(1).dense(outputs, phi, false).loss(loss);
        Network net = Network.create(spec, Initializer.ZEROS, 0);
        for (int i = 0; i < outputs; i++) net.layer(1).W().set(i, 0, weights[i]);
        return net;
    }

    private static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    @Test
    void softmaxCrossEntropyOfAConfidentWrongAnswerIsTheLogitGap() {
        Network net = singleLayer(2, Activation.softmax(), Loss.SOFTMAX_CROSS_ENTROPY, 1000, -1000);

        // The right class (second) has logit −1000, the wrong one +1000:
        // ℓ = −log(e^−1000 / (e^1000 + e^−1000)) = 2000 + log(1 + e^−2000) = 2000 in double precision.
        double loss = net.backprop(ONE, column(0, 1));

        assertEquals(2000.0, loss, 1e-9);
        // o = (1, 0) up to e^−2000, so δ = o − y = (1, −1).
        DMatrixRMaj delta = net.layer(1).delta();
        assertEquals(1.0, delta.get(0, 0), 1e-15);
        assertEquals(-1.0, delta.get(1, 0), 1e-15);
        // ∂L/∂W = δ xᵀ with x = 1.
        assertEquals(1.0, net.layer(1).dLdW().get(0, 0), 1e-15);
        assertEquals(-1.0, net.layer(1).dLdW().get(1, 0), 1e-15);
    }

    @Test
    void softmaxCrossEntropyOfAConfidentRightAnswerIsZero() {
        Network net = singleLayer(2, Activation.softmax(), Loss.SOFTMAX_CROSS_ENTROPY, 1000, -1000);

        // ℓ = −log(e^1000 / (e^1000 + e^−1000)) = log(1 + e^−2000) ≈ 0, and δ = o − y ≈ (0, 0).
        double loss = net.backprop(ONE, column(1, 0));

        assertEquals(0.0, loss, 1e-12);
        assertEquals(0.0, net.layer(1).delta().get(0, 0), 1e-12);
        assertEquals(0.0, net.layer(1).delta().get(1, 0), 1e-12);
    }

    @Test
    void softmaxOfHugeLogitsIsAFiniteProbabilityVector() {
        Network net = singleLayer(3, Activation.softmax(), Loss.SOFTMAX_CROSS_ENTROPY, 1000, 1000, -1000);

        DMatrixRMaj o = net.forward(ONE);

        // Two tied logits of 1000 share the mass: e^1000 / (2 e^1000 + e^−1000) = ½.
        assertEquals(0.5, o.get(0, 0), 1e-15);
        assertEquals(0.5, o.get(1, 0), 1e-15);
        assertEquals(0.0, o.get(2, 0), 1e-12);
        // ℓ for the third class = logsumexp − a_3 = (1000 + log 2) − (−1000).
        assertEquals(2000 + Math.log(2), net.loss(ONE, column(0, 0, 1)), 1e-9);
    }

    @Test
    void sigmoidCrossEntropyOfAConfidentWrongAnswerIsTheLogit() {
        Network net = singleLayer(1, Activation.sigmoid(), Loss.SIGMOID_CROSS_ENTROPY, 1000);

        // a = 1000, y = 0: ℓ = −log(1 − σ(1000)) = log(1 + e^1000) = 1000 + log(1 + e^−1000) = 1000.
        double loss = net.backprop(ONE, column(0));

        assertEquals(1000.0, loss, 1e-9);
        assertEquals(1.0, net.layer(1).delta().get(0, 0), 1e-15);   // δ = σ(1000) − 0
    }

    @Test
    void sigmoidCrossEntropyOfAConfidentWrongNegativeLogitIsItsMagnitude() {
        Network net = singleLayer(1, Activation.sigmoid(), Loss.SIGMOID_CROSS_ENTROPY, -1000);

        // a = −1000, y = 1: ℓ = −log σ(−1000) = log(1 + e^1000) = 1000.
        double loss = net.backprop(ONE, column(1));

        assertEquals(1000.0, loss, 1e-9);
        assertEquals(-1.0, net.layer(1).delta().get(0, 0), 1e-15);  // δ = σ(−1000) − 1
    }

    @Test
    void sigmoidCrossEntropyOfConfidentRightAnswersIsZero() {
        Network positive = singleLayer(1, Activation.sigmoid(), Loss.SIGMOID_CROSS_ENTROPY, 1000);
        Network negative = singleLayer(1, Activation.sigmoid(), Loss.SIGMOID_CROSS_ENTROPY, -1000);

        // ℓ = log(1 + e^−1000) ≈ 0 either way.
        assertEquals(0.0, positive.backprop(ONE, column(1)), 1e-12);
        assertEquals(0.0, negative.backprop(ONE, column(0)), 1e-12);
        assertEquals(0.0, positive.layer(1).delta().get(0, 0), 1e-12);
        assertEquals(0.0, negative.layer(1).delta().get(0, 0), 1e-12);
    }
}
