package org.mlplayground.train;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Augmenter;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.Inference;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Objective;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.PolyakAverage;
import org.mlplayground.optim.Schedule;

/**
 * The training loop: mini-batches of a training set, reshuffled at the start of every epoch with the run's
 * seeded generator and taken B at a time (the last batch of an epoch may be smaller); each one is a step
 * {@code optimizer.step(params, clipping.wrap(backprop, params), schedule.rate(k))} with k = the steps
 * done so far, followed by the Polyak average's update when averaging is on. After every epoch the loss
 * and accuracy on the training set and, if given, the validation and test sets go into a bounded
 * {@link #history()}.
 *
 * <p><b>Generalisation remedies</b> (COURSE.md §6), all from the posted {@link TrainingSettings}: a batch is
 * gathered from the raw training points, augmented (jitter, rotation, mirrors) and mapped to network inputs
 * by the run's {@link InputMap}; then Gaussian input noise, label smoothing and mixup change it, and fresh
 * dropout masks are drawn. The cost the optimizer sees is C = C_0 + penalty; with L1, a weight that a step
 * carries across 0 stops at exactly 0 (clipping at zero, Tsuruoka et al. 2009), so L1 yields true zeros.
 * Early stopping compares the validation loss after every epoch and, when it gives up, restores the best
 * epoch's weights and records an {@link EarlyStopping.Stop}. All randomness of the remedies comes from one
 * generator seeded with the run's seed, separate from the shuffling's, so switching a remedy on does not
 * change the order of the batches.
 *
 * <p><b>Threads.</b> One training thread owns the trainer: only it calls {@link #step()}, {@link #traceStep()},
 * {@link #runEpoch()}, {@link #network()}, {@link #averagedNetwork()} and
 * {@link #acknowledgeDivergence()}. Any thread may post new settings ({@link #setLearningRate},
 * {@link #setOptimizer}, {@link #retune}, {@link #setBatchSize}, {@link #setSchedule},
 * {@link #setClipping}, {@link #setAveraging}, {@link #setSettings}) and read the counters, the settings,
 * {@link #divergence()} and {@link #history()}. Posted settings are picked up at the start of the next
 * step, never in the middle of one.
 *
 * <p><b>Divergence guard.</b> Before every update the weights are copied into a preallocated backup (one
 * array copy, small next to a backward pass). If the step yields a NaN or infinite loss or weight, the
 * backup is put back, the step is undone (counters and batch position stay where they were), the trainer
 * records a {@link Divergence} and refuses to step until {@link #acknowledgeDivergence()}.
 */
public final class Trainer {

    /** Settings as posted; the generation counts {@link #setOptimizer} calls, each asking for fresh state. */
    private record Posted(TrainingSettings settings, long optimizerGeneration) {
    }

    private final Network network;
    private final List<Parameter> params;
    private final List<double[]> statistics;
    /** Raw training points (for augmentation) and the network inputs of every set, mapped once. */
    private final Dataset trainRaw;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private final InputMap inputs;
    private ResumableRandom random;
    /** Masks, noise, augmentation and mixup draw from here, never from the shuffling's generator. */
    private ResumableRandom remedyRandom;
    private final int[] order;
    private final DMatrixRMaj raw = new DMatrixRMaj(1, 1);
    private final Mixup mixup = new Mixup();
    private final DMatrixRMaj X = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj Y = new DMatrixRMaj(1, 1);
    private final Objective backprop;
    /** The weights before the step: the divergence guard's backup and L1's reference for crossing zero. */
    private final double[][] backup;
    private final double[][] statisticsBackup;
    private final MetricHistory history = new MetricHistory();
    /** Whether each finished epoch is evaluated on the whole train and test sets (on by default). */
    private volatile boolean recordMetrics = true;
    private final AtomicReference<Posted> posted;

    // Owned by the training thread: what the last step ran with.
    private Posted active;
    private Optimizer optimizer;
    private Objective objective;
    private PolyakAverage average;
    private Penalty penalty = new Penalty.None();
    private int position;
    /** The penalty's value in the last cost the optimizer evaluated. */
    private double lastPenalty;
    /** Copies the current step out of the engine for {@link #traceStep()}; null in a plain step. */
    private StepRecorder recorder;

    // Early stopping (training thread).
    private double bestValidationLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private double[][] bestWeights;
    private double[][] bestStatistics;
    private volatile EarlyStopping.Stop earlyStop;

