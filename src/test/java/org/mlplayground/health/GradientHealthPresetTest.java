package org.mlplayground.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Initializer;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

/**
 * The presets show what COURSE.md §4 says, measured on the first steps of each run. "First" and "last" are the
 * first and last hidden layers, 1 and 6; "at the start" is the mean of the ratio over steps 1 … 5.
 */
class GradientHealthPresetTest {
    private static final int START = 5;

    /** ‖∂L/∂W_1‖/‖∂L/∂W_6‖ of steps 1 … 5 of a fresh run of the preset. */
    private static double[] startRatios(HealthPreset preset) {
        Trainer trainer = preset.trainer();
        double[] ratios = new double[START];
        for (int k = 0; k < START; k++) {
            trainer.step();
            ratios[k] = GradientHealth.measure(trainer.network(), trainer.stepCount()).firstToLastRatio();
        }
        return ratios;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    @Test
    void deepSigmoidWithSmallInitLearnsItsFirstLayerFarSlowerThanItsLast() {
        double[] ratios = startRatios(HealthPreset.SIGMOID_SMALL_GAUSSIAN);
        // Measured: 1.6e-10, 1.8e-11, 3.6e-10, 7.9e-10, 3.3e-12; mean 2.7e-10. Each layer down multiplies δ by
        // about σ'·|w|·√8 ≈ 0.25 · 0.01 · 2.8 ≈ 0.007.
        assertTrue(mean(ratios) < 0.1, "mean first-to-last ratio " + mean(ratios));
        for (double r : ratios) assertTrue(r < 1e-6, "ratio " + r);
    }

    @Test
    void reluWithHeInitKeepsFirstAndLastLayerWithinTenfold() {
        double[] ratios = startRatios(HealthPreset.RELU_HE);
        // Measured: 0.83, 1.57, 0.78, 2.96, 0.56; mean 1.34.
        double m = mean(ratios);
        assertTrue(m > 0.1 && m < 10, "mean first-to-last ratio " + m);
        for (double r : ratios) assertTrue(r > 0.1 && r < 10, "ratio " + r);
    }

    @Test
    void batchNormRescuesTheDeepSigmoid() {
        double m = mean(startRatios(HealthPreset.SIGMOID_SMALL_GAUSSIAN_BATCH_NORM));
        // Measured mean 1.61: 1/σ_B of each layer undoes the 0.01 of its weights on the way back.
        assertTrue(m > 0.1 && m < 10, "mean first-to-last ratio " + m);
    }

    @Test
    void largeInitWithLinearLayersExplodesFromTheFirstStep() {
        Trainer large = HealthPreset.LINEAR_LARGE.trainer(), xavier = HealthPreset.LINEAR_XAVIER.trainer();
        GradientHealth exploding = firstStep(large), healthy = firstStep(xavier);
        // Measured: δ_1/δ_6 = 133 (≈ √8⁵ = 181: ×√8 per layer on the way back) against 0.36 with Xavier.
        assertTrue(exploding.firstToLastDeltaRatio() > 10, "δ ratio " + exploding.firstToLastDeltaRatio());
        assertTrue(healthy.firstToLastDeltaRatio() < 1, "δ ratio " + healthy.firstToLastDeltaRatio());
        assertEquals("δ at layer 1 is 133× larger than at layer 6", exploding.firstToLastDeltaSentence());
        // Measured update-to-weight ratios 0.22 … 4.8 per layer against 1e-4 … 1e-3 with Xavier.
        for (int l = 1; l <= exploding.depth(); l++) {
            assertTrue(exploding.layer(l).updateToWeight() > 0.1, "layer " + l + ": " + exploding.layer(l).updateToWeight());
            assertTrue(healthy.layer(l).updateToWeight() < 0.01, "layer " + l + ": " + healthy.layer(l).updateToWeight());
        }
    }

    private static GradientHealth firstStep(Trainer trainer) {
        List<double[]> before = GradientHealth.weightsOf(trainer.network());
        trainer.step();
        return GradientHealth.measure(trainer.network(), trainer.stepCount(), before);
    }

    @Test
    void bothRunsOfAComparisonShareDataSeedAndEverythingButLayersAndInit() {
        for (HealthPreset.Comparison c : HealthPreset.Comparison.values()) {
            TrainingConfig top = c.top().config(), bottom = c.bottom().config();
            assertEquals(bottom, top.withHidden(bottom.hidden()).withInit(bottom.init()), c.title());
            assertEquals(HealthPreset.HIDDEN_LAYERS, top.hidden().size());
            assertEquals(HealthPreset.NEURONS, top.hidden().get(0).size());
        }
    }

    @Test
    void largeGaussianDrawsStandardNormalWeights() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 20_000;
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++) {
            double w = Initializer.LARGE_GAUSSIAN.draw(8, 8, random);
            sum += w;
            squares += w * w;
        }
        assertEquals(0, sum / n, 0.03);
        assertEquals(1, squares / n, 0.05);
        assertEquals(Initializer.LARGE_GAUSSIAN, Initializer.byId("large-gaussian"));
    }
}
