package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Feature;
import org.mlplayground.data.FeatureMap;
import org.mlplayground.data.Generators;
import org.mlplayground.data.InputMap;
import org.mlplayground.data.Standardizer;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.PolyakAverage;
import org.mlplayground.optim.Schedule;

/** Bagging, seed and snapshot ensembles: their resamples, seeds, snapshots, cancellation and benefit. */
class EnsembleTrainerTest {
    private static final NetworkSpec SPEC = NetworkSpec.input(2)
            .dense(8, Activation.tanh())
            .dense(8, Activation.tanh())
            .dense(1, Activation.tanh())
            .loss(Loss.MSE);
    /** 60 training and 140 test points of a noisy circle: few enough that a network overfits them. */
    private static final Dataset.Split CIRCLE = Generators.circle(200, 0.5, 1).split(0.3, 1);
    private static final Consumer<EnsembleTrainer.Progress> QUIET = p -> { };
    private static final BooleanSupplier GO_ON = () -> false;

    private static EnsembleTrainer trainer(TrainingSettings settings, int epochs, long seed) {
        return new EnsembleTrainer(SPEC, Initializer.XAVIER_UNIFORM, settings, CIRCLE.train(), CIRCLE.test(), epochs, seed);
    }

    private static EnsembleTrainer trainer(int epochs, long seed) {
        return trainer(TrainingSettings.gradientDescent(0.1, 10), epochs, seed);
    }

    private static List<double[]> parameters(Network net) {
        List<double[]> values = new ArrayList<>();
        for (Parameter p : net.parameters()) values.add(Arrays.copyOf(p.value(), p.size()));
        return values;
    }

    private static void assertSameWeights(Network expected, Network actual, String what) {
        List<double[]> e = parameters(expected), a = parameters(actual);
        for (int b = 0; b < e.size(); b++) assertArrayEquals(e.get(b), a.get(b), what + ", block " + b);
    }

    private static boolean sameWeights(Network a, Network b) {
        List<double[]> pa = parameters(a), pb = parameters(b);
        for (int i = 0; i < pa.size(); i++) if (!Arrays.equals(pa.get(i), pb.get(i))) return false;
        return true;
    }