    private volatile long step;
    private volatile int epoch;
    private volatile double lastBatchLoss = Double.NaN;
    private volatile Divergence divergence;

    /** Plain mini-batch gradient descent at a constant rate, without a test set. */
    public Trainer(Network network, Dataset train, int batchSize, double learningRate, long seed) {
        this(network, train, null, TrainingSettings.gradientDescent(learningRate, batchSize), seed);
    }

    /**
     * @param test examples for the test metrics after each epoch, or {@code null} for none
     * @param seed seeds the shuffling of the mini-batches
     */
    public Trainer(Network network, Dataset train, Dataset test, TrainingSettings settings, long seed) {
        this(network, checked(network, train, test), settings, seed);
    }

    private static TrainingData checked(Network network, Dataset train, Dataset test) {
        if (train.size() == 0) throw new IllegalArgumentException("the training set is empty");
        checkInputs(network, train, "training");
        if (test != null) {
            if (test.size() == 0) throw new IllegalArgumentException("the test set is empty");
            checkInputs(network, test, "test");
        }
        return TrainingData.of(train, null, test);
    }

    /**
     * @param data raw training, validation and test points and the map to network inputs
     * @param seed seeds the shuffling of the mini-batches and, separately, every remedy's randomness
     */
    public Trainer(Network network, TrainingData data, TrainingSettings settings, long seed) {
        if (data.inputs().outputSize() != network.spec().inputSize()) {
            throw new IllegalArgumentException("the input map produces " + data.inputs().outputSize()
                    + " inputs per example but the network takes " + network.spec().inputSize());
        }
        this.network = network;
        this.params = network.parameters();
        this.statistics = network.runningStatistics();
        this.inputs = data.inputs();
        this.trainRaw = data.train();
        this.train = inputs.applyTo(data.train());
        this.validation = data.validation() == null ? null : inputs.applyTo(data.validation());
        this.test = data.test() == null ? null : inputs.applyTo(data.test());
        this.backprop = () -> {
            double c0 = network.backprop(X, Y);
            if (recorder != null) recorder.recordPass();
            lastPenalty = penalty.value(params, train.size());
            penalty.addGradient(params, train.size());
            return c0 + lastPenalty;
        };
        this.random = ResumableRandom.of(seed);
        this.remedyRandom = ResumableRandom.of(seed).split();
        this.order = Batches.identityOrder(train.size());
        this.backup = copies(params.stream().map(Parameter::size).toList());
        this.statisticsBackup = copies(statistics.stream().map(a -> a.length).toList());
        Objects.requireNonNull(settings, "settings");
        checkSettings(settings);
        this.posted = new AtomicReference<>(new Posted(settings, 0));
    }

    private static double[][] copies(List<Integer> sizes) {
        double[][] arrays = new double[sizes.size()][];
        for (int i = 0; i < arrays.length; i++) arrays[i] = new double[sizes.get(i)];
        return arrays;
    }

    /** Rejects settings this run cannot follow, with a message naming the setting. */
    private void checkSettings(TrainingSettings settings) {
        List<Double> dropout = settings.regularization().dropout();
        int hidden = network.depth() - 1;
        for (int l = hidden + 1; l <= dropout.size(); l++) {
            if (dropout.get(l - 1) != 0) {
                throw new IllegalArgumentException("dropout rate for layer " + l + ", but the network has "
                        + (hidden == 0 ? "no hidden layer" : hidden == 1 ? "1 hidden layer" : hidden + " hidden layers"));
            }
        }
        if (settings.earlyStopping() != null && validation == null) {
            throw new IllegalArgumentException("early stopping needs a validation split; set a validation share first");
        }
        if (settings.augmentation().changesRawPoints() && trainRaw.inputSize() < 2) {
            throw new IllegalArgumentException("jitter, rotation and mirrors work on 2-D points; this data has "
                    + trainRaw.inputSize() + " value per point");
        }
        if ((settings.augmentation().mixupAlpha() > 0 || settings.augmentation().labelSmoothing() > 0)
                && network.spec().loss() != Loss.SIGMOID_CROSS_ENTROPY && network.spec().loss() != Loss.SOFTMAX_CROSS_ENTROPY
                && !isBinaryLabels(trainRaw)) {
            throw new IllegalArgumentException("mixup and label smoothing are for classification; this data has "
                    + "regression targets");
        }
    }

