package org.mlplayground.train;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
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
 * and accuracy on the training set and, if given, the test set go into a bounded {@link #history()}.
 *
 * <p><b>Threads.</b> One training thread owns the trainer: only it calls {@link #step()},
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
    private final Dataset train;
    private final Dataset test;
    private final SplittableRandom random;
    private final int[] order;
    private final DMatrixRMaj X = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj Y = new DMatrixRMaj(1, 1);
    private final Objective backprop;
    private final double[][] backup;
    private final MetricHistory history = new MetricHistory();
    /** Whether each finished epoch is evaluated on the whole train and test sets (on by default). */
    private volatile boolean recordMetrics = true;
    private final AtomicReference<Posted> posted;

    // Owned by the training thread: what the last step ran with.
    private Posted active;
    private Optimizer optimizer;
    private Objective objective;
    private PolyakAverage average;
    private int position;

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
        if (train.size() == 0) throw new IllegalArgumentException("the training set is empty");
        checkInputs(network, train, "training");
        if (test != null) {
            if (test.size() == 0) throw new IllegalArgumentException("the test set is empty");
            checkInputs(network, test, "test");
        }
        this.network = network;
        this.params = network.parameters();
        this.backprop = () -> network.backprop(X, Y);
        this.train = train;
        this.test = test;
        this.random = new SplittableRandom(seed);
        this.order = Batches.identityOrder(train.size());
        this.backup = new double[params.size()][];
        for (int b = 0; b < backup.length; b++) backup[b] = new double[params.get(b).size()];
        this.posted = new AtomicReference<>(new Posted(Objects.requireNonNull(settings, "settings"), 0));
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
        Divergence bad = divergence;
        if (bad != null) throw new IllegalStateException(bad.message());
        pickUpSettings();
        if (position == 0) shuffle();
        int to = Math.min(position + active.settings().batchSize(), order.length);
        Batches.gatherInputs(train, order, position, to, X);
        Batches.gatherTargets(train, order, position, to, network.spec().loss(), network.spec().outputSize(), Y);
        for (int b = 0; b < backup.length; b++) System.arraycopy(params.get(b).value(), 0, backup[b], 0, backup[b].length);

        double loss = optimizer.step(params, objective, active.settings().schedule().rate(step));
        lastBatchLoss = loss;
        String where = firstNonFinite(loss);
        if (where != null) {
            for (int b = 0; b < backup.length; b++) System.arraycopy(backup[b], 0, params.get(b).value(), 0, backup[b].length);
            divergence = new Divergence(step + 1, where, loss);
            return loss;
        }
        if (average != null) average.update(params);
        step++;
        position = to;
        if (position == order.length) {
            position = 0;
            epoch++;
            if (recordMetrics) recordEpoch();
        }
        return loss;
    }

    /** Steps until the current epoch is complete, or until the divergence guard stops training. */
    public void runEpoch() {
        int startEpoch = epoch;
        while (epoch == startEpoch && divergence == null) step();
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

    private void recordEpoch() {
        Evaluation onTrain = evaluate(network, train);
        Evaluation onTest = test == null ? new Evaluation(Double.NaN, Double.NaN) : evaluate(network, test);
        history.add(new EpochMetrics(epoch, step, onTrain.loss(), onTrain.accuracy(), onTest.loss(), onTest.accuracy()));
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

    /** The metrics after each epoch so far, downsampled once there are many. */
    /**
     * Turns the per-epoch evaluation on the whole train and test sets on or off. It is on by default; on a
     * small training set it costs about one more forward pass per step, so runs that need only the weights
     * (the benchmark, scripted training) turn it off. Any thread may call this.
     */
    public void recordMetrics(boolean on) {
        recordMetrics = on;
    }

    public MetricHistory history() {
        return history;
    }

    /** The test set of the metrics, if any. */
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

    /** Posts new settings as a whole; an optimizer of another id starts fresh, the same id is retuned. */
    public void setSettings(TrainingSettings settings) {
        Objects.requireNonNull(settings, "settings");
        posted.updateAndGet(p -> new Posted(settings, p.optimizerGeneration()));
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
        int[] all = Batches.identityOrder(n);
        DMatrixRMaj x = new DMatrixRMaj(1, 1), y = new DMatrixRMaj(1, 1);
        Loss loss = net.spec().loss();
        int outputs = net.spec().outputSize();
        Batches.gatherInputs(data, all, 0, n, x);
        Batches.gatherTargets(data, all, 0, n, loss, outputs, y);
        Inference inference = new Inference(net.spec());
        DMatrixRMaj o = inference.run(net, x);
        double meanLoss = loss.value(inference.a(net.depth()), o, y);
        int correct = 0;
        boolean classification = true;
        for (int c = 0; c < n; c++) {
            double label = data.y()[c];
            if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                int best = 0;
                for (int r = 1; r < outputs; r++) if (o.get(r, c) > o.get(best, c)) best = r;
                if (best == (int) label) correct++;
            } else if (loss == Loss.SIGMOID_CROSS_ENTROPY) {
                if ((o.get(0, c) > 0.5) == (label > 0)) correct++;
            } else {
                if (label != 1 && label != -1) classification = false;
                if ((o.get(0, c) >= 0) == (label > 0)) correct++;
            }
        }
        return new Evaluation(meanLoss, classification ? (double) correct / n : Double.NaN);
    }
}
