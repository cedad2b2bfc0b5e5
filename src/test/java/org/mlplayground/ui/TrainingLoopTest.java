package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.Regularization;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;
import org.testfx.util.WaitForAsyncUtils;

class TrainingLoopTest {

    @Test
    void initialSnapshotIsReadyBeforeTheThreadStarts() {
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults())) {
            Snapshot first = loop.latest();
            assertEquals(0, first.step());
            assertFalse(first.running());
            assertTrue(first.trainLoss() > 0);
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersStepForStep() throws TimeoutException {
        Snapshot a = stepped(TrainingConfig.defaults().withSeed(7), 60);
        Snapshot b = stepped(TrainingConfig.defaults().withSeed(7), 60);
        assertEquals(a.trainLoss(), b.trainLoss(), 0.0);
        assertEquals(a.testLoss(), b.testLoss(), 0.0);
    }

    @Test
    void aDifferentSeedGivesADifferentRun() {
        try (TrainingLoop a = new TrainingLoop(TrainingConfig.defaults());
                TrainingLoop b = new TrainingLoop(TrainingConfig.defaults().withSeed(2))) {
            assertTrue(a.latest().trainLoss() != b.latest().trainLoss());
        }
    }

    @Test
    void pausingStopsTrainingBeforeTheNextMiniBatch() throws TimeoutException {
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults())) {
            loop.start();
            loop.play();
            await(loop, s -> s.running() && s.epoch() >= 3);
            loop.pause();
            Snapshot paused = await(loop, s -> !s.running());
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            assertEquals(paused.step(), loop.latest().step());
        }
    }

    @Test
    void regularizationReachesTheTrainerAndSurvivesReset() throws TimeoutException {
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults())) {
            loop.start();
            loop.configure(regularized(new Penalty.L1(3), 0.2));
            for (int i = 0; i < 5; i++) loop.step();
            await(loop, s -> s.step() == 5);
            loop.reset();
            Snapshot reset = await(loop, s -> s.step() == 0);
            assertEquals(new Regularization(new Penalty.L1(3), List.of(0.2, 0.2)), reset.regularization());
        }
    }

    @Test
    void snapshotSplitsTheCostIntoDataTermAndPenalty() throws TimeoutException {
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults())) {
            loop.start();
            loop.configure(regularized(new Penalty.L2(1), 0));
            for (int i = 0; i < 30; i++) loop.step();
            Snapshot s = await(loop, t -> t.step() == 30);
            double sumOfSquares = 0;
            for (Parameter p : s.network().parameters()) {
                if (!p.weight()) continue;
                for (int i = 0; i < p.size(); i++) sumOfSquares += p.value()[i] * p.value()[i];
            }
            assertEquals(1.0 / (2 * s.data().train().size()) * sumOfSquares, s.penalty(), 1e-12);
            assertEquals(Trainer.evaluate(s.network(), s.data().train()).loss(), s.trainLoss(), 1e-12);
        }
    }

    @Test
    void withoutAPenaltyThePenaltyIsZero() {
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults())) {
            assertEquals(0.0, loop.latest().penalty());
            assertEquals(18, loop.latest().weightCount());
            assertEquals(0, loop.latest().zeroWeights());
        }
    }

    @Test
    void aDropoutRateOfOneIsRefusedWhereItIsMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> regularized(new Penalty.None(), 1.0));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
    }

    @Test
    void aLargeRunGetsItsExactNumbersAndEpochMetricsFromTheRefiner() throws TimeoutException {
        List<TrainingConfig.HiddenLayer> layers = new java.util.ArrayList<>();
        for (int l = 0; l < 8; l++) layers.add(new TrainingConfig.HiddenLayer(16, org.mlplayground.engine.Activation.tanh()));
        TrainingConfig large = TrainingConfig.defaults().withHidden(layers)
                .withData(org.mlplayground.data.DataRecipe.of(org.mlplayground.data.Generator.CIRCLE, 1).withPoints(5000));
        try (TrainingLoop loop = new TrainingLoop(large)) {
            loop.setSpeed(500);
            loop.start();
            loop.play();
            Snapshot playing = await(loop, s -> s.history().size() >= 2);
            for (int i = 1; i < playing.history().size(); i++) {
                assertTrue(playing.history().get(i).epoch() > playing.history().get(i - 1).epoch(), "epochs in order");
            }
            loop.pause();
            // Paused: the numbers on display become those of exactly the weights on display.
            Snapshot exact = await(loop, s -> !s.running()
                    && s.trainLoss() == Trainer.evaluate(s.network(), s.data().train()).loss());
            assertEquals(Trainer.evaluate(exact.network(), exact.data().test()).loss(), exact.testLoss(), 0.0);
            assertEquals(org.mlplayground.ui.FieldEvaluator.SIZE, await(loop, s -> s.field().size()
                    == org.mlplayground.ui.FieldEvaluator.SIZE).field().size(), "the full-resolution picture when paused");
        }
    }

    @Test
    void aLargeNetworksTraceGetsItsGradientCheckFromTheRefiner() throws TimeoutException {
        List<TrainingConfig.HiddenLayer> layers = new java.util.ArrayList<>();
        for (int l = 0; l < 8; l++) layers.add(new TrainingConfig.HiddenLayer(16, org.mlplayground.engine.Activation.tanh()));
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults().withHidden(layers))) {
            loop.start();
            loop.traceStep();
            Snapshot stepped = await(loop, s -> s.step() == 1);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> loop.latestTrace() != null && loop.latestTrace().checked());
            org.mlplayground.train.BackpropTrace trace = loop.latestTrace();
            assertEquals(1, trace.step());
            assertTrue(trace.maxRelativeError() < 1e-6, "tanh: the check agrees, " + trace.maxRelativeError());
            for (int b = 0; b < trace.after().parameters().size(); b++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(trace.after().parameters().get(b).value(),
                        stepped.network().parameters().get(b).value(), 0.0, "the traced step is the step on display");
            }
        }
    }

    /** The default config with this penalty and p in both hidden layers. */
    private static TrainingConfig regularized(Penalty penalty, double p) {
        TrainingConfig c = TrainingConfig.defaults();
        return c.withPenalty(penalty).withHidden(c.hidden().stream().map(l -> l.withDropout(p)).toList());
    }

    private static Snapshot stepped(TrainingConfig setup, int steps) throws TimeoutException {
        try (TrainingLoop loop = new TrainingLoop(setup)) {
            loop.start();
            for (int i = 0; i < steps; i++) loop.step();
            return await(loop, s -> s.step() == steps);
        }
    }

    private static Snapshot await(TrainingLoop loop, Predicate<Snapshot> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> condition.test(loop.latest()));
        return loop.latest();
    }
}
