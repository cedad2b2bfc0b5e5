package org.mlplayground.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mlplayground.train.Trainer;

class PairRunTest {

    @Test
    void eachRunOfThePairTrainsExactlyAsItsPresetAlone() {
        try (PairRun pair = new PairRun(HealthPreset.Comparison.SIGMOID_VS_RELU, 5)) {
            pair.step(40);
            Trainer top = HealthPreset.SIGMOID_SMALL_GAUSSIAN.trainer(), bottom = HealthPreset.RELU_HE.trainer();
            for (int k = 0; k < 40; k++) {
                top.step();
                bottom.step();
            }
            assertArrayEquals(new long[] {40, 40}, pair.steps());
            // The monitors saw the same steps as runs trained alone: compare their last measured gradient norms.
            GradientHealth topAlone = GradientHealth.measure(top.network(), 40), bottomAlone = GradientHealth.measure(bottom.network(), 40);
            for (int l = 1; l <= topAlone.depth(); l++) {
                assertEquals(topAlone.layer(l).dLdWNorm(), pair.topMonitor().latest().layer(l).dLdWNorm(), 0.0, "top layer " + l);
                assertEquals(bottomAlone.layer(l).dLdWNorm(), pair.bottomMonitor().latest().layer(l).dLdWNorm(), 0.0,
                        "bottom layer " + l);
            }
            assertEquals(40, pair.topMonitor().history().added());
        }
    }

    @Test
    void theSigmoidRunVanishesWhereTheReluRunDoesNot() {
        try (PairRun pair = new PairRun(HealthPreset.Comparison.SIGMOID_VS_RELU, 5)) {
            pair.step(1);
            double sick = pair.topMonitor().latest().firstToLastRatio();
            double healthy = pair.bottomMonitor().latest().firstToLastRatio();
            assertTrue(sick < 0.1, "sigmoid + small init: first/last = " + sick);
            assertTrue(healthy > 0.1 && healthy < 10, "ReLU + He: first/last = " + healthy);
        }
    }

    @Test
    void anExplodingRunStopsAtItsDivergenceWhileTheOtherGoesOn() {
        try (PairRun pair = new PairRun(HealthPreset.Comparison.EXPLODING, 5)) {
            pair.step(60);
            long[] steps = pair.steps();
            assertTrue(steps[0] < 60, "the N(0, 1) linear run stops early, at step " + steps[0]);
            assertEquals(60, steps[1], "the Xavier run trains every step");
            assertTrue(pair.stops()[0].contains("step"), pair.stops()[0]);
            assertEquals("", pair.stops()[1]);
        }
    }

    @Test
    void playTrainsOnItsOwnThreadAndResetStartsAgain() throws InterruptedException {
        try (PairRun pair = new PairRun(HealthPreset.Comparison.TANH_INIT, 3)) {
            assertFalse(pair.playing());
            pair.play();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (pair.steps()[1] < 30 && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(pair.steps()[1] >= 30, "played " + pair.steps()[1] + " steps");
            pair.pause();
            long[] paused = pair.steps();
            Thread.sleep(100);
            assertArrayEquals(paused, pair.steps(), "paused: no more steps");
            pair.reset();
            assertArrayEquals(new long[] {0, 0}, pair.steps());
            assertNull(pair.topMonitor().latest(), "a reset starts fresh monitors");
        }
    }
}
