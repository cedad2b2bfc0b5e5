package org.mlplayground.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mlplayground.bench.GeneralisationStudy.Remedy;
import org.mlplayground.bench.GeneralisationStudy.Row;
import org.mlplayground.bench.GeneralisationStudy.Setup;
import org.mlplayground.bench.GeneralisationStudy.SpeedRun;
import org.mlplayground.optim.Sgd;

/**
 * What {@link GeneralisationStudy} finds, held on its own setups and seeds 1 … 5. The remedies' settings are
 * the ones its cross-validation inside the training points chose (λ, σ); the test points never chose
 * anything. The study's table shows more: in the spiral and noisy-circle setups dropout, early stopping and
 * bagging do not raise the test accuracy, so nothing here claims they do there. In its third setup, the
 * overlapping Gaussians with a wide cross-entropy net ({@link Setup#OVERLAPPING_GAUSSIANS}), L2, dropout,
 * early stopping and bagging each do, on at least four of the five seeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneralisationStudyTest {
    /** Chosen by the study's 5-fold cross-validation (its printed sweep), not on the test points. */
    private static final double SPIRAL_INPUT_NOISE = 0.4;
    private static final double CIRCLE_INPUT_NOISE = 0.8;
    private static final double CIRCLE_L2 = 1.0;
    /** Chosen by the study's 5-fold cross-validation for the overlapping Gaussians (its printed sweep). */
    private static final double GAUSSIANS_L2 = 1.0;
    private static final double GAUSSIANS_DROPOUT = 0.5;
    private static final int GAUSSIANS_PATIENCE = 10;
    /** Epochs after which the batch-norm comparison gives up. */
    private static final int BN_CAP = 300;

    /** The unregularised rows, trained once per setup and shared by the tests. */
    private final Map<Setup, Row> plain = new HashMap<>();

    private Row plain(Setup setup) {
        return plain.computeIfAbsent(setup, s -> Row.of(Remedy.none(), s, GeneralisationStudy.SEEDS));
    }

    @Test
    void theUnregularisedNetFitsTheSpiralsTrainingPointsButNotItsTestPoints() {
        Row none = plain(Setup.SPIRAL);
        double train = GeneralisationStudy.mean(none.train()), test = GeneralisationStudy.mean(none.test());
        report("spiral, none", none);
        assertTrue(train >= 0.95, String.format(Locale.ROOT, "train accuracy only %.1f %%", 100 * train));
        assertTrue(train - test >= 0.10, String.format(Locale.ROOT,
                "train %.1f %% vs test %.1f %%: a gap of %.1f points, not the 10 an overfitting net shows",
                100 * train, 100 * test, 100 * (train - test)));
    }

    @Test
    void gaussianInputNoiseRaisesTheSpiralsTestAccuracy() {
        assertImproves(Setup.SPIRAL, Remedy.inputNoise(SPIRAL_INPUT_NOISE), 0.03);
    }

    @Test
    void gaussianInputNoiseRaisesTheNoisyCirclesTestAccuracy() {
        assertImproves(Setup.NOISY_CIRCLE, Remedy.inputNoise(CIRCLE_INPUT_NOISE), 0.02);
    }

    @Test
    void l2RaisesTheNoisyCirclesTestAccuracy() {
        assertImproves(Setup.NOISY_CIRCLE, Remedy.l2(CIRCLE_L2), 0.01);
    }

    @Test
    void theWideNetMemorisesTheOverlappingGaussians() {
        Row none = plain(Setup.OVERLAPPING_GAUSSIANS);
        double train = GeneralisationStudy.mean(none.train()), test = GeneralisationStudy.mean(none.test());
        report("gaussians, none", none);
        assertTrue(train >= 0.98, String.format(Locale.ROOT, "train accuracy only %.1f %%", 100 * train));
        assertTrue(train - test >= 0.08, String.format(Locale.ROOT,
                "train %.1f %% vs test %.1f %%: a gap of %.1f points, not the 8 an overfitting net shows",
                100 * train, 100 * test, 100 * (train - test)));
    }

    @Test
    void l2RaisesTheOverlappingGaussiansTestAccuracy() {
        assertImprovesOnMostSeeds(Remedy.l2(GAUSSIANS_L2), 0.02);
    }

    @Test
    void dropoutRaisesTheOverlappingGaussiansTestAccuracy() {
        assertImprovesOnMostSeeds(Remedy.dropout(GAUSSIANS_DROPOUT), 0.02);
    }

    @Test
    void earlyStoppingRaisesTheOverlappingGaussiansTestAccuracy() {
        assertImprovesOnMostSeeds(Remedy.earlyStopping(GAUSSIANS_PATIENCE), 0.02);
    }

    /**
     * The smallest of the four effects (+2.0 points on seeds 1 … 5; on seeds 1 … 20, outside this test, +1.1
     * points, better on 14 of them), hence the smaller margin.
     */
    @Test
    void baggingRaisesTheOverlappingGaussiansTestAccuracy() {
        assertImprovesOnMostSeeds(Remedy.bagging(GeneralisationStudy.MEMBERS), 0.01);
    }

    /**
     * On {@link Setup#OVERLAPPING_GAUSSIANS}: mean test accuracy over the seeds at least {@code margin} above
     * the unregularised run's, and strictly above it on all seeds but at most one (paired: same data, split
     * and initial weights).
     */
    private void assertImprovesOnMostSeeds(Remedy remedy, double margin) {
        Setup setup = Setup.OVERLAPPING_GAUSSIANS;
        double[] none = plain(setup).test(), treated = assertImproves(setup, remedy, margin).test();
        long better = IntStream.range(0, none.length).filter(i -> treated[i] > none[i]).count();
        assertTrue(better >= none.length - 1, String.format(Locale.ROOT, "%s (%s) beats no remedy on only %d of %d seeds",
                remedy.name(), remedy.setting(), better, none.length));
    }

    /** Mean test accuracy over the seeds at least {@code margin} above the unregularised run's. */
    private Row assertImproves(Setup setup, Remedy remedy, double margin) {
        Row none = plain(setup), treated = Row.of(remedy, setup, GeneralisationStudy.SEEDS);
        report(setup.generator().id() + ", none", none);
        report(setup.generator().id() + ", " + remedy.name() + " " + remedy.setting(), treated);
        double gain = GeneralisationStudy.mean(treated.test()) - GeneralisationStudy.mean(none.test());
        assertTrue(gain >= margin, String.format(Locale.ROOT, "%s (%s) changes the mean test accuracy by %+.1f points, "
                + "expected at least %+.1f", remedy.name(), remedy.setting(), 100 * gain, 100 * margin));
        return treated;
    }

    private static void report(String what, Row row) {
        System.out.printf(Locale.ROOT, "%-32s train %s, test %s%n", what, percentages(row.train()), percentages(row.test()));
    }

    private static String percentages(double[] fractions) {
        return Arrays.toString(Arrays.stream(fractions).map(f -> Math.round(1000 * f) / 10.0).toArray());
    }

    @Test
    void batchNormLetsTheDeepSigmoidNetReachTheTargetLossInFewerEpochs() {
        SpeedRun plainRun = new SpeedRun(Sgd.Settings.DEFAULTS, 0.03, false);
        SpeedRun normalised = new SpeedRun(Sgd.Settings.DEFAULTS, 0.03, true);
        for (long seed : GeneralisationStudy.SEEDS) {
            int withBn = normalised.epochsToTarget(seed, BN_CAP), without = plainRun.epochsToTarget(seed, BN_CAP);
            System.out.printf(Locale.ROOT, "seed %d: epochs to loss %.2f with batch norm %s, without %s%n", seed,
                    GeneralisationStudy.TARGET_LOSS, shown(withBn), shown(without));
            assertTrue(withBn <= BN_CAP, "seed " + seed + ": batch norm did not reach the target loss in " + BN_CAP + " epochs");
            assertTrue(withBn < without, "seed " + seed + ": batch norm took " + withBn + " epochs, without it " + without);
        }
    }

    private static String shown(int epochs) {
        return epochs > BN_CAP ? "> " + BN_CAP : String.valueOf(epochs);
    }
}