    private static boolean isBinaryLabels(Dataset data) {
        for (double y : data.y()) if (y != 1 && y != -1) return false;
        return true;
    }

    private static void checkInputs(Network network, Dataset data, String which) {
        if (data.inputSize() != network.spec().inputSize()) {
            throw new IllegalArgumentException("the " + which + " data has " + data.inputSize()
                    + " inputs per example but the network takes " + network.spec().inputSize());
        }
    }

    /**
     * One mini-batch: picks up posted settings, then forward, backward and the optimizer's update. Returns
     * the batch loss the optimizer evaluated (before its update). If the guard trips, the weights are put
     * back and the (non-finite) loss is returned; see {@link #divergence()}.
     *
     * @throws IllegalStateException after a divergence, until {@link #acknowledgeDivergence()}
     */
    public double step() {
        return step(null);
    }

    /**
     * One training step exactly as {@link #step()} takes it (posted settings, shuffling, augmentation, dropout
     * masks, the optimizer's update, L1's stop at zero, the divergence guard, epoch bookkeeping: the same code,
     * the same random numbers, bit-identical weights), taken apart into every number it produced, for the
     * backprop stepper. Costs a few copies of the network and the gradient check, about 4 training passes per
     * parameter. Training thread only.
     *
     * <p>For the look-ahead optimizers (Nesterov momentum, RMSProp + Nesterov) the forward and backward pass ran
     * at w + βv: the trace's layers, loss, gradients and gradient check are those of that point, while
     * {@link BackpropTrace#before()} is w (see {@link BackpropTrace#lookAhead()}).
     *
     * @throws IllegalStateException after a divergence or an early stop, as {@link #step()}
     */
    public BackpropTrace traceStep() {
        StepRecorder recorder = new StepRecorder(network, Y);
        try {
            step(recorder);
        } finally {
            this.recorder = null;
        }
        return recorder.trace(network.copy(), penalty, train.size(), active.settings().clipping());
    }

    /**
     * A traced step whose gradient check is left for later: {@link #traceStep()} without the finite
     * differences, which cost four forward passes per parameter (a second for the largest network at B = 100).
     * The returned {@code check} computes them from copies made during the step, on any thread.
     */
    public DeferredTrace traceStepDeferred() {
        StepRecorder recorder = new StepRecorder(network, Y);
        try {
            step(recorder);
        } finally {
            this.recorder = null;
        }
        BackpropTrace trace = recorder.traceWithoutCheck(network.copy());
        Penalty p = penalty;
        int n = train.size();
        Clipping clipping = active.settings().clipping();
        return new DeferredTrace(trace, () -> trace.withFiniteDifferences(recorder.estimates(p, n, clipping)));
    }

    /**
     * A trace without its gradient check, and the computation that completes it.
     *
     * @param trace the step's numbers; {@code finiteDifferences} empty
     * @param check the same trace with the gradient check (run it once, on any thread)
     */
    public record DeferredTrace(BackpropTrace trace, java.util.function.Supplier<BackpropTrace> check) {
    }

    /** The step; {@code recorder} (null for a plain step) copies the step out of the engine. */
    private double step(StepRecorder recorder) {
        Divergence bad = divergence;
        if (bad != null) throw new IllegalStateException(bad.message());
        EarlyStopping.Stop stopped = earlyStop;
        if (stopped != null) throw new IllegalStateException(stopped.message());
        this.recorder = recorder;
        pickUpSettings();
        if (position == 0) shuffle();
        int to = Math.min(position + active.settings().batchSize(), order.length);
        gatherBatch(position, to);
        copy(params, backup);
        copyStatistics(statistics, statisticsBackup);

        double rate = active.settings().schedule().rate(step);
        Objective evaluated = recorder == null ? objective
                : recorder.begin(objective, java.util.Arrays.copyOfRange(order, position, to), optimizer.name(), rate, step + 1);
        double loss = optimizer.step(params, evaluated, rate);
        lastBatchLoss = loss;
        String where = firstNonFinite(loss);
        if (where != null) {
            restore(backup, params);
            copyStatistics(statisticsBackup, statistics);
            divergence = new Divergence(step + 1, where, loss);
            return loss;
        }
        if (penalty instanceof Penalty.L1) stopAtZero();
        if (average != null) average.update(params);
        step++;
        position = to;
        if (position == order.length) {
            position = 0;
            epoch++;
            EarlyStopping rule = active.settings().earlyStopping();
            if (recordMetrics || rule != null) recordEpoch(rule);
        }
        return loss;
    }

