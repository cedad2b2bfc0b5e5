package org.mlplayground.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.Trainer;

class GradientHealthMonitorTest {
    private static final int STEPS = 120;

    /** Trains a fresh run of {@code preset}, calling the monitor after the steps {@code attached} accepts. */
    private static Network train(HealthPreset preset, GradientMonitor monitor, LongPredicate attached) {
        Trainer trainer = preset.trainer();
        for (long k = 1; k <= STEPS; k++) {
            trainer.step();
            if (monitor != null && attached.test(k)) monitor.afterStep(trainer);
        }
        return trainer.network();
    }

    private static void assertBitIdentical(Network expected, Network actual, String what) {
        List<Parameter> want = expected.parameters(), got = actual.parameters();
        for (int b = 0; b < want.size(); b++) {
            assertArrayEquals(want.get(b).value(), got.get(b).value(), what + " " + want.get(b).name());
        }
        for (int s = 0; s < expected.runningStatistics().size(); s++) {
            assertArrayEquals(expected.runningStatistics().get(s), actual.runningStatistics().get(s), what + " statistics");
        }
    }

    @Test
    void trainingWithTheMonitorDetachedOrAttachedGivesBitIdenticalWeights() {
        for (HealthPreset preset : List.of(HealthPreset.RELU_HE, HealthPreset.SIGMOID_SMALL_GAUSSIAN_BATCH_NORM)) {
            Network without = train(preset, null, k -> false);
            Network detached = train(preset, new GradientMonitor(), k -> false);
            Network attached = train(preset, new GradientMonitor(), k -> true);
            Network sometimes = train(preset, new GradientMonitor(), k -> k >= 30 && k < 70);
            assertBitIdentical(without, detached, preset + " detached");
            assertBitIdentical(without, attached, preset + " attached");
            assertBitIdentical(without, sometimes, preset + " attached for steps 30 … 69");
        }
    }

    @Test
    void theMonitorMeasuresTheStepJustTakenWithItsUpdateRatio() {
        Trainer trainer = HealthPreset.TANH_XAVIER.trainer();
        GradientMonitor monitor = new GradientMonitor();
        assertNull(monitor.latest());
        trainer.step();
        monitor.afterStep(trainer);
        assertTrue(Double.isNaN(monitor.latest().layer(1).updateToWeight()), "first step seen: no weights before it");
        for (int k = 0; k < 5; k++) {
            List<double[]> before = GradientHealth.weightsOf(trainer.network());
            trainer.step();
            monitor.afterStep(trainer);
            GradientHealth expected = GradientHealth.measure(trainer.network(), trainer.stepCount(), before);
            assertEquals(expected.step(), monitor.latest().step());
            for (int l = 1; l <= expected.depth(); l++) {
                assertEquals(expected.layer(l).updateToWeight(), monitor.latest().layer(l).updateToWeight(), 0.0);
                assertEquals(expected.layer(l).dLdWNorm(), monitor.latest().layer(l).dLdWNorm(), 0.0);
            }
        }
        trainer.step();   // missed by the monitor
        trainer.step();
        monitor.afterStep(trainer);
        assertTrue(Double.isNaN(monitor.latest().layer(1).updateToWeight()), "after a missed step: no ratio");
    }

    @Test
    void theHistoryStaysBoundedAndKeepsFirstAndNewestStep() {
        Trainer trainer = HealthPreset.RELU_HE.trainer();
        GradientMonitor monitor = new GradientMonitor(8);
        for (int k = 0; k < 100; k++) {
            trainer.step();
            monitor.afterStep(trainer);
        }
        GradientHistory history = monitor.history();
        assertEquals(100, history.added());
        assertTrue(history.size() <= 8, "size " + history.size());
        List<GradientHistory.Point> points = history.points();
        assertEquals(history.size(), points.size());
        assertEquals(1, points.get(0).step());
        assertEquals(100, points.get(points.size() - 1).step());
        for (int i = 1; i < points.size(); i++) assertTrue(points.get(i).step() > points.get(i - 1).step());
        assertEquals(monitor.latest().layer(7).dLdWNorm(), points.get(points.size() - 1).dLdWNorm(7), 0.0);
    }

    @Test
    void aNewRunStartsANewHistory() {
        GradientMonitor monitor = new GradientMonitor();
        Trainer first = HealthPreset.RELU_HE.trainer();
        for (int k = 0; k < 3; k++) {
            first.step();
            monitor.afterStep(first);
        }
        Trainer second = HealthPreset.RELU_HE.trainer();
        second.step();
        monitor.afterStep(second);
        assertEquals(1, monitor.history().added());
    }

    @Test
    void theMonitorKeepsTheChainOnlyForOneNeuronPerLayer() {
        Trainer wide = HealthPreset.SIGMOID_SMALL_GAUSSIAN.trainer();
        GradientMonitor monitor = new GradientMonitor();
        wide.step();
        monitor.afterStep(wide);
        assertNull(monitor.latestChain(), "8 neurons per layer: no chain");

        org.mlplayground.train.TrainingConfig preset = HealthPreset.SIGMOID_SMALL_GAUSSIAN.config();
        List<org.mlplayground.train.TrainingConfig.HiddenLayer> ones = preset.hidden().stream()
                .map(l -> new org.mlplayground.train.TrainingConfig.HiddenLayer(1, l.phi(), 0, false)).toList();
        Trainer chain = HealthPreset.trainer(preset.withHidden(ones));
        chain.step();
        monitor.afterStep(chain);
        Chain seen = monitor.latestChain();
        Chain read = Chain.of(chain.network(), 0);
        assertEquals(2 * ones.size(), seen.factors().size(), "Φ'(a_i) and w_{i+1} for each of the 6 hidden layers");
        assertEquals(read.product(), seen.product(), 0.0);
        // Each sigmoid factor Φ'(a_i) is at most 1/4: the product of six of them, times the weights, is tiny.
        for (int i = 0; i < ones.size(); i++) assertTrue(seen.phiPrime()[i] <= 0.25 && seen.phiPrime()[i] > 0);
    }
}
