package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Inverted dropout (COURSE.md §6): scaled by 1/(1 − p) while training, nothing at inference. */
class DropoutTest {

    private static Network net(double p) {
        NetworkSpec spec = NetworkSpec.input(2).dense(6, Activation.tanh()).dense(1, Activation.identity()).loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.1, 5);
        net.setDropout(1, p);
        return net;
    }

    @Test
    void invertedDropoutKeepsTheExpectedActivationOverManyMasks() {
        double p = 0.3;
        Network net = net(p);
        DMatrixRMaj x = new DMatrixRMaj(2, 1, true, 0.7, -1.2);
        SplittableRandom random = new SplittableRandom(1);
        int masks = 200_000;
        double[] sum = new double[6];
        double[] h = null;
        for (int k = 0; k < masks; k++) {
            net.drawDropoutMasks(1, random);
            net.forward(x);
            DenseLayer hidden = net.layer(1);
            if (h == null) h = hidden.h().data.clone();
            for (int i = 0; i < 6; i++) sum[i] += hidden.out().data[i];
        }
        for (int i = 0; i < 6; i++) {
            double mean = sum[i] / masks;
            // 1/(1 − p) · h with probability 1 − p, else 0: the mean is h; its standard error here is 0.15 % of |h|.
            assertEquals(h[i], mean, 0.01 * Math.abs(h[i]), "neuron " + i);
        }
    }

    @Test
    void eachMaskEntryIsZeroWithProbabilityPOrOneOverOneMinusP() {
        double p = 0.25;
        Network net = net(p);
        net.drawDropoutMasks(10_000, new SplittableRandom(2));
        DMatrixRMaj x = new DMatrixRMaj(2, 10_000);
        DMatrixRMaj y = new DMatrixRMaj(1, 10_000);
        net.backprop(x, y);
        DMatrixRMaj mask = net.layer(1).dropoutMask();
        int zeros = 0;
        for (double m : mask.data) {
            if (m == 0) zeros++;
            else assertEquals(1 / (1 - p), m, 1e-15);
        }
        double share = (double) zeros / mask.getNumElements();
        // 60,000 Bernoulli(0.25) draws: standard deviation 0.0018.
        assertEquals(p, share, 0.01);
    }

    @Test
    void aDroppedNeuronPassesNoErrorBack() {
        Network net = net(0.5);
        SplittableRandom random = new SplittableRandom(3);
        DMatrixRMaj x = new DMatrixRMaj(2, 8);
        for (int i = 0; i < x.data.length; i++) x.data[i] = random.nextGaussian();
        DMatrixRMaj y = new DMatrixRMaj(1, 8);
        for (int i = 0; i < y.data.length; i++) y.data[i] = random.nextGaussian();
        net.drawDropoutMasks(8, random);
        net.backprop(x, y);
        DenseLayer hidden = net.layer(1);
        int dropped = 0;
        for (int i = 0; i < hidden.dropoutMask().getNumElements(); i++) {
            if (hidden.dropoutMask().data[i] == 0) {
                dropped++;
                assertEquals(0.0, Math.abs(hidden.delta().data[i]), "δ of a dropped neuron");
                assertEquals(0.0, Math.abs(hidden.out().data[i]), "what the next layer saw");
            } else {
                assertTrue(hidden.delta().data[i] != 0, "δ of a kept neuron");
            }
        }
        assertTrue(dropped > 0);
    }

    @Test
    void inferenceIgnoresDropout() {
        Network withDropout = net(0.5);
        Network without = withDropout.copy();
        without.setDropout(1, 0);
        withDropout.drawDropoutMasks(1, new SplittableRandom(4));
        assertArrayEquals(without.predict(0.3, 0.9), withDropout.predict(0.3, 0.9), 0.0);
        DMatrixRMaj o = new Inference(withDropout.spec()).run(withDropout, new DMatrixRMaj(2, 1, true, 0.3, 0.9));
        assertEquals(without.predict(0.3, 0.9)[0], o.get(0), 0.0);
    }

    @Test
    void aTrainingPassWithoutAMaskForTheBatchSaysWhatIsMissing() {
        Network net = net(0.2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.forward(new DMatrixRMaj(2, 3)));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("mask"), e.getMessage());
    }

    @Test
    void dropoutOnlyInHiddenLayersAndBelowOne() {
        Network net = net(0);
        assertThrows(IllegalArgumentException.class, () -> net.setDropout(2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> net.setDropout(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> net.setDropout(1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> net.setDropout(1, Double.NaN));
    }

    @Test
    void theSameGeneratorStateGivesTheSameMasks() {
        Network a = net(0.4), b = net(0.4);
        a.drawDropoutMasks(20, new SplittableRandom(9));
        b.drawDropoutMasks(20, new SplittableRandom(9));
        a.forward(new DMatrixRMaj(2, 20));
        b.forward(new DMatrixRMaj(2, 20));
        assertArrayEquals(a.layer(1).dropoutMask().data, b.layer(1).dropoutMask().data, 0.0);
    }
}