    /**
     * X and Y for examples {@code order[from … to)}: raw points, augmented, mapped to inputs, noised; targets
     * smoothed and mixed; then fresh dropout masks for the batch.
     */
    private void gatherBatch(int from, int to) {
        Augmentation aug = active.settings().augmentation();
        if (aug.changesRawPoints()) {
            Batches.gatherInputs(trainRaw, order, from, to, raw);
            if (aug.mirrorX() || aug.mirrorY()) Augmenter.mirror(raw, aug.mirrorX(), aug.mirrorY(), remedyRandom);
            if (aug.rotationDegrees() > 0) Augmenter.rotate(raw, aug.rotationDegrees(), remedyRandom);
            if (aug.jitter() > 0) Augmenter.jitter(raw, aug.jitter(), remedyRandom);
            inputs.apply(raw, X);
        } else {
            Batches.gatherInputs(train, order, from, to, X);
        }
        if (aug.inputNoise() > 0) Augmenter.gaussianNoise(X, aug.inputNoise(), remedyRandom);
        Loss loss = network.spec().loss();
        Batches.gatherTargets(train, order, from, to, loss, network.spec().outputSize(), Y);
        if (aug.labelSmoothing() > 0) LabelSmoothing.apply(Y, loss, aug.labelSmoothing());
        if (aug.mixupAlpha() > 0) mixup.mix(X, Y, aug.mixupAlpha(), remedyRandom);
        if (network.hasDropout()) network.drawDropoutMasks(to - from, remedyRandom);
    }

    /** L1's clipping at zero: a weight whose sign the step flipped is set to exactly 0 instead. */
    private void stopAtZero() {
        for (int b = 0; b < backup.length; b++) {
            Parameter p = params.get(b);
            if (!p.weight()) continue;
            double[] w = p.value(), before = backup[b];
            for (int i = 0; i < before.length; i++) if (w[i] * before[i] < 0) w[i] = 0;
        }
    }

    private static void copy(List<Parameter> from, double[][] to) {
        for (int b = 0; b < to.length; b++) System.arraycopy(from.get(b).value(), 0, to[b], 0, to[b].length);
    }

    private static void restore(double[][] from, List<Parameter> to) {
        for (int b = 0; b < from.length; b++) System.arraycopy(from[b], 0, to.get(b).value(), 0, from[b].length);
    }

    private static void copyStatistics(List<double[]> from, double[][] to) {
        for (int b = 0; b < to.length; b++) System.arraycopy(from.get(b), 0, to[b], 0, to[b].length);
    }

    private static void copyStatistics(double[][] from, List<double[]> to) {
        for (int b = 0; b < from.length; b++) System.arraycopy(from[b], 0, to.get(b), 0, from[b].length);
    }

    /**
     * Everything the next steps depend on, copied out between two steps (training thread only). Posted settings
     * are picked up first, as the next step would. After a divergence the optimizer's memory is left out, as
     * going on after one starts it afresh.
     */
    public Checkpoint checkpoint() {
        pickUpSettings();
        Checkpoint.BestEpoch best = null;
        if (bestEpoch >= 0 || earlyStop != null) {
            best = new Checkpoint.BestEpoch(bestEpoch, bestValidationLoss,
                    bestWeights == null ? List.of() : deepCopy(List.of(bestWeights)),
                    bestStatistics == null ? List.of() : deepCopy(List.of(bestStatistics)), earlyStop);
        }
        Optimizer.Memory memory = divergence != null ? new Optimizer.Memory(0, new double[0][][]) : optimizer.memory();
        return new Checkpoint(step, epoch, position, order.clone(),
                new Checkpoint.RandomState(random.seed(), random.gamma()),
                new Checkpoint.RandomState(remedyRandom.seed(), remedyRandom.gamma()),
                deepCopy(params.stream().map(p -> java.util.Arrays.copyOf(p.value(), p.size())).toList()),
                deepCopy(statistics), memory, lastBatchLoss, history.saved(), best);
    }