    @Test
    void aBootstrapResampleDrawsNExamplesWithReplacementFromTheOriginals() {
        Dataset data = Generators.circle(10_000, 0.1, 2);
        Dataset resample = EnsembleTrainer.bootstrap(data, 17);

        assertEquals(data.size(), resample.size());
        IdentityHashMap<double[], Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < data.size(); i++) index.put(data.x()[i], i);
        Set<double[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < resample.size(); i++) {
            Integer original = index.get(resample.x()[i]);
            assertTrue(original != null, "example " + i + " is not one of the originals");
            assertEquals(data.y()[original], resample.y()[i], 0, "example " + i + " keeps its label");
            distinct.add(resample.x()[i]);
        }
        // P(an example is never drawn in n draws) = (1 − 1/n)^n → 1/e, so 1 − 1/e ≈ 0.632 appear; the
        // standard deviation of the share is √((e^−1 − 2e^−2)/n) ≈ 0.003 for n = 10,000.
        double share = (double) distinct.size() / data.size();
        assertEquals(1 - Math.exp(-1), share, 0.01, "share of distinct examples");
    }

    @Test
    void theSameSeedGivesTheSameResampleAndAnotherSeedAnother() {
        Dataset data = Generators.circle(500, 0.1, 2);
        Dataset first = EnsembleTrainer.bootstrap(data, 5), again = EnsembleTrainer.bootstrap(data, 5);
        Dataset other = EnsembleTrainer.bootstrap(data, 6);
        for (int i = 0; i < data.size(); i++) assertSame(first.x()[i], again.x()[i]);
        assertArrayEquals(first.y(), again.y());
        assertFalse(Arrays.equals(first.x(), other.x()));
    }

    @Test
    void seedMembersDifferFromEachOtherAndTheSameArgumentsGiveTheSameEnsemble() {
        Ensemble first = trainer(5, 7).seeds(3, QUIET, GO_ON), again = trainer(5, 7).seeds(3, QUIET, GO_ON);

        assertEquals(Ensemble.Kind.SEEDS, first.kind());
        assertEquals(List.of("seed 7", "seed 8", "seed 9"), first.labels());
        for (int i = 0; i < 3; i++) {
            assertSameWeights(first.member(i), again.member(i), "member " + i);
            for (int j = i + 1; j < 3; j++) assertFalse(sameWeights(first.member(i), first.member(j)), i + " and " + j);
        }
        Ensemble other = trainer(5, 8).seeds(1, QUIET, GO_ON);
        assertSameWeights(first.member(1), other.member(0), "seed 8 is seed 8, whatever the ensemble's first seed");
    }

    @Test
    void memberIFollowsTheDocumentedSeedsWhateverK() {
        // Member i runs with s = seed + i: weights from s; shuffling, then for bagging the resample, from
        // new SplittableRandom(s).split().
        long seed = 11;
        int epochs = 4;
        SplittableRandom streams = new SplittableRandom(seed + 1).split();
        long shuffleSeed = streams.nextLong(), resampleSeed = streams.nextLong();
        TrainingSettings settings = TrainingSettings.gradientDescent(0.1, 10);

        Network bySeed = Network.create(SPEC, Initializer.XAVIER_UNIFORM, seed + 1);
        Trainer seedRun = new Trainer(bySeed, CIRCLE.train(), null, settings, shuffleSeed);
        for (int e = 0; e < epochs; e++) seedRun.runEpoch();
        Network byBootstrap = Network.create(SPEC, Initializer.XAVIER_UNIFORM, seed + 1);
        Trainer bootstrapRun = new Trainer(byBootstrap, EnsembleTrainer.bootstrap(CIRCLE.train(), resampleSeed), null,
                settings, shuffleSeed);
        for (int e = 0; e < epochs; e++) bootstrapRun.runEpoch();

        assertSameWeights(bySeed, trainer(settings, epochs, seed).seeds(2, QUIET, GO_ON).member(1), "seeds, member 1");
        assertSameWeights(byBootstrap, trainer(settings, epochs, seed).bagging(3, QUIET, GO_ON).member(1), "bagging, member 1");
    }

    @Test
    void withPolyakAveragingTheMembersAreTheAveragedWeights() {
        TrainingSettings settings = TrainingSettings.gradientDescent(0.1, 10).withAveraging(new PolyakAverage.Uniform());
        long seed = 3;
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, seed);
        Trainer run = new Trainer(net, CIRCLE.train(), null, settings, new SplittableRandom(seed).split().nextLong());
        for (int e = 0; e < 4; e++) run.runEpoch();

        Network member = trainer(settings, 4, seed).seeds(1, QUIET, GO_ON).member(0);
        assertSameWeights(run.averagedNetwork().orElseThrow(), member, "averaged");
        assertFalse(sameWeights(net, member), "the raw weights are not the member");
    }

    @Test
    void baggingMembersTrainOnDifferentResamplesAndAreReproducible() {
        Ensemble first = trainer(5, 2).bagging(3, QUIET, GO_ON), again = trainer(5, 2).bagging(3, QUIET, GO_ON);
        assertEquals(Ensemble.Kind.BAGGING, first.kind());
        assertEquals(List.of("bootstrap 1", "bootstrap 2", "bootstrap 3"), first.labels());
        for (int i = 0; i < 3; i++) assertSameWeights(first.member(i), again.member(i), "member " + i);
        // Same initial weights (seed 2) as the seeds ensemble's first member; only the data differ.
        assertFalse(sameWeights(first.member(0), trainer(5, 2).seeds(1, QUIET, GO_ON).member(0)));
    }

    @Test
    void snapshotsAreTakenEveryEpochsOverKEpochsAlongOneRun() {
        // The first 6 epochs of a 18-epoch run are a whole 6-epoch run; its end is a 1-member seeds ensemble.
        Ensemble three = trainer(18, 4).snapshots(3, QUIET, GO_ON);
        assertEquals(Ensemble.Kind.SNAPSHOTS, three.kind());
        assertEquals(List.of("epoch 6", "epoch 12", "epoch 18"), three.labels());
        assertSameWeights(trainer(6, 4).snapshots(1, QUIET, GO_ON).member(0), three.member(0), "epoch 6");
        assertSameWeights(trainer(12, 4).seeds(1, QUIET, GO_ON).member(0), trainer(12, 4).snapshots(2, QUIET, GO_ON).member(1),
                "epoch 12");
        assertFalse(sameWeights(three.member(0), three.member(1)));
    }

    @Test
    void cyclicCosineSnapshotsRestartTheRateAtEverySnapshot() {
        // 60 examples in batches of 10: 6 steps per epoch, T = 6 · 5 = 30 steps per 5-epoch cycle. The first
        // cycle of a 3-cycle run is the whole of a 1-cycle run with the same T.
        Ensemble cyclic = trainer(15, 4).cyclicCosineSnapshots(3, QUIET, GO_ON);
        assertEquals(List.of("epoch 5", "epoch 10", "epoch 15"), cyclic.labels());
        assertSameWeights(trainer(5, 4).cyclicCosineSnapshots(1, QUIET, GO_ON).member(0), cyclic.member(0), "first cycle");

        Network manual = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 4);
        TrainingSettings cosine = TrainingSettings.gradientDescent(0.1, 10)
                .withSchedule(new Schedule.CyclicCosine(0.1, 30));
        Trainer run = new Trainer(manual, CIRCLE.train(), null, cosine, new SplittableRandom(4).split().nextLong());
        for (int e = 0; e < 10; e++) run.runEpoch();
        assertSameWeights(manual, cyclic.member(1), "epoch 10 under γ_0/2 · (1 + cos(π (k mod 30)/30))");
        assertFalse(sameWeights(cyclic.member(1), trainer(15, 4).snapshots(3, QUIET, GO_ON).member(1)),
                "the constant rate gives other snapshots");
    }

    @Test
    void earlyStoppingEndsAMemberAtItsBestEpochAndTheNextMemberStartsOnTime() {
        Dataset.Split trainAndRest = Generators.circle(300, 0.5, 2).split(0.5, 2);
        Dataset.Split validationAndTest = trainAndRest.test().split(0.5, 2);
        TrainingData data = TrainingData.of(trainAndRest.train(), validationAndTest.train(), validationAndTest.test());
        TrainingSettings settings = TrainingSettings.gradientDescent(0.1, 10).withEarlyStopping(new EarlyStopping(3, 0));
        int epochs = 300;

        Network manual = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 5);
        Trainer run = new Trainer(manual, data, settings, new SplittableRandom(5).split().nextLong());
        while (run.earlyStop().isEmpty() && run.epoch() < epochs) run.runEpoch();
        assertTrue(run.earlyStop().isPresent() && run.epoch() < epochs, "this run should stop early, at epoch " + run.epoch());

        List<EnsembleTrainer.Progress> reports = new ArrayList<>();
        Ensemble ensemble = new EnsembleTrainer(SPEC, Initializer.XAVIER_UNIFORM, settings, data, epochs, 5)
                .seeds(2, reports::add, GO_ON);
        assertSameWeights(manual, ensemble.member(0), "seed 5, stopped early with its best weights");
        long firstMember = reports.stream().filter(p -> p.member().equals("seed 5")).count();
        assertEquals(run.epoch(), firstMember);
        EnsembleTrainer.Progress next = reports.get((int) firstMember);
        assertEquals("seed 6", next.member());
        assertEquals(epochs + 1, next.epochsDone(), "the stopped member's remaining epochs count as done");

        IllegalArgumentException snapshots = assertThrows(IllegalArgumentException.class,
                () -> new EnsembleTrainer(SPEC, Initializer.XAVIER_UNIFORM, settings, data, epochs, 5).snapshots(3, QUIET, GO_ON));
        assertTrue(snapshots.getMessage().contains("early stopping"), snapshots.getMessage());
    }

    @Test
    void withAFeatureMapBaggingResamplesTheRawPointsAndTheMembersTakeTheMappedInputs() {
        Dataset.Split split = Generators.circle(200, 0.0, 6).split(0.5, 6);
        InputMap features = FeatureMap.of(Feature.X1_SQUARED, Feature.X2_SQUARED, Feature.X1_TIMES_X2);
        InputMap squares = features.andThen(Standardizer.fit(features.applyTo(split.train())));
        NetworkSpec linear = NetworkSpec.input(3).dense(1, Activation.tanh()).loss(Loss.MSE);
        TrainingSettings settings = TrainingSettings.gradientDescent(0.1, 10);
        long seed = 6;
        SplittableRandom streams = new SplittableRandom(seed + 1).split();
        long shuffleSeed = streams.nextLong(), resampleSeed = streams.nextLong();

        Network manual = Network.create(linear, Initializer.XAVIER_UNIFORM, seed + 1);
        Dataset resample = EnsembleTrainer.bootstrap(split.train(), resampleSeed);
        Trainer run = new Trainer(manual, new TrainingData(resample, null, null, squares), settings, shuffleSeed);
        for (int e = 0; e < 30; e++) run.runEpoch();

        Ensemble bagged = new EnsembleTrainer(linear, Initializer.XAVIER_UNIFORM, settings,
                new TrainingData(split.train(), null, split.test(), squares), 30, seed).bagging(2, QUIET, GO_ON);
        assertSameWeights(manual, bagged.member(1), "bootstrap 2");
        Ensemble.Report report = bagged.evaluate(squares.applyTo(split.test()));
        assertTrue(report.ensemble().accuracy() > 0.9, "x1², x2² make the circle linearly separable: " + report);
    }

    @Test
    void progressCountsEveryEpochOfTheEnsemble() {
        List<EnsembleTrainer.Progress> reports = new ArrayList<>();
        trainer(4, 1).bagging(2, reports::add, GO_ON);

        assertEquals(8, reports.size());
        for (int i = 0; i < 8; i++) {
            EnsembleTrainer.Progress p = reports.get(i);
            assertEquals(i + 1, p.epochsDone());
            assertEquals(8, p.epochsTotal());
            assertEquals(i < 4 ? "bootstrap 1" : "bootstrap 2", p.member());
            assertEquals(i % 4 + 1, p.epoch());
            assertEquals(i % 4 + 1, p.metrics().epoch());
            assertTrue(Double.isFinite(p.metrics().testLoss()), "the test set is evaluated");
        }
        assertEquals(1.0, reports.get(7).fraction(), 0);

        List<String> snapshotMembers = new ArrayList<>();
        trainer(4, 1).snapshots(2, p -> snapshotMembers.add(p.member()), GO_ON);
        assertEquals(List.of("epoch 2", "epoch 2", "epoch 4", "epoch 4"), snapshotMembers);
    }

    @Test
    void cancellingThrowsBeforeTheNextEpochAndKeepsNothing() {
        List<EnsembleTrainer.Progress> reports = new ArrayList<>();
        CancellationException late = assertThrows(CancellationException.class,
                () -> trainer(5, 1).seeds(3, reports::add, () -> reports.size() >= 7));
        assertEquals(7, reports.size(), "no epoch starts once cancelled");
        assertEquals("ensemble training cancelled after 7 of 15 epochs", late.getMessage());

        List<EnsembleTrainer.Progress> none = new ArrayList<>();
        assertThrows(CancellationException.class, () -> trainer(6, 1).snapshots(3, none::add, () -> true));
        assertEquals(List.of(), none);
        assertThrows(CancellationException.class, () -> trainer(6, 1).bagging(2, QUIET, () -> true));
    }

    @Test
    void aDivergingMemberStopsTheEnsembleWithAMessageNamingIt() {
        IllegalArgumentException diverged = assertThrows(IllegalArgumentException.class,
                () -> new EnsembleTrainer(NetworkSpec.input(2).dense(1, Activation.identity()).loss(Loss.MSE),
                        Initializer.XAVIER_UNIFORM, TrainingSettings.gradientDescent(10, 10), CIRCLE.train(), null, 50, 1)
                        .bagging(2, QUIET, GO_ON));
        assertTrue(diverged.getMessage().startsWith("bootstrap 1: training diverged at step "), diverged.getMessage());
        assertTrue(diverged.getMessage().contains("lower the learning rate"), diverged.getMessage());
    }

    @Test
    void impossibleEnsemblesAreRefusedBeforeTraining() {
        assertThrows(IllegalArgumentException.class, () -> trainer(0, 1));
        assertThrows(IllegalArgumentException.class, () -> trainer(5, 1).seeds(0, QUIET, GO_ON));
        IllegalArgumentException snapshots = assertThrows(IllegalArgumentException.class,
                () -> trainer(10, 1).snapshots(3, QUIET, () -> { throw new AssertionError("trained anyway"); }));
        assertTrue(snapshots.getMessage().contains("3 snapshots do not divide 10 epochs"), snapshots.getMessage());
        assertThrows(IllegalArgumentException.class, () -> trainer(10, 1).cyclicCosineSnapshots(4, QUIET, GO_ON));
        assertThrows(IllegalArgumentException.class, () -> EnsembleTrainer.bootstrap(new Dataset("empty", new double[0][],
                new double[0]), 1));
    }

    @Test
    void aBaggedEnsembleHasALowerTestLossThanItsAverageMember() {
        // 60 training points of a noisy circle, 300 epochs: each member overfits its own resample. Jensen's
        // inequality for the convex ½(o − y)² says the ensemble's test loss is at most the members' mean,
        // with equality only if all members agree everywhere; here they disagree a lot.
        // Measured over seeds s = 1 … 20 of this set-up (circle and split seeded with s too, k = 5): the
        // ensemble's loss was 51–78 % of the mean member's and its accuracy at least the mean member's in 19
        // of 20 (mean 91.2 % against 87.6 %). It beat one network trained on all 60 points in only 9 of 20
        // (a resample holds ≈ 63 % of the points); the seeds ensemble beat it in 16 of 20.
        EnsembleTrainer setup = trainer(300, 1);
        Ensemble.Report bagged = setup.bagging(5, QUIET, GO_ON).evaluate(CIRCLE.test());
        Ensemble.Report seeds = setup.seeds(5, QUIET, GO_ON).evaluate(CIRCLE.test());

        System.out.printf(Locale.ROOT, "circle(200, 0.5), 60 train / 140 test, 2-8-8-1 tanh, 300 epochs, k = 5%n");
        System.out.printf(Locale.ROOT, "  bagging: ensemble loss %.4f accuracy %.3f; members' mean loss %.4f accuracy %.3f (%s)%n",
                bagged.ensemble().loss(), bagged.ensemble().accuracy(), bagged.meanMemberLoss(),
                bagged.meanMemberAccuracy(), accuracies(bagged));
        System.out.printf(Locale.ROOT, "  seeds:   ensemble loss %.4f accuracy %.3f; members' mean loss %.4f accuracy %.3f%n",
                seeds.ensemble().loss(), seeds.ensemble().accuracy(), seeds.meanMemberLoss(), seeds.meanMemberAccuracy());
        System.out.printf(Locale.ROOT, "  one network on all 60 points (seed 1): loss %.4f accuracy %.3f%n",
                seeds.members().get(0).loss(), seeds.members().get(0).accuracy());

        // Below 90 % of the mean member's: fails if the ensemble's loss were the members' mean loss, or if
        // bagging gave members that hardly disagree.
        assertTrue(bagged.ensemble().loss() < 0.9 * bagged.meanMemberLoss(), String.format(Locale.ROOT,
                "ensemble test loss %.4f, mean member %.4f", bagged.ensemble().loss(), bagged.meanMemberLoss()));
        assertTrue(seeds.ensemble().loss() < seeds.meanMemberLoss());
    }

    private static String accuracies(Ensemble.Report report) {
        StringBuilder s = new StringBuilder();
        for (Trainer.Evaluation e : report.members()) s.append(String.format(Locale.ROOT, " %.3f", e.accuracy()));
        return s.toString().strip();
    }
}
