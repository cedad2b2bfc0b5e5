package org.mlplayground.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.train.Trainer;

class GradientHealthHistogramTest {

    @Test
    void everyHistogramCountsUnitsTimesExamples() {
        for (HealthPreset preset : HealthPreset.values()) {
            Trainer trainer = preset.trainer();
            trainer.step();
            GradientHealth health = GradientHealth.measure(trainer.network(), trainer.stepCount());
            for (GradientHealth.LayerHealth layer : health.layers()) {
                int expected = trainer.network().layer(layer.l()).size() * 10;   // n_l × B, B = 10
                assertEquals(expected, layer.a().total(), preset + " a_" + layer.l());
                assertEquals(expected, layer.h().total(), preset + " h_" + layer.l());
                assertEquals(expected, layer.phiPrime().total(), preset + " Φ'_" + layer.l());
            }
        }
    }

    @Test
    void valuesFallIntoTheirBinsWithUnderAndOverflow() {
        DMatrixRMaj m = new DMatrixRMaj(3, 3, true, -7, -6, -0.25, 0, 0.1, 5.99, 6, 6.5, Double.NaN);
        Histogram h = Histogram.of(m, -6, 6, 24);
        int[] expected = new int[26];
        expected[0] = 1;        // −7
        expected[1] = 1;        // −6: [−6, −5.5)
        expected[12] = 1;       // −0.25: [−0.5, 0)
        expected[13] = 2;       // 0 and 0.1: [0, 0.5)
        expected[24] = 2;       // 5.99 and 6: the last bin is closed
        expected[25] = 2;       // 6.5 and NaN
        assertArrayEquals(expected, h.counts());
        assertEquals(9, h.total());
        assertEquals(-0.5, h.binLow(12), 1e-15);
        assertEquals(0.0, h.binHigh(12), 1e-15);
    }

    @Test
    void sigmoidDerivativesAtTheirMaximumStayInsideTheRange() {
        DMatrixRMaj phiPrime = new DMatrixRMaj(1, 2, true, 0.25, 0.0);
        double[] range = GradientHealth.phiPrimeRange(Activation.sigmoid());
        Histogram h = Histogram.of(phiPrime, range[0], range[1], 20);
        assertEquals(1, h.count(20));
        assertEquals(1, h.count(1));
        assertEquals(0, h.underflow() + h.overflow());
    }

    @Test
    void tanhSaturationCountsEntriesBeyondPointNineSeven() {
        DMatrixRMaj h = new DMatrixRMaj(2, 3, true, 0.98, -0.975, 0.5, 0.97, -0.99, 0);
        Saturation s = Saturation.of(Activation.tanh(), h);
        assertEquals(new Saturation(Saturation.Rule.TANH, 3, 6), s);
        assertEquals("50 % saturated", s.describe());
    }

    @Test
    void sigmoidSaturationCountsEntriesNearZeroAndOne() {
        DMatrixRMaj h = new DMatrixRMaj(2, 3, true, 0.02, 0.03, 0.5, 0.98, 0.97, 0.999);
        assertEquals(new Saturation(Saturation.Rule.SIGMOID, 3, 6), Saturation.of(Activation.sigmoid(), h));
    }

    @Test
    void aReluUnitIsDeadOnlyIfZeroForEveryExample() {
        DMatrixRMaj h = new DMatrixRMaj(4, 3, true, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 3, 4);
        Saturation s = Saturation.of(Activation.relu(), h);
        assertEquals(new Saturation(Saturation.Rule.DEAD_RELU, 2, 4), s);
        assertEquals("2 of 4 units dead", s.describe());
        assertTrue(Double.isNaN(Saturation.of(Activation.identity(), h).share()));
    }

    @Test
    void saturationOfLayersWhoseWeightsAreSetByHand() {
        // 1 → 3 ReLU → 2 tanh → 1 sigmoid, no biases used (all 0): on x = 1, 2, 3 ReLU unit 1 gives 1, 2, 3,
        // units 2 (w = −1) and 3 (w = 0) give 0 for every example: 2 of 3 dead. The tanh layer sees h = (x, 0, 0):
        // unit 1 with w = 3 gives tanh(3), tanh(6), tanh(9) > 0.995, unit 2 with w = 0.1 tanh(0.1 … 0.3) < 0.3.
        Network net = Network.create(NetworkSpec.input(1).dense(3, Activation.relu()).dense(2, Activation.tanh())
                .dense(1, Activation.sigmoid()).loss(Loss.SIGMOID_CROSS_ENTROPY), Initializer.ZEROS, 1);
        set(net.layer(1).W(), 1, -1, 0);
        set(net.layer(2).W(), 3, 0, 0, 0.1, 0, 0);
        set(net.layer(3).W(), 1, 1);
        net.backprop(new DMatrixRMaj(1, 3, true, 1, 2, 3), new DMatrixRMaj(1, 3, true, 1, 0, 1));
        GradientHealth health = GradientHealth.measure(net, 0);
        assertEquals(new Saturation(Saturation.Rule.DEAD_RELU, 2, 3), health.layer(1).saturation());
        assertEquals(new Saturation(Saturation.Rule.TANH, 3, 6), health.layer(2).saturation());
        // h_1 = (1 2 3; 0 0 0; 0 0 0) over [0, 6] in bins of 0.3: six zeros in bin 1, 1 in bin 4, 2 in bin 7, 3 in bin 11.
        Histogram h1 = health.layer(1).h();
        assertEquals(6, h1.count(1));
        assertEquals(1, h1.count(4));
        assertEquals(1, h1.count(7));
        assertEquals(1, h1.count(11));
        assertEquals(9, h1.total());
    }

    private static void set(DMatrixRMaj W, double... values) {
        assertEquals(W.getNumElements(), values.length);
        System.arraycopy(values, 0, W.data, 0, values.length);
    }
}