    /**
     * Continues from {@code c}: this trainer, made from the same config and points as the saved one, then takes
     * exactly the steps the saved one would have taken. Nothing changes if the checkpoint does not fit this run.
     * Training thread only, before or between steps.
     *
     * @throws IllegalArgumentException naming what does not fit (a block's size, the order, the optimizer's memory)
     */
    public void restore(Checkpoint c) {
        pickUpSettings();
        int n = order.length;
        if (c.order().length != n) {
            throw new IllegalArgumentException("the saved order has " + c.order().length + " points, the training set " + n);
        }
        boolean[] seen = new boolean[n];
        for (int i : c.order()) {
            if (i < 0 || i >= n || seen[i]) throw new IllegalArgumentException("the saved order is not a permutation of 0 … " + (n - 1));
            seen[i] = true;
        }
        if (c.position() < 0 || c.position() >= n) {
            throw new IllegalArgumentException("the saved position " + c.position() + " is outside 0 … " + (n - 1));
        }
        checkBlocks("weights", c.weights(), params.stream().map(Parameter::size).toList());
        checkBlocks("batch-norm statistics", c.statistics(), statistics.stream().map(a -> a.length).toList());
        Optimizer.Memory memory = c.optimizer();
        if (memory.arrays().length != 0) {
            checkBlocks("optimizer state", java.util.Arrays.stream(memory.arrays()).map(b -> b.length == 0 ? new double[0] : b[0]).toList(),
                    params.stream().map(Parameter::size).toList());
        }
        Checkpoint.BestEpoch best = c.earlyStopping();
        if (best != null && !best.weights().isEmpty()) {
            checkBlocks("best epoch's weights", best.weights(), params.stream().map(Parameter::size).toList());
            checkBlocks("best epoch's statistics", best.statistics(), statistics.stream().map(a -> a.length).toList());
        }
        MetricHistory restoredHistory = new MetricHistory(history.capacity());
        restoredHistory.restore(c.history());
        optimizer.restore(memory);

        history.restore(c.history());
        for (int b = 0; b < params.size(); b++) System.arraycopy(c.weights().get(b), 0, params.get(b).value(), 0, params.get(b).size());
        for (int b = 0; b < statistics.size(); b++) System.arraycopy(c.statistics().get(b), 0, statistics.get(b), 0, statistics.get(b).length);
        System.arraycopy(c.order(), 0, order, 0, n);
        position = c.position();
        step = c.step();
        epoch = c.epoch();
        random = ResumableRandom.resume(c.shuffle().seed(), c.shuffle().gamma());
        remedyRandom = ResumableRandom.resume(c.remedies().seed(), c.remedies().gamma());
        lastBatchLoss = c.lastBatchLoss();
        divergence = null;
        if (best == null) {
            bestEpoch = -1;
            bestValidationLoss = Double.POSITIVE_INFINITY;
            bestWeights = null;
            bestStatistics = null;
            earlyStop = null;
        } else {
            bestEpoch = best.epoch();
            bestValidationLoss = best.validationLoss();
            bestWeights = best.weights().isEmpty() ? null : deepCopy(best.weights()).toArray(double[][]::new);
            bestStatistics = best.weights().isEmpty() ? null : deepCopy(best.statistics()).toArray(double[][]::new);
            earlyStop = best.stop();
        }
    }

    private static void checkBlocks(String what, List<double[]> blocks, List<Integer> sizes) {
        if (blocks.size() != sizes.size()) {
            throw new IllegalArgumentException("the saved " + what + " have " + blocks.size() + " blocks, the network needs "
                    + sizes.size());
        }
        for (int b = 0; b < sizes.size(); b++) {
            if (blocks.get(b).length != sizes.get(b)) {
                throw new IllegalArgumentException("block " + (b + 1) + " of the saved " + what + " has "
                        + blocks.get(b).length + " numbers, the network needs " + sizes.get(b));
            }
        }
    }

    private static List<double[]> deepCopy(List<double[]> arrays) {
        return arrays.stream().map(double[]::clone).toList();
    }

    /** Steps until the current epoch is complete, or until the divergence guard or early stopping stops training. */
    public void runEpoch() {
        int startEpoch = epoch;
        while (epoch == startEpoch && divergence == null && earlyStop == null) step();
    }

