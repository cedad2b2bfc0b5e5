package org.mlplayground.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.optim.Schedule;

/**
 * Trains the members of an {@link Ensemble} (COURSE.md §6): k networks on bootstrap resamples (bagging),
 * k networks from different seeds, or k snapshots along one run.
 *
 * <p><b>Seeds.</b> Everything is drawn from {@code seed}: the same arguments give bit-identical members.
 * Member i = 0 … k − 1 is the run with its own seed s = seed + i: weights from
 * {@code Network.create(spec, init, s)}, and from {@code new SplittableRandom(s).split()} first the
 * trainer's shuffle seed, then, for bagging, the resample's seed. So a member depends on s alone, not on k
 * or on where the ensemble starts: "seed 8" is the same network in every seeds ensemble that has it. A
 * snapshot run is the run with s = seed.
 *
 * <p><b>Threads.</b> The methods train on the calling thread, which should not be the FX thread; they
 * report each finished epoch to {@code progress} on that thread, and ask {@code cancelled} before every
 * epoch. When it answers true they throw a {@link CancellationException} and keep nothing: a part of an
 * ensemble would not be the ensemble asked for (a third of the snapshots, say, all from early epochs).
 *
 * <p>Each member is taken as its Polyak-averaged weights when the settings average, else its raw weights.
 * Members of bagging and seed ensembles may stop early if the settings say so (they then keep their best
 * epoch's weights, and their remaining epochs count as done); a snapshot run must run to its end.
 *
 * <p>The members take network inputs, so an {@link Ensemble} is evaluated on data mapped by
 * {@code data.inputs()}, like {@link Trainer#evaluate}.
 *
 * @param settings every member's optimizer, schedule, batch size, clipping, averaging and remedies
 * @param data     raw training points (bagging resamples these), the validation set early stopping needs,
 *                 the test set evaluated after each epoch for {@link Progress#metrics()}, and the input map
 * @param epochs   epochs per member; for snapshots, the length of the one run
 */
