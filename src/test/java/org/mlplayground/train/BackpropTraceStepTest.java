package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Nesterov;
import org.mlplayground.optim.Schedule;
import org.mlplayground.optim.Sgd;

/**
 * {@link Trainer#traceStep()} is a normal training step: two trainers with the same seed and settings, one
 * calling {@link Trainer#step()} and the other {@code traceStep()}, keep bit-identical weights, running
 * statistics, losses and counters step after step (across epochs, so reshuffling too); and the trace's
 * {@code before}/{@code after} are the network around the step.
 */
class BackpropTraceStepTest {
    private static final Dataset TRAIN = Generators.circle(36, 0.1, 11);
    private static final int BATCH = 8;   // 36 = 4·8 + 4: a short last batch, then a new epoch
    private static final int STEPS = 12;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Hyperparameters optimizer : List.of(Sgd.Settings.DEFAULTS, new Momentum.Settings(0.9),
                new Nesterov.Settings(0.9), Adam.Settings.DEFAULTS)) {
            for (String variant : List.of("plain", "dropout", "batch norm", "L2", "L1", "all", "noise and clipping")) {
                all.add(Arguments.of(optimizer, variant));
            }
        }
        return all.stream();
    }

    static NetworkSpec spec(boolean batchNorm) {
        NetworkSpec.Builder b = NetworkSpec.input(2).dense(6, Activation.tanh());
        if (batchNorm) b.batchNorm();
        b.dense(5, Activation.sigmoid());
        if (batchNorm) b.batchNorm();
        return b.dense(1, Activation.tanh()).loss(Loss.MSE);
    }

    static TrainingSettings settings(Hyperparameters optimizer, String variant) {
        boolean dropout = variant.equals("dropout") || variant.equals("all");
        Penalty penalty = switch (variant) {
            case "L2", "all" -> new Penalty.L2(0.5);
            case "L1" -> new Penalty.L1(0.5);
            default -> new Penalty.None();
        };
        Regularization regularization = new Regularization(penalty, dropout ? List.of(0.3, 0.25) : List.of());
        Augmentation augmentation = variant.equals("noise and clipping") ? Augmentation.NONE.withInputNoise(0.2) : Augmentation.NONE;
        Clipping clipping = variant.equals("noise and clipping") ? new Clipping.ByNorm(0.05) : new Clipping.None();
        return new TrainingSettings(optimizer, new Schedule.Constant(0.1), BATCH, clipping, null, regularization,
                augmentation, null);
    }

    static Trainer trainer(Hyperparameters optimizer, String variant) {
        boolean batchNorm = variant.equals("batch norm") || variant.equals("all");
        Network net = Network.create(spec(batchNorm), Initializer.XAVIER_UNIFORM, 0.1, 5);
        return new Trainer(net, TRAIN, null, settings(optimizer, variant), 17);
    }

    static List<double[]> values(Network net) {
        List<double[]> copy = new ArrayList<>();
        for (Parameter p : net.parameters()) copy.add(Arrays.copyOf(p.value(), p.size()));
        for (double[] s : net.runningStatistics()) copy.add(s.clone());
        return copy;
    }

    static void assertBitIdentical(List<double[]> expected, List<double[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        // assertArrayEquals on double[] compares bit patterns: a tolerance of exactly 0.
        for (int b = 0; b < expected.size(); b++) assertArrayEquals(expected.get(b), actual.get(b), what + ", block " + b);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void tracedStepsGiveBitIdenticalWeightsToNormalSteps(Hyperparameters optimizer, String variant) {
        Trainer normal = trainer(optimizer, variant), traced = trainer(optimizer, variant);
        for (int s = 1; s <= STEPS; s++) {
            List<double[]> beforeStep = values(traced.network());
            double loss = normal.step();
            BackpropTrace trace = traced.traceStep();

            String what = optimizer.name() + " " + variant + ", step " + s;
            assertBitIdentical(values(normal.network()), values(traced.network()), what);
            assertEquals(Double.doubleToLongBits(normal.lastBatchLoss()), Double.doubleToLongBits(traced.lastBatchLoss()), what);
            assertEquals(normal.lastBatchPenalty(), traced.lastBatchPenalty(), 0.0, what);
            assertEquals(normal.stepCount(), traced.stepCount(), what);
            assertEquals(normal.epoch(), traced.epoch(), what);
            assertBitIdentical(beforeStep, values(trace.before()), what + ": before");
            assertBitIdentical(values(traced.network()), values(trace.after()), what + ": after");
            assertEquals(s, trace.step(), what);
            assertEquals(0.1, trace.learningRate(), what);
            assertEquals(optimizer.name(), trace.optimizer());
            assertEquals(s % 5 == 0 ? 4 : BATCH, trace.batchSize(), what);
            assertTrue(Double.isFinite(loss));
        }
        assertEquals(2, normal.epoch(), "the run crossed epochs, so it reshuffled");
        assertEquals(normal.history().size(), traced.history().size());
    }

    @Test
    void theTracedBatchIsTheNextBatchOfTheShuffle() {
        Trainer normal = trainer(Sgd.Settings.DEFAULTS, "plain"), traced = trainer(Sgd.Settings.DEFAULTS, "plain");
        normal.step();
        traced.traceStep();
        // Replay step 2 by hand from the trace: its columns are the training examples it names.
        BackpropTrace trace = traced.traceStep();
        for (int c = 0; c < trace.batchSize(); c++) {
            double[] example = TRAIN.x()[trace.examples()[c]];
            assertEquals(example[0], trace.x().get(0, c), 0.0);
            assertEquals(example[1], trace.x().get(1, c), 0.0);
            assertEquals(TRAIN.y()[trace.examples()[c]], trace.y().get(0, c), 0.0);
        }
        assertEquals(BATCH, trace.examples().length);
    }

    @Test
    void sgdsUpdateIsBeforeMinusRateTimesTheTracedGradients() {
        Trainer trainer = trainer(Sgd.Settings.DEFAULTS, "all");
        trainer.traceStep();
        BackpropTrace trace = trainer.traceStep();
        List<Parameter> before = trace.before().parameters(), after = trace.after().parameters();
        for (int b = 0; b < before.size(); b++) {
            double[] expected = new double[before.get(b).size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = before.get(b).value()[i] - 0.1 * trace.gradients().get(b)[i];
            }
            assertArrayEquals(expected, Arrays.copyOf(after.get(b).value(), expected.length), before.get(b).name());
        }
        assertFalse(trace.lookAhead());
    }

    @Test
    void nesterovsPassRunsAtTheLookAheadPointAndTheUpdateStartsFromBefore() {
        double beta = 0.9, gamma = 0.1;
        Trainer trainer = trainer(new Nesterov.Settings(beta), "plain");
        BackpropTrace previous = trainer.traceStep();
        assertFalse(previous.lookAhead(), "the first step has v = 0: the look-ahead point is w");
        for (int s = 2; s <= 4; s++) {
            BackpropTrace trace = trainer.traceStep();
            assertTrue(trace.lookAhead());
            for (int l = 1; l <= 3; l++) {
                DMatrixRMaj W = trace.layer(l).W();
                DMatrixRMaj wBefore = trace.before().layer(l).W(), wPrevious = previous.before().layer(l).W();
                for (int k = 0; k < W.getNumElements(); k++) {
                    // v = after − before of the previous step (w was not changed in between).
                    double v = wBefore.data[k] - wPrevious.data[k];
                    assertEquals(wBefore.data[k] + beta * v, W.data[k], 1e-14, "look-ahead W" + l + "[" + k + "]");
                    double vNew = beta * v - gamma * trace.layer(l).dLdW().data[k];
                    assertEquals(wBefore.data[k] + vNew, trace.after().layer(l).W().data[k], 1e-14, "after W" + l);
                }
            }
            previous = trace;
        }
    }

    @Test
    void theTraceHoldsCopiesThatLaterStepsDoNotChange() {
        Trainer trainer = trainer(Adam.Settings.DEFAULTS, "all");
        BackpropTrace trace = trainer.traceStep();
        double a = trace.layer(1).a().get(0, 0), w = trace.before().layer(1).W().get(0, 0);
        double g = trace.gradients().get(0)[0], after = trace.after().layer(1).W().get(0, 0);
        for (int s = 0; s < 3; s++) trainer.step();
        assertEquals(a, trace.layer(1).a().get(0, 0), 0.0);
        assertEquals(w, trace.before().layer(1).W().get(0, 0), 0.0);
        assertEquals(g, trace.gradients().get(0)[0], 0.0);
        assertEquals(after, trace.after().layer(1).W().get(0, 0), 0.0);
        assertNotNull(trace.layer(1).mask());
        assertNotNull(trace.layer(1).aHat());
        assertNull(trace.layer(3).mask());
        assertNull(trace.layer(3).z());
    }
}