    private void pickUpSettings() {
        Posted next = posted.get();
        if (next == active) return;
        TrainingSettings settings = next.settings();
        Hyperparameters hyper = settings.optimizer();
        if (optimizer == null || !optimizer.id().equals(hyper.id())
                || next.optimizerGeneration() != active.optimizerGeneration()) {
            optimizer = hyper.create();
        } else if (!optimizer.hyperparameters().equals(hyper)) {
            optimizer.retune(hyper);
        }
        if (active == null || !settings.clipping().equals(active.settings().clipping())) {
            objective = settings.clipping().wrap(backprop, params);
        }
        penalty = settings.regularization().penalty();
        for (int l = 1; l < network.depth(); l++) network.setDropout(l, settings.regularization().dropout(l));
        if (active != null && !Objects.equals(settings.earlyStopping(), active.settings().earlyStopping())) {
            bestEpoch = -1;   // a new rule starts from the next epoch's validation loss
            bestValidationLoss = Double.POSITIVE_INFINITY;
        }
        PolyakAverage.Mode mode = settings.averaging();
        if (mode == null) {
            average = null;
        } else if (average == null || !average.mode().equals(mode)) {
            average = new PolyakAverage(mode);
        }
        active = next;
    }

    /** Where the step went bad, or null if the loss and every weight are finite. */
    private String firstNonFinite(double loss) {
        for (Parameter p : params) {
            double[] w = p.value();
            for (int i = 0, n = p.size(); i < n; i++) if (!Double.isFinite(w[i])) return p.name();
        }
        if (Double.isFinite(loss)) return null;
        for (int l = 1; l <= network.depth(); l++) {
            DMatrixRMaj h = network.layer(l).h();
            for (int i = 0, n = h.getNumElements(); i < n; i++) if (!Double.isFinite(h.data[i])) return "h" + l;
        }
        return "loss";
    }

    private static final Evaluation NONE = new Evaluation(Double.NaN, Double.NaN);

