package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;

/**
 * L2 and L1 (COURSE.md §6) as the trainer applies them with plain gradient descent: one full-batch step is
 * compared with the course's update formula, evaluated from a separate backward pass on a copy.
 */
class PenaltyTest {
    private static final NetworkSpec SPEC = NetworkSpec.input(2).dense(5, Activation.tanh()).dense(1, Activation.tanh())
            .loss(Loss.MSE);
    private static final double ETA = 0.1;

    /** The whole set as one batch, so the step's gradient does not depend on the shuffled order. */
    private static Dataset data() {
        return Generators.circle(40, 0.1, 3);
    }

    /** ∂C_0/∂θ for every parameter block at the network's current weights, over the whole set. */
    private static List<double[]> dataGradient(Network net, Dataset data) {
        Network copy = net.copy();
        int n = data.size();
        DMatrixRMaj x = new DMatrixRMaj(2, n), y = new DMatrixRMaj(1, n);
        for (int c = 0; c < n; c++) {
            x.set(0, c, data.x()[c][0]);
            x.set(1, c, data.x()[c][1]);
            y.set(0, c, data.y()[c]);
        }
        copy.backprop(x, y);
        List<double[]> g = new ArrayList<>();
        for (Parameter p : copy.parameters()) g.add(Arrays.copyOf(p.gradient(), p.size()));
        return g;
    }

    private static Trainer trainer(Network net, Dataset data, Penalty penalty) {
        TrainingSettings settings = TrainingSettings.gradientDescent(ETA, data.size())
                .withRegularization(Regularization.NONE.withPenalty(penalty));
        return new Trainer(net, data, null, settings, 1);
    }

    @Test
    void l2StepIsWeightDecayPlusTheDataGradient() {
        Dataset data = data();
        double lambda = 4;
        int n = data.size();
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 0.3, 8);
        List<double[]> before = new ArrayList<>();
        for (Parameter p : net.parameters()) before.add(p.value().clone());
        List<double[]> g0 = dataGradient(net, data);
        trainer(net, data, new Penalty.L2(lambda)).step();
        for (int k = 0; k < before.size(); k++) {
            Parameter p = net.parameters().get(k);
            for (int i = 0; i < p.size(); i++) {
                double w = before.get(k)[i];
                // w ← (1 − ηλ/n) w − η ∂C_0/∂w for weights; biases are not decayed
                double expected = p.weight() ? (1 - ETA * lambda / n) * w - ETA * g0.get(k)[i] : w - ETA * g0.get(k)[i];
                assertEquals(expected, p.value()[i], 1e-14, p.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void l1StepSubtractsTheRateTimesTheSignOfEachWeight() {
        Dataset data = data();
        double lambda = 2;
        int n = data.size();
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 0.3, 9);
        List<double[]> before = new ArrayList<>();
        for (Parameter p : net.parameters()) before.add(p.value().clone());
        List<double[]> g0 = dataGradient(net, data);
        trainer(net, data, new Penalty.L1(lambda)).step();
        int checked = 0;
        for (int k = 0; k < before.size(); k++) {
            Parameter p = net.parameters().get(k);
            for (int i = 0; i < p.size(); i++) {
                double w = before.get(k)[i];
                double expected = w - (p.weight() ? ETA * lambda / n * Math.signum(w) : 0) - ETA * g0.get(k)[i];
                if (expected * w < 0) continue;   // would cross zero: see the next test
                assertEquals(expected, p.value()[i], 1e-14, p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked >= 20, "only " + checked + " entries checked");
    }

    @Test
    void l1StopsAWeightThatWouldCrossZeroAtExactlyZero() {
        Dataset data = data();
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 0.3, 10);
        double[] w1 = net.layer(1).W().data;
        w1[0] = 1e-4;
        w1[1] = -1e-4;
        double lambda = 100;   // ηλ/n = 0.25, more than the data step: both weights would cross zero
        List<double[]> g0 = dataGradient(net, data);
        for (int i = 0; i < 2; i++) {
            double unclipped = w1[i] - ETA * lambda / data.size() * Math.signum(w1[i]) - ETA * g0.get(0)[i];
            assertTrue(unclipped * w1[i] < 0, "w[" + i + "] would not cross zero: " + unclipped);
        }
        trainer(net, data, new Penalty.L1(lambda)).step();
        assertEquals(0.0, w1[0]);
        assertEquals(0.0, w1[1]);
    }

    @Test
    void l1LeavesExactZerosWhereL2OnlyShrinks() {
        Dataset data = Generators.circle(200, 0.1, 4);
        NetworkSpec spec = NetworkSpec.input(2).dense(8, Activation.tanh()).dense(8, Activation.tanh())
                .dense(1, Activation.tanh()).loss(Loss.MSE);
        int[] zeros = new int[2];
        Penalty[] penalties = {new Penalty.L1(3), new Penalty.L2(3)};
        for (int k = 0; k < 2; k++) {
            Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 5);
            TrainingSettings settings = TrainingSettings.gradientDescent(0.03, 10)
                    .withRegularization(Regularization.NONE.withPenalty(penalties[k]));
            Trainer trainer = new Trainer(net, data, null, settings, 5);
            for (int e = 0; e < 60; e++) trainer.runEpoch();
            zeros[k] = net.zeroWeightCount();
        }
        assertTrue(zeros[0] >= 10, "L1 left " + zeros[0] + " of 88 weights at zero");
        assertEquals(0, zeros[1], "L2 zero weights");
    }

    @Test
    void theHistoryShowsTheDataTermAndThePenaltyApart() {
        Dataset data = data();
        double lambda = 5;
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 11);
        Trainer trainer = trainer(net, data, new Penalty.L2(lambda));
        trainer.runEpoch();
        EpochMetrics m = trainer.history().latest();
        double sumSquares = 0;
        for (Parameter p : net.parameters()) if (p.weight()) for (int i = 0; i < p.size(); i++) sumSquares += p.value()[i] * p.value()[i];
        assertEquals(lambda / (2.0 * data.size()) * sumSquares, m.penalty(), 1e-15);
        assertEquals(Trainer.evaluate(net, data).loss(), m.trainLoss(), 1e-15);
        assertEquals(m.trainLoss() + m.penalty(), m.trainCost(), 0.0);
        assertTrue(m.penalty() > 0);
    }

    @Test
    void penaltyRatesMustBeFiniteAndNonNegative() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Penalty.L2(-1));
        assertEquals("regularisation rate λ must be 0 or more, got -1.0", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Penalty.L1(Double.NaN));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Penalty.of("l3", 1));
    }
}
