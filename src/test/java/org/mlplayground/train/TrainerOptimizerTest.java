package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
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
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.PolyakAverage;
import org.mlplayground.optim.Schedule;

/** The trainer steps through the optim package, takes live settings, and records metrics per epoch. */
class TrainerOptimizerTest {
    private static final NetworkSpec SPEC = NetworkSpec.input(2)
            .dense(8, Activation.tanh())
            .dense(8, Activation.tanh())
            .dense(1, Activation.tanh())
            .loss(Loss.MSE);
    private static final Dataset.Split SPLIT = Generators.circle(500, 0.0, 3).split(0.5, 3);

    private static Network net() {
        return Network.create(SPEC, Initializer.XAVIER_UNIFORM, 3);
    }

    private static List<double[]> weights(Network net) {
        List<double[]> copy = new ArrayList<>();
        for (Parameter p : net.parameters()) copy.add(Arrays.copyOf(p.value(), p.size()));
        return copy;
    }

    private static void assertSameWeights(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int b = 0; b < expected.size(); b++) assertArrayEquals(expected.get(b), actual.get(b), "block " + b);
    }

    @Test
    void defaultSgdGivesBitIdenticalWeightsToPlainGradientDescent() {
        Network viaTrainer = net(), byHand = net();
        Trainer trainer = new Trainer(viaTrainer, SPLIT.train(), 10, 0.03, 5);
        // The same shuffle as the trainer's: replay its batches from h_0 after every step.
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        for (int s = 0; s < 60; s++) {
            trainer.step();
            DMatrixRMaj x = viaTrainer.input().copy();
            y.reshape(1, x.numCols);
            for (int c = 0; c < x.numCols; c++) y.set(0, c, Math.hypot(x.get(0, c), x.get(1, c)) < 2.5 ? 1 : -1);
            byHand.backprop(x, y);
            for (Parameter p : byHand.parameters()) {          // θ ← θ − γ ∂L/∂θ, written out
                for (int i = 0; i < p.size(); i++) p.value()[i] -= 0.03 * p.gradient()[i];
            }
        }
        assertSameWeights(weights(byHand), weights(viaTrainer));
    }

    @Test
    void switchingOptimizerLeavesTheWeightsAndChangesTheNextStep() {
        Network net = net();
        Trainer trainer = new Trainer(net, SPLIT.train(), 10, 0.03, 5);
        for (int s = 0; s < 10; s++) trainer.step();
        List<double[]> before = weights(net);

        trainer.setOptimizer(Adam.Settings.DEFAULTS);
        assertSameWeights(before, weights(net));
        assertEquals("adam", trainer.settings().optimizer().id());

        // Adam's first step moves every weight by about γ (its bias-corrected ratio is ±1), unlike SGD's.
        trainer.step();
        List<double[]> after = weights(net);
        double[] w = after.get(0), w0 = before.get(0);
        for (int i = 0; i < w.length; i++) assertEquals(0.03, Math.abs(w[i] - w0[i]), 1e-6, "W1[" + i + "]");
    }

    @Test
    void aRetunedOptimizerOfAnotherKindIsRejected() {
        Trainer trainer = new Trainer(net(), SPLIT.train(), 10, 0.03, 5);
        assertThrows(IllegalArgumentException.class, () -> trainer.retune(Momentum.Settings.DEFAULTS));
    }

    @Test
    void theScheduleSetsTheRateOfEveryStep() {
        Network net = net(), reference = net();
        Trainer trainer = new Trainer(net, SPLIT.train(), 500, 0.1, 5);
        Trainer constant = new Trainer(reference, SPLIT.train(), 500, 0.1, 5);
        trainer.setSchedule(new Schedule.StepDecay(0.1, 0.5, 1));
        trainer.step();
        constant.step();
        assertSameWeights(weights(reference), weights(net));   // k = 0: γ_0 for both

        // One full batch per epoch: both see the same batch; only the rate differs, 0.05 against 0.1.
        List<double[]> start = weights(net);
        trainer.step();
        List<double[]> halfStep = weights(net);
        constant.step();
        List<double[]> fullStep = weights(reference);
        double[] w0 = start.get(0), half = halfStep.get(0), full = fullStep.get(0);
        for (int i = 0; i < w0.length; i++) assertEquals(2 * (half[i] - w0[i]), full[i] - w0[i], 1e-14, "W1[" + i + "]");
    }

    @Test
    void polyakAveragedWeightsAreTheMeanOfTheIteratesWhileTheRawOnesTrain() {
        Network net = net();
        Trainer trainer = new Trainer(net, SPLIT.train(), 10, 0.03, 5);
        trainer.setAveraging(new PolyakAverage.Uniform());
        assertTrue(trainer.averagedNetwork().isEmpty(), "nothing averaged before the first step");
        double[] sum = new double[net.parameters().get(0).size()];
        for (int s = 0; s < 4; s++) {
            trainer.step();
            double[] w = net.parameters().get(0).value();
            for (int i = 0; i < sum.length; i++) sum[i] += w[i];
        }
        Network averaged = trainer.averagedNetwork().orElseThrow();
        double[] mean = averaged.parameters().get(0).value();
        for (int i = 0; i < sum.length; i++) assertEquals(sum[i] / 4, mean[i], 1e-15);
        assertFalse(Arrays.equals(mean, net.parameters().get(0).value()), "the raw weights are the last iterate");

        trainer.setAveraging(null);
        trainer.step();
        assertTrue(trainer.averagedNetwork().isEmpty());
    }

    @Test
    void metricsAreRecordedAfterEveryEpochOnBothSets() {
        Trainer trainer = new Trainer(net(), SPLIT.train(), SPLIT.test(), TrainingSettings.gradientDescent(0.03, 10), 5);
        for (int e = 0; e < 3; e++) trainer.runEpoch();

        List<EpochMetrics> points = trainer.history().points();
        assertEquals(List.of(1, 2, 3), points.stream().map(EpochMetrics::epoch).toList());
        assertEquals(List.of(25L, 50L, 75L), points.stream().map(EpochMetrics::step).toList());
        EpochMetrics last = points.get(2);
        Trainer.Evaluation test = Trainer.evaluate(trainer.network(), SPLIT.test());
        Trainer.Evaluation train = Trainer.evaluate(trainer.network(), SPLIT.train());
        assertEquals(test.loss(), last.testLoss());
        assertEquals(test.accuracy(), last.testAccuracy());
        assertEquals(train.loss(), last.trainLoss());
        assertEquals(train.accuracy(), last.trainAccuracy());
    }

    @Test
    void settingsPostedFromAnotherThreadWhileTrainingTakeEffectByTheNextStep() throws Exception {
        Trainer trainer = new Trainer(net(), SPLIT.train(), SPLIT.test(), TrainingSettings.gradientDescent(0.01, 10), 5);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread training = new Thread(() -> {
            try {
                started.countDown();
                while (trainer.epoch() < 40) trainer.step();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        training.start();
        started.await();
        String[] optimizers = {"momentum", "adam", "rmsprop", "sgd", "nesterov", "adagrad"};
        for (int i = 0; training.isAlive() && i < 3000; i++) {
            trainer.setLearningRate(0.001 + (i % 10) * 0.001);
            trainer.setBatchSize(1 + i % 25);
            trainer.setClipping(i % 3 == 0 ? new Clipping.None() : new Clipping.ByNorm(1 + i % 5));
            trainer.setSchedule(new Schedule.Inverse(0.005, 0.001 * (i % 4)));
            trainer.setAveraging(i % 2 == 0 ? null : new PolyakAverage.Exponential(0.9));
            if (i % 7 == 0) trainer.setOptimizer(Hyperparameters.defaults(optimizers[i % optimizers.length]));
        }
        training.join();
        assertEquals(null, failure.get(), "training while settings change must not throw");

        // Quiet now: a setting posted between two steps is the one the next step uses.
        trainer.setBatchSize(7);
        trainer.setOptimizer(Adam.Settings.DEFAULTS);
        trainer.setSchedule(new Schedule.Constant(0.02));
        trainer.setClipping(new Clipping.None());
        List<double[]> before = weights(trainer.network());
        long steps = trainer.stepCount();
        trainer.step();
        assertEquals(steps + 1, trainer.stepCount());
        int batch = trainer.network().input().numCols;
        assertTrue(batch <= 7, "the next batch has the new size (or is the epoch's shorter rest), got " + batch);
        double[] w0 = before.get(0), w = trainer.network().parameters().get(0).value();
        double[] g = trainer.network().parameters().get(0).gradient();
        for (int i = 0; i < w0.length; i++) {
            // A fresh Adam's first step: m̂ = g, v̂ = g², so |Δw| = γ |g| / (|g| + ε), which is γ unless |g| is tiny.
            double expected = 0.02 * Math.abs(g[i]) / (Math.abs(g[i]) + 1e-8);
            assertEquals(expected, Math.abs(w[i] - w0[i]), 1e-12, "a fresh Adam's first step is γ |g|/(|g| + ε) per weight");
        }
    }
}