public record EnsembleTrainer(NetworkSpec spec, Initializer init, TrainingSettings settings, TrainingData data,
        int epochs, long seed) {

    /**
     * One finished epoch.
     *
     * @param member     the label of the member in training ("bootstrap 2"; for snapshots, the next one's)
     * @param epoch      the epochs that member (or the snapshot run) has done
     * @param epochsDone the epochs done of the whole ensemble, 1 … epochsTotal
     * @param metrics    that epoch's loss and accuracy on the member's own training set (for bagging, its
     *                   resample) and, if given, the validation and test sets
     */
    public record Progress(String member, int epoch, long epochsDone, long epochsTotal, EpochMetrics metrics) {
        /** For a progress bar: epochsDone / epochsTotal. */
        public double fraction() {
            return (double) epochsDone / epochsTotal;
        }
    }

    public EnsembleTrainer {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(data, "data");
        if (epochs < 1) throw new IllegalArgumentException("an ensemble's members need at least one epoch, got " + epochs);
    }

    /** Raw points fed to the networks as they are, without a validation set. */
    public EnsembleTrainer(NetworkSpec spec, Initializer init, TrainingSettings settings, Dataset train, Dataset test,
            int epochs, long seed) {
        this(spec, init, settings, TrainingData.of(train, null, test), epochs, seed);
    }

    /** k members, member i trained on its own {@link #bootstrap bootstrap resample} of the training set. */
    public Ensemble bagging(int k, Consumer<Progress> progress, BooleanSupplier cancelled) {
        return independent(Ensemble.Kind.BAGGING, k, progress, cancelled);
    }

    /** k members, member i trained on the whole training set from weights seeded with seed + i. */
    public Ensemble seeds(int k, Consumer<Progress> progress, BooleanSupplier cancelled) {
        return independent(Ensemble.Kind.SEEDS, k, progress, cancelled);
    }

    /**
     * One run of {@link #epochs()} epochs with the settings' own schedule, and a snapshot of the weights
     * every epochs/k epochs, the last at the end.
     *
     * @throws IllegalArgumentException unless k divides the number of epochs
     */
    public Ensemble snapshots(int k, Consumer<Progress> progress, BooleanSupplier cancelled) {
        return snapshotRun(k, settings, progress, cancelled);
    }

    /**
     * Snapshot ensembles as Huang et al. (2017) make them: like {@link #snapshots}, but the learning rate
     * follows {@link Schedule.CyclicCosine} from the settings' γ_0, restarted at every snapshot: each
     * snapshot is taken where the rate has annealed to almost 0, and the restart sends the weights off to
     * another minimum.
     */
    public Ensemble cyclicCosineSnapshots(int k, Consumer<Progress> progress, BooleanSupplier cancelled) {
        requireSnapshots(k);
        long stepsPerEpoch = (data.train().size() + settings.batchSize() - 1) / settings.batchSize();
        Schedule restarts = new Schedule.CyclicCosine(settings.learningRate(), stepsPerEpoch * (epochs / k));
        return snapshotRun(k, settings.withSchedule(restarts), progress, cancelled);
    }

    /**
     * A bootstrap resample: n examples drawn uniformly with replacement from the n of {@code data}, so
     * about 1 − 1/e ≈ 63.2 % of them appear at least once. The rows are shared with {@code data}.
     */
    public static Dataset bootstrap(Dataset data, long seed) {
        int n = data.size();
        if (n == 0) throw new IllegalArgumentException("cannot resample an empty data set");
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(n);
            x[i] = data.x()[pick];
            y[i] = data.y()[pick];
        }
        return new Dataset(data.name() + " (bootstrap)", x, y);
    }

    private Ensemble independent(Ensemble.Kind kind, int k, Consumer<Progress> progress, BooleanSupplier cancelled) {
        requireMembers(k);
        List<Network> members = new ArrayList<>(k);
        List<String> labels = new ArrayList<>(k);
        long total = (long) k * epochs;
        for (int i = 0; i < k; i++) {
            SplittableRandom streams = streamsOf(seed + i);
            long shuffleSeed = streams.nextLong();
            boolean bagging = kind == Ensemble.Kind.BAGGING;
            TrainingData own = bagging ? resampled(streams.nextLong()) : data;
            String label = bagging ? "bootstrap " + (i + 1) : "seed " + (seed + i);
            Trainer trainer = new Trainer(Network.create(spec, init, seed + i), own, settings, shuffleSeed);
            for (int e = 0; e < epochs && trainer.earlyStop().isEmpty(); e++) {
                epoch(trainer, label, (long) i * epochs + e, total, progress, cancelled);
            }
            members.add(weights(trainer));
            labels.add(label);
        }
        return new Ensemble(kind, members, labels);
    }

    private Ensemble snapshotRun(int k, TrainingSettings run, Consumer<Progress> progress, BooleanSupplier cancelled) {
        requireSnapshots(k);
        int every = epochs / k;
        long shuffleSeed = streamsOf(seed).nextLong();
        Trainer trainer = new Trainer(Network.create(spec, init, seed), data, run, shuffleSeed);
        List<Network> members = new ArrayList<>(k);
        List<String> labels = new ArrayList<>(k);
        for (int e = 0; e < epochs; e++) {
            int snapshotEpoch = (e / every + 1) * every;
            epoch(trainer, "epoch " + snapshotEpoch, e, epochs, progress, cancelled);
            if (e + 1 == snapshotEpoch) {
                members.add(weights(trainer));
                labels.add("epoch " + snapshotEpoch);
            }
        }
        return new Ensemble(Ensemble.Kind.SNAPSHOTS, members, labels);
    }

    /** One epoch unless cancelled, then its report; {@code done} epochs of the ensemble came before it. */
    private static void epoch(Trainer trainer, String label, long done, long total, Consumer<Progress> progress,
            BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("ensemble training cancelled after " + done + " of " + total + " epochs");
        }
        trainer.runEpoch();
        Divergence bad = trainer.divergence().orElse(null);
        if (bad != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: training diverged at step %d (%s became NaN "
                    + "or infinite); lower the learning rate and train the ensemble again.", label, bad.step(), bad.where()));
        }
        progress.accept(new Progress(label, trainer.epoch(), done + 1, total, trainer.history().latest()));
    }

    /** The run's data with the training points replaced by a bootstrap resample of them. */
    private TrainingData resampled(long resampleSeed) {
        return new TrainingData(bootstrap(data.train(), resampleSeed), data.validation(), data.test(), data.inputs());
    }

    /** The generator of a run's shuffle and resample seeds, split off the one its weights come from. */
    private static SplittableRandom streamsOf(long runSeed) {
        return new SplittableRandom(runSeed).split();
    }

    /** A copy of what the member has learnt: its Polyak average if the settings keep one, else its weights. */
    private static Network weights(Trainer trainer) {
        return trainer.averagedNetwork().orElseGet(() -> Ensemble.copyOf(trainer.network()));
    }

    private static void requireMembers(int k) {
        if (k < 1) throw new IllegalArgumentException("an ensemble needs at least one member, got " + k);
    }

    private void requireSnapshots(int k) {
        requireMembers(k);
        if (settings.earlyStopping() != null) {
            throw new IllegalArgumentException("a snapshot ensemble takes its snapshots along the whole run; switch early "
                    + "stopping off");
        }
        if (epochs % k != 0) {
            throw new IllegalArgumentException("a snapshot every epochs/k epochs needs k to divide the epochs: " + k
                    + " snapshots do not divide " + epochs + " epochs");
        }
    }
}