    /** Evaluates the finished epoch and applies the early-stopping rule, if any. */
    private void recordEpoch(EarlyStopping rule) {
        Evaluation onValidation = validation == null ? NONE : evaluate(network, validation);
        if (recordMetrics) {
            Evaluation onTrain = evaluate(network, train);
            Evaluation onTest = test == null ? NONE : evaluate(network, test);
            history.add(new EpochMetrics(epoch, step, onTrain.loss(), onTrain.accuracy(), onTest.loss(), onTest.accuracy(),
                    penalty.value(params, train.size()), onValidation.loss(), onValidation.accuracy()));
        }
        if (rule == null) return;
        double loss = onValidation.loss();
        if (bestEpoch < 0 || loss < bestValidationLoss - rule.minDelta()) {
            bestValidationLoss = loss;
            bestEpoch = epoch;
            if (bestWeights == null) {
                bestWeights = copies(params.stream().map(Parameter::size).toList());
                bestStatistics = copies(statistics.stream().map(a -> a.length).toList());
            }
            copy(params, bestWeights);
            copyStatistics(statistics, bestStatistics);
        } else if (epoch - bestEpoch >= rule.patience()) {
            restore(bestWeights, params);
            copyStatistics(bestStatistics, statistics);
            earlyStop = new EarlyStopping.Stop(epoch, bestEpoch, bestValidationLoss, rule);
        }
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The live network being trained (training thread only; views read {@link Network#copy() copies}). */
    public Network network() {
        return network;
    }

    /**
     * A copy of the network holding the Polyak-averaged weights, for evaluation while the raw weights go on
     * training; empty when averaging is off or no step has been averaged yet. Training thread only.
     */
    public Optional<Network> averagedNetwork() {
        if (average == null || average.count() == 0) return Optional.empty();
        Network copy = network.copy();
        average.copyInto(copy.parameters());
        return Optional.of(copy);
    }

    /** Why early stopping ended the run, or empty while it goes on. */
    public Optional<EarlyStopping.Stop> earlyStop() {
        return Optional.ofNullable(earlyStop);
    }

    /**
     * Lets training go on after early stopping, from the restored best weights; the rule starts counting
     * afresh at the next epoch. Training thread only.
     */
    public void continueAfterEarlyStop() {
        if (earlyStop == null) return;
        earlyStop = null;
        bestEpoch = -1;
        bestValidationLoss = Double.POSITIVE_INFINITY;
    }

    /** The epoch whose weights early stopping keeps as the best so far, or −1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** What stopped training, or empty while the loss and weights are finite. */
    public Optional<Divergence> divergence() {
        return Optional.ofNullable(divergence);
    }

    /**
     * Lets training go on after a divergence, from the kept weights; the optimizer starts with fresh state
     * (its velocities and averages may have become NaN). Training thread only.
     */
    public void acknowledgeDivergence() {
        if (divergence == null) return;
        divergence = null;
        if (optimizer != null) optimizer.reset();
    }

    /**
     * Turns the per-epoch evaluation on the whole train and test sets on or off. It is on by default; on a
     * small training set it costs about one more forward pass per step, so runs that need only the weights
     * (the benchmark, scripted training) turn it off. Any thread may call this.
     */
    public void recordMetrics(boolean on) {
        recordMetrics = on;
    }

    /** The metrics after each epoch so far, downsampled once there are many. */
    public MetricHistory history() {
        return history;
    }

    /** The penalty's share of the cost the optimizer last evaluated (0 without a penalty). */
    public double lastBatchPenalty() {
        return lastPenalty;
    }

    /** The map from raw points to network inputs. */
    public InputMap inputMap() {
        return inputs;
    }

    /** The training set as the network sees it (mapped, not augmented). */
    public Dataset trainingSet() {
        return train;
    }

    /** The validation set (mapped) of early stopping, if any. */
    public Optional<Dataset> validationSet() {
        return Optional.ofNullable(validation);
    }

    /** The test set of the metrics (mapped), if any. */
    public Optional<Dataset> testSet() {
        return Optional.ofNullable(test);
    }

    /** Steps done; also the k of the next step's γ_k. */
    public long stepCount() {
        return step;
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    public double lastBatchLoss() {
        return lastBatchLoss;
    }

    /** The latest posted settings (those the next step runs with). */
    public TrainingSettings settings() {
        return posted.get().settings();
    }

    /**
     * Posts new settings as a whole; an optimizer of another id starts fresh, the same id is retuned.
     *
     * @throws IllegalArgumentException for settings this run cannot follow (dropout in a layer it lacks,
     *                                  early stopping without a validation set, …); nothing is posted then
     */
    public void setSettings(TrainingSettings settings) {
        Objects.requireNonNull(settings, "settings");
        checkSettings(settings);
        posted.updateAndGet(p -> new Posted(settings, p.optimizerGeneration()));
    }

    /** @throws IllegalArgumentException for dropout in a layer the network lacks */
    public void setRegularization(Regularization regularization) {
        Objects.requireNonNull(regularization, "regularization");
        postChecked(s -> s.withRegularization(regularization));
    }

    /** @throws IllegalArgumentException for augmentation this data cannot take (mixup on regression targets, …) */
    public void setAugmentation(Augmentation augmentation) {
        Objects.requireNonNull(augmentation, "augmentation");
        postChecked(s -> s.withAugmentation(augmentation));
    }

    /**
     * @param earlyStopping the rule, or {@code null} to train on
     * @throws IllegalArgumentException when the run has no validation set
     */
    public void setEarlyStopping(EarlyStopping earlyStopping) {
        postChecked(s -> s.withEarlyStopping(earlyStopping));
    }

    private void postChecked(java.util.function.UnaryOperator<TrainingSettings> change) {
        posted.updateAndGet(p -> {
            TrainingSettings next = change.apply(p.settings());
            checkSettings(next);
            return new Posted(next, p.optimizerGeneration());
        });
    }

    public int batchSize() {
        return settings().batchSize();
    }

    public void setBatchSize(int batchSize) {
        posted.updateAndGet(p -> new Posted(p.settings().withBatchSize(batchSize), p.optimizerGeneration()));
    }

    /** γ_0 of the schedule. */
    public double learningRate() {
        return settings().learningRate();
    }

    /** Moves γ_0 of the current schedule; the decay, if any, stays. */
    public void setLearningRate(double learningRate) {
        posted.updateAndGet(p -> new Posted(p.settings().withLearningRate(learningRate), p.optimizerGeneration()));
    }

    public void setSchedule(Schedule schedule) {
        posted.updateAndGet(p -> new Posted(p.settings().withSchedule(schedule), p.optimizerGeneration()));
    }

    public void setClipping(Clipping clipping) {
        posted.updateAndGet(p -> new Posted(p.settings().withClipping(clipping), p.optimizerGeneration()));
    }

    /** @param averaging the Polyak average to keep from the next step on (a new mode starts it afresh), or {@code null} */
    public void setAveraging(PolyakAverage.Mode averaging) {
        posted.updateAndGet(p -> new Posted(p.settings().withAveraging(averaging), p.optimizerGeneration()));
    }

    /** Switches to a fresh optimizer with these settings at the next step; the weights stay as they are. */
    public void setOptimizer(Hyperparameters optimizer) {
        Objects.requireNonNull(optimizer, "optimizer");
        posted.updateAndGet(p -> new Posted(p.settings().withOptimizer(optimizer), p.optimizerGeneration() + 1));
    }

    /**
     * New hyperparameters for the current optimizer that keep its state (the β slider keeps the velocity).
     *
     * @throws IllegalArgumentException if they belong to another optimizer than the one posted last
     */
    public void retune(Hyperparameters optimizer) {
        Objects.requireNonNull(optimizer, "optimizer");
        posted.updateAndGet(p -> {
            if (!p.settings().optimizer().id().equals(optimizer.id())) {
                throw new IllegalArgumentException("cannot retune " + p.settings().optimizer().name() + " with "
                        + optimizer.name() + " settings; switch optimizer instead");
            }
            return new Posted(p.settings().withOptimizer(optimizer), p.optimizerGeneration());
        });
    }

    /** Loss and accuracy of {@code net} on a whole data set. */
    public record Evaluation(double loss, double accuracy) {
    }

    /**
     * Mean loss and classification accuracy of {@code net} on {@code data}, computed with separate buffers
     * so the last training pass stays readable. Accuracy: sign of o for one tanh/identity output (±1
     * labels), o &gt; 0.5 for sigmoid, arg max for softmax; NaN for regression targets that are not ±1.
     */
    public static Evaluation evaluate(Network net, Dataset data) {
        int n = data.size();
        int chunks = (n + EVALUATION_CHUNK - 1) / EVALUATION_CHUNK;
        // Chunks of columns, on all cores for a large set: each chunk's sum of losses and count of hits.
        double[] lossSums = new double[chunks];
        int[] hits = new int[chunks];
        boolean[] nonClassification = new boolean[chunks];
        int[] order = Batches.identityOrder(n);
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(k -> {
            int from = k * EVALUATION_CHUNK, to = Math.min(n, from + EVALUATION_CHUNK);
            evaluateChunk(net, data, order, from, to, k, lossSums, hits, nonClassification);
        });
        double lossSum = 0;
        int correct = 0;
        boolean classification = true;
        for (int k = 0; k < chunks; k++) {
            lossSum += lossSums[k];
            correct += hits[k];
            classification &= !nonClassification[k];
        }
        return new Evaluation(lossSum / n, classification ? (double) correct / n : Double.NaN);
    }

    /** Columns per chunk of {@link #evaluate}: small enough to stay in cache, large enough to amortise a call. */
    private static final int EVALUATION_CHUNK = 2048;

    private static void evaluateChunk(Network net, Dataset data, int[] order, int from, int to, int k, double[] lossSums,
            int[] hits, boolean[] nonClassification) {
        int cols = to - from;
        DMatrixRMaj x = new DMatrixRMaj(1, 1), y = new DMatrixRMaj(1, 1);
        Loss loss = net.spec().loss();
        int outputs = net.spec().outputSize();
        Batches.gatherInputs(data, order, from, to, x);
        Batches.gatherTargets(data, order, from, to, loss, outputs, y);
        Inference inference = new Inference(net.spec());
        DMatrixRMaj o = inference.run(net, x);
        lossSums[k] = loss.value(inference.a(net.depth()), o, y) * cols;
        int correct = 0;
        for (int c = 0; c < cols; c++) {
            double label = data.y()[from + c];
            if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                int best = 0;
                for (int r = 1; r < outputs; r++) if (o.get(r, c) > o.get(best, c)) best = r;
                if (best == (int) label) correct++;
            } else if (loss == Loss.SIGMOID_CROSS_ENTROPY) {
                if ((o.get(0, c) > 0.5) == (label > 0)) correct++;
            } else {
                if (label != 1 && label != -1) nonClassification[k] = true;
                if ((o.get(0, c) >= 0) == (label > 0)) correct++;
            }
        }
        hits[k] = correct;
    }
}
