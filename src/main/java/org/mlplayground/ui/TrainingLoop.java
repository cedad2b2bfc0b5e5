package org.mlplayground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

/**
 * Owns the live network and trains it on a thread of its own. Views never see the trainer: they post
 * commands ({@link #play()}, {@link #configure}, {@link #editParameter}, …) and read the {@link #latest()}
 * immutable {@link Snapshot}, which the training thread replaces once per display frame while playing and
 * after every command. The snapshot carries the network already evaluated over the plane ({@link Field}),
 * so the FX thread only turns numbers into pixels.
 *
 * <p>A new {@link TrainingConfig} is applied between two mini-batches. Settings (learning rate, optimizer,
 * batch size, penalty, dropout) change live; a change of data, features, layers, problem, initialiser or
 * seed makes new weights, and the snapshot's {@link Snapshot#notice() notice} says why. A config the run
 * cannot follow is refused with a message, and the run goes on with the old one.
 *
 * <p>Playing trains {@link #setSpeed speed} mini-batches per frame (about 60 frames a second), cut short
 * when a frame's time is up, so a large network still publishes every frame and answers every command
 * within one. After every epoch the loop keeps a copy of the weights with the lowest training loss so far;
 * when training diverges or the loss shoots up, {@link #revert()} goes back to them.
 */
final class TrainingLoop implements AutoCloseable {
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(16);
    /** Time per frame given to training; the rest is for evaluating the plane and publishing. */
    private static final long TRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(12);
    /** A training loss this many times the best so far is reported as a blow-up. */
    private static final double BLOW_UP = 10;
    /** TensorFlow Playground trains one epoch per frame; at the default data and batch size that is 25 steps. */
    static final int DEFAULT_SPEED = 25;

    private sealed interface Command {
    }

    private record Play() implements Command {
    }

    private record Pause() implements Command {
    }

    private record Step() implements Command {
    }

    private record StepEpoch() implements Command {
    }

    private record Reset() implements Command {
    }

    private record Revert() implements Command {
    }

    private record Stop() implements Command {
    }

    private record Configure(TrainingConfig config) implements Command {
    }

    private record UseData(SessionData data, TrainingConfig config, String why) implements Command {
    }

    private record Edit(int block, int index, double value) implements Command {
    }

    private record TraceStep() implements Command {
    }

    private record TraceExample(int index) implements Command {
    }

    private record AddPoint(double x1, double x2, double label) implements Command {
    }

    private record RemovePoint(double x1, double x2, double radius) implements Command {
    }

    private record Capture(java.util.concurrent.CompletableFuture<ExperimentBridge.Captured> done) implements Command {
    }

    private record Restore(org.mlplayground.experiment.Experiment experiment,
            java.util.concurrent.CompletableFuture<Snapshot> done) implements Command {
    }

    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicReference<org.mlplayground.train.BackpropTrace> latestTrace = new AtomicReference<>();
    private final Thread thread;
    private volatile int speed = DEFAULT_SPEED;
    /** Measures gradient health after every step while the gradient view is shown; null otherwise. */
    private volatile org.mlplayground.health.GradientMonitor monitor;

    // Confined to the training thread once started.
    private TrainingConfig config;
    private SessionData data;
    private InputMap inputs;
    private Trainer trainer;
    private long run;
    private boolean playing;
    private String problem = "";
    private String notice = "";
    /** The language of the notices; immutable, so the training thread may use it. */
    private final I18n i18n;
    private long nextFrame;
    private final FieldEvaluator evaluator = new FieldEvaluator();
    /** Refines snapshots of large runs off the training thread (see {@link #refine}); one thread, so in order. */
    private final java.util.concurrent.ExecutorService refiner = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "snapshot-refiner");
        t.setDaemon(true);
        return t;
    });
    private final FieldEvaluator refinerEvaluator = new FieldEvaluator();
    private final java.util.Queue<ReadyMetrics> readyMetrics = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Whether the run is too large to evaluate its sets on the training thread after every epoch. */
    private boolean largeRun;
    private boolean metricsInFlight;
    /** The numbers on display: exact after a command, the trainer's last epoch while playing. */
    private double trainLoss, penalty, trainAccuracy, testLoss, testAccuracy;
    /** The step of the last exact evaluation; epoch metrics older than it are not shown. */
    private long evaluatedAtStep = -1;
    /** The weights with the lowest training loss at the end of an epoch so far, and that epoch. */
    private Network best;
    private double bestLoss;
    private int bestEpoch;
    /** The lowest training loss since the settings last changed (a new λ may rightly raise C₀), and at epoch 0. */
    private double referenceLoss;
    private double initialLoss;
    private int lastCheckedEpoch;

    /**
     * A loop over the data {@code config}'s recipe makes, paused at epoch 0.
     *
     * @throws IllegalArgumentException if the config cannot run on that data
     */
    TrainingLoop(TrainingConfig config) {
        this(config, I18n.ENGLISH);
    }

    /** As {@link #TrainingLoop(TrainingConfig)}, with notices in {@code i18n}'s language. */
    TrainingLoop(TrainingConfig config, I18n i18n) {
        this(config, SessionData.generated(config.data()), i18n);
    }

    /** A loop over {@code data}, paused at epoch 0. */
    TrainingLoop(TrainingConfig config, SessionData data) {
        this(config, data, I18n.ENGLISH);
    }

    /** A loop over {@code data}, paused at epoch 0, with notices in {@code i18n}'s language. */
    TrainingLoop(TrainingConfig config, SessionData data, I18n i18n) {
        this.i18n = i18n;
        build(config, data);
        publish(true);
        this.thread = new Thread(this::run, "training");
        thread.setDaemon(true);
    }

    /** Starts the training thread, paused. */
    void start() {
        thread.start();
    }

    /** The newest snapshot; never null. Safe to call from any thread. */
    Snapshot latest() {
        return latest.get();
    }

    void play() {
        commands.add(new Play());
    }

    /** Stops before the next mini-batch and publishes the weights it stopped at. */
    void pause() {
        commands.add(new Pause());
    }

    /** Pauses and trains exactly one mini-batch. */
    void step() {
        commands.add(new Step());
    }

    /** Pauses and trains up to the end of the current epoch. */
    void stepEpoch() {
        commands.add(new StepEpoch());
    }

    /** Pauses and starts the run afresh: the config's initial weights, epoch 0. */
    void reset() {
        commands.add(new Reset());
    }

    /** Puts back the weights with the lowest training loss so far and lets training go on from them. */
    void revert() {
        commands.add(new Revert());
    }

    /** Applies {@code next} between two mini-batches: live, or with new weights if the network must change. */
    void configure(TrainingConfig next) {
        commands.add(new Configure(next));
    }

    /** Trains on {@code data} with {@code next} from now on, with new weights; {@code why} goes into the notice. */
    void useData(SessionData data, TrainingConfig next, String why) {
        commands.add(new UseData(data, next, why));
    }

    /** Sets entry {@code index} of parameter block {@code block} (W1, b1, W2, …) to {@code value}, live. */
    void editParameter(int block, int index, double value) {
        commands.add(new Edit(block, index, value));
    }

    /** Adds a training point at (x1, x2) with this label (draw mode); the weights start afresh. */
    void addPoint(double x1, double x2, double label) {
        commands.add(new AddPoint(x1, x2, label));
    }

    /** Removes the point nearest to (x1, x2) within {@code radius}, training or test (draw mode). */
    void removePoint(double x1, double x2, double radius) {
        commands.add(new RemovePoint(x1, x2, radius));
    }

    /**
     * Pauses and takes the next training step apart ({@link Trainer#traceStep()}): the weights move exactly as
     * with {@link #step()}, and {@link #latestTrace()} gets every number of the step.
     */
    void traceStep() {
        commands.add(new TraceStep());
    }

    /**
     * Takes one training example apart (forward, loss, backward and a plain SGD step at the run's γ) on a copy
     * of the weights: the live network does not move. {@code index} is the example's place in the training set.
     */
    void traceExample(int index) {
        commands.add(new TraceExample(index));
    }

    /**
     * The run as an experiment file holds it, copied on the training thread between two steps (while playing,
     * the step after the one on screen at most); the FX thread is not held up. Any thread.
     */
    java.util.concurrent.CompletableFuture<ExperimentBridge.Captured> capture() {
        java.util.concurrent.CompletableFuture<ExperimentBridge.Captured> done = new java.util.concurrent.CompletableFuture<>();
        commands.add(new Capture(done));
        return done;
    }

    /**
     * Pauses and goes on from {@code e} (its settings, points and state): the next step is the one the saved run
     * would have taken. Completes with the snapshot of the restored run, or exceptionally (with an
     * IllegalArgumentException) when the experiment cannot run, in which case the run on screen stays as it was.
     */
    java.util.concurrent.CompletableFuture<Snapshot> restore(org.mlplayground.experiment.Experiment e) {
        java.util.concurrent.CompletableFuture<Snapshot> done = new java.util.concurrent.CompletableFuture<>();
        commands.add(new Restore(e, done));
        return done;
    }

    /** The trace of the last {@link #traceStep()} or {@link #traceExample}, or null. Any thread. */
    org.mlplayground.train.BackpropTrace latestTrace() {
        return latestTrace.get();
    }

    /**
     * Has {@code watching} measure every training step from the next one on, or, with {@code null}, nothing:
     * the gradient view attaches its monitor only while it is shown, so a hidden view costs the training
     * thread one volatile read per step. Any thread.
     */
    void watchGradients(org.mlplayground.health.GradientMonitor watching) {
        monitor = watching;
    }

    /** The monitor measuring every step, or null. Any thread. */
    org.mlplayground.health.GradientMonitor gradientMonitor() {
        return monitor;
    }

    /** Mini-batches per frame while playing, at least 1. Any thread. */
    void setSpeed(int stepsPerFrame) {
        if (stepsPerFrame < 1) throw new IllegalArgumentException("speed must be at least 1 step per frame, got " + stepsPerFrame);
        speed = stepsPerFrame;
    }

    int speed() {
        return speed;
    }

    /**
     * One frame of playing on the caller's thread, for the frame benchmark: {@code steps} mini-batches and
     * the snapshot a frame publishes. Only before {@link #start()}: the loop's own thread must not run.
     */
    Snapshot runFrame(int steps) {
        if (thread.isAlive()) throw new IllegalStateException("the training thread is running");
        playing = true;
        train(steps);
        publish(false);
        return latest();
    }

    /** Stops the training thread and waits briefly for it to end. */
    @Override
    public void close() {
        commands.add(new Stop());
        refiner.shutdownNow();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Command command = playing
                        ? commands.poll(Math.max(0, nextFrame - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : commands.take();
                if (command instanceof Stop) return;
                try {
                    if (command != null) {
                        handle(command);
                    } else if (playing) {
                        trainOneFrame();
                    }
                } catch (RuntimeException e) {
                    // Whatever went wrong, the thread lives on, so the student can change the setting and go on.
                    stop(i18n.text("loop.stopped", e));
                    publishState();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Command command) {
        if (command instanceof Play) {
            if (playing) return;
            if (trainer.divergence().isPresent()) trainer.acknowledgeDivergence();
            if (trainer.earlyStop().isPresent()) trainer.continueAfterEarlyStop();
            playing = true;
            problem = "";
            nextFrame = System.nanoTime();
            publishState(); // the weights are those on display: only the state changes
            return;
        } else if (command instanceof Capture c) {
            try {
                c.done().complete(ExperimentBridge.capture(config, data, trainer.checkpoint(), run));
            } catch (RuntimeException e) {
                c.done().completeExceptionally(e);
            }
            return;
        } else if (command instanceof Restore r) {
            try {
                build(r.experiment().config(), ExperimentBridge.sessionData(r.experiment()), r.experiment().state());
            } catch (RuntimeException e) { // whatever it was, the run on screen stays and the caller hears why
                r.done().completeExceptionally(e);
                return;
            }
            playing = false;
            problem = "";
            notice = "";
            publish(true);
            r.done().complete(latest());
            return;
        } else if (command instanceof Pause) {
            playing = false;
            publishState(); // answered at once; the exact numbers for these weights follow
        } else if (command instanceof Step) {
            playing = false;
            acknowledge();
            train(1);
        } else if (command instanceof StepEpoch) {
            playing = false;
            acknowledge();
            int start = trainer.epoch();
            train(Integer.MAX_VALUE, () -> trainer.epoch() != start);
        } else if (command instanceof Reset) {
            playing = false;
            problem = "";
            notice = "";
            build(config, data);
        } else if (command instanceof Revert) {
            if (best != null) {
                trainer.network().copyParametersFrom(best);
                trainer.acknowledgeDivergence();
                // The optimizer's velocities and averages grew with the blow-up: start them afresh too.
                trainer.setOptimizer(config.optimizer());
                problem = "";
                notice = i18n.text("loop.wentBack", bestEpoch, String.format(Locale.ROOT, "%.4f", bestLoss));
            }
        } else if (command instanceof Configure c) {
            reconfigure(c.config());
        } else if (command instanceof UseData u) {
            SessionData before = data;
            TrainingConfig old = config;
            try {
                build(u.config(), u.data());
                problem = "";
                notice = i18n.text("loop.weightsReset", u.why());
            } catch (IllegalArgumentException e) {
                build(old, before);
                problem = i18n.text("loop.dataNotUsed", e.getMessage());
            }
        } else if (command instanceof AddPoint a) {
            changeData(data.withSets(data.train().withPoint(new double[] {a.x1(), a.x2()}, a.label()), data.test()),
                    i18n.text("loop.addedPoint"));
        } else if (command instanceof RemovePoint r) {
            Dataset train = data.train().withoutNearest(r.x1(), r.x2(), r.radius());
            Dataset test = data.test();
            if (train == data.train() && test != null) test = test.withoutNearest(r.x1(), r.x2(), r.radius());
            if (train.size() == 0) {
                problem = i18n.text("loop.lastPointStays");
            } else if (train != data.train() || test != data.test()) {
                changeData(data.withSets(train, test != null && test.size() == 0 ? null : test), i18n.text("loop.removedPoint"));
            }
        } else if (command instanceof TraceStep) {
            playing = false;
            acknowledge();
            try {
                traceNextStep();
                checkEpoch();
                trainer.divergence().ifPresent(d -> stop(d.message()));
            } catch (RuntimeException e) {
                stop(i18n.text("loop.stopped", e.getMessage()));
            }
        } else if (command instanceof TraceExample t) {
            if (t.index() >= 0 && t.index() < trainer.trainingSet().size()) {
                latestTrace.set(org.mlplayground.train.BackpropTrace.ofExample(trainer.network(), trainer.trainingSet(),
                        t.index(), config.learningRate()));
                notice = i18n.text("loop.exampleTraced", t.index() + 1);
            }
        } else if (command instanceof Edit e) {
            List<Parameter> params = trainer.network().parameters();
            if (e.block() < 0 || e.block() >= params.size() || e.index() < 0 || e.index() >= params.get(e.block()).size()) {
                problem = i18n.text("loop.weightGone");
                publish(true);
                return;
            }
            Parameter p = params.get(e.block());
            p.value()[e.index()] = e.value();
            notice = i18n.text("loop.weightSet", p.name(), e.index(), Double.toString(e.value()));
        }
        // With another command waiting, that one publishes: a burst of clicks is not evaluated click by click.
        if (commands.isEmpty()) publish(true);
        else publishState();
    }

    private void changeData(SessionData next, String why) {
        SessionData before = data;
        try {
            build(config, next);
            notice = i18n.text("loop.weightsResetPoints", why, next.train().size(), next.testSize());
        } catch (IllegalArgumentException e) {
            build(config, before);
            problem = i18n.text("loop.pointNotUsed", e.getMessage());
        }
    }

    /**
     * Takes the next step apart. A small network's gradient check is computed at once; a large one's (four
     * forward passes per parameter) on the refining thread, and the trace on display is completed when it is
     * done, so Pause and the other commands are not kept waiting.
     */
    private void traceNextStep() {
        double params = trainer.network().parameterCount();
        if (params * params * trainer.batchSize() <= INLINE_CHECK_COST) {
            latestTrace.set(trainer.traceStep());
            return;
        }
        Trainer.DeferredTrace deferred = trainer.traceStepDeferred();
        latestTrace.set(deferred.trace());
        refiner.execute(() -> latestTrace.compareAndSet(deferred.trace(), deferred.check().get()));
    }

    /** (parameters)² × B of a gradient check done on the spot: a few ms. */
    private static final double INLINE_CHECK_COST = 2e6;

    /** A single step or epoch asked for by hand goes on after a divergence, as Play does. */
    private void acknowledge() {
        if (trainer.divergence().isPresent()) {
            trainer.acknowledgeDivergence();
            problem = "";
        }
        if (trainer.earlyStop().isPresent()) trainer.continueAfterEarlyStop();
    }

    private void reconfigure(TrainingConfig next) {
        if (!config.resetsWeights(next)) {
            try {
                trainer.setSettings(next.settings());
                referenceLoss = Double.POSITIVE_INFINITY;
                String what = liveChanges(config, next, i18n);
                config = next;
                if (!what.isEmpty()) notice = i18n.text("loop.fromStep", trainer.stepCount() + 1, what);
            } catch (IllegalArgumentException e) {
                problem = i18n.text("loop.settingNotApplied", e.getMessage());
            }
            return;
        }
        String why = reason(config, next);
        TrainingConfig old = config;
        SessionData before = data;
        try {
            SessionData nextData = next.data().equals(old.data()) ? data : SessionData.generated(next.data());
            build(next, nextData);
            notice = i18n.text("loop.weightsReset", why);
            problem = "";
        } catch (IllegalArgumentException e) {
            build(old, before);
            problem = i18n.text("loop.notApplied", e.getMessage());
        }
    }

    /** {@link TrainingConfig#resetReason} in the window's language (its key: what it names as changed). */
    private String reason(TrainingConfig a, TrainingConfig b) {
        String english = a.resetReason(b);
        String key = switch (english) {
            case "the data changed" -> "reason.data";
            case "the input features changed" -> "reason.features";
            case "the network's layers changed" -> "reason.layers";
            case "the problem type changed" -> "reason.problem";
            case "the initialiser changed" -> "reason.init";
            case "the seed changed" -> "reason.seed";
            default -> null;
        };
        return key == null ? english : i18n.text(key);
    }

    /** What changed between two configs that apply live, in words: "γ 0.03 → 0.1, Adam". */
    static String liveChanges(TrainingConfig a, TrainingConfig b) {
        return liveChanges(a, b, I18n.ENGLISH);
    }

    /** {@link #liveChanges(TrainingConfig, TrainingConfig)} in {@code i18n}'s language. */
    static String liveChanges(TrainingConfig a, TrainingConfig b, I18n i18n) {
        List<String> what = new ArrayList<>();
        if (a.learningRate() != b.learningRate()) {
            what.add(i18n.text("live.learningRate", num(a.learningRate()), num(b.learningRate())));
        }
        if (!a.optimizer().id().equals(b.optimizer().id())) {
            what.add(i18n.text("live.optimizer", b.optimizer().name(), a.optimizer().name()));
        } else if (!a.optimizer().equals(b.optimizer())) {
            what.add(i18n.text("live.optimizerSettings", b.optimizer().name(), b.optimizer()));
        }
        if (a.batchSize() != b.batchSize()) what.add(i18n.text("live.batchSize", a.batchSize(), b.batchSize()));
        if (!a.penalty().equals(b.penalty())) {
            what.add(b.penalty() instanceof org.mlplayground.train.Penalty.None ? i18n.text("live.noPenalty")
                    : i18n.text("live.penalty", b.penalty().id().toUpperCase(Locale.ROOT), num(b.penalty().lambda())));
        }
        for (int l = 1; l <= b.hidden().size(); l++) {
            double p = a.hidden().get(l - 1).dropout(), q = b.hidden().get(l - 1).dropout();
            if (p != q) what.add(i18n.text("live.dropout", l, num(p), num(q)));
        }
        if (!java.util.Objects.equals(a.augmentation(), b.augmentation())) what.add(i18n.text("live.augmentation"));
        if (!java.util.Objects.equals(a.earlyStopping(), b.earlyStopping())) what.add(i18n.text("live.earlyStopping"));
        return String.join(", ", what);
    }

    private static String num(double v) {
        return NumberText.format(v);
    }

    /** New weights and a new trainer for {@code next} on {@code nextData}. */
    private void build(TrainingConfig next, SessionData nextData) {
        build(next, nextData, null);
    }

    /** As {@link #build(TrainingConfig, SessionData)}, continued from {@code state} if not null; nothing changes if it fails. */
    private void build(TrainingConfig next, SessionData nextData, org.mlplayground.train.Checkpoint state) {
        if (next.problem().task() != nextData.task()) {
            throw new IllegalArgumentException(i18n.text("loop.problemNeeds", problemTitle(next.problem()),
                    i18n.text("task.needs." + next.problem().task().name()), nextData.name(),
                    i18n.text("task.needs." + nextData.task().name())));
        }
        Trainer fresh = next.trainer(nextData.train(), nextData.validation(), nextData.test(), nextData.outputs());
        if (state != null) fresh.restore(state);
        Network network = fresh.network();
        config = next;
        data = nextData;
        inputs = fresh.inputMap();
        trainer = fresh;
        run++;
        best = null;
        bestLoss = Double.POSITIVE_INFINITY;
        bestEpoch = -1;
        lastCheckedEpoch = fresh.epoch();
        referenceLoss = Double.POSITIVE_INFINITY;
        initialLoss = Trainer.evaluate(network, fresh.trainingSet()).loss();
        largeRun = evaluationCost() > INLINE_EVALUATION_COST;
        fresh.recordMetrics(!largeRun);
        metricsInFlight = false;
    }

    private String problemTitle(TrainingConfig.Problem p) {
        return i18n.has("problem." + p.name()) ? i18n.text("problem." + p.name()) : p.title();
    }

    /** The mini-batches due in one frame, cut short by a command or by the end of the frame's time. */
    private void trainOneFrame() {
        long deadline = System.nanoTime() + TRAIN_NANOS;
        int due = speed;
        train(due, () -> !commands.isEmpty() || System.nanoTime() >= deadline);
        nextFrame = Math.max(nextFrame + FRAME_NANOS, System.nanoTime());
        publish(false);
    }

    private void train(int steps) {
        train(steps, () -> false);
    }

    /**
     * Trains up to {@code steps} mini-batches, checking {@code enough} after each; stops playing with the
     * guard's message if training diverged, and with early stopping's reason when it gives up.
     */
    private void train(int steps, java.util.function.BooleanSupplier enough) {
        try {
            for (int i = 0; i < steps && trainer.divergence().isEmpty() && trainer.earlyStop().isEmpty(); i++) {
                trainer.step();
                org.mlplayground.health.GradientMonitor watching = monitor;
                if (watching != null) watching.afterStep(trainer);
                checkEpoch();
                if (enough.getAsBoolean()) break;
            }
        } catch (RuntimeException e) {
            // The thread must survive a bad setting so the student can change it and go on.
            stop(i18n.text("loop.stopped", e.getMessage()));
            return;
        }
        trainer.divergence().ifPresent(d -> stop(d.message()));
        trainer.earlyStop().ifPresent(s -> stop(s.message()));
    }

    /** After an epoch: keeps the best weights so far, and warns when the loss shoots up. */
    private void checkEpoch() {
        if (trainer.epoch() == lastCheckedEpoch) {
            if (largeRun) takeReadyMetrics();
            return;
        }
        lastCheckedEpoch = trainer.epoch();
        if (largeRun) {
            // Evaluating 100,000 points takes many frames' time: the refiner does it on a copy, one epoch at a
            // time (epochs that end meanwhile are not evaluated), and the training thread goes on.
            if (!metricsInFlight) evaluateLater(trainer.network().copy(), trainer.epoch(), trainer.stepCount());
            takeReadyMetrics();
            return;
        }
        EpochMetrics m = trainer.history().latest();
        if (m == null || m.epoch() != trainer.epoch()) return;
        judge(m, trainer.network());
    }

    /** An epoch's metrics computed by the refiner, with the weights they belong to. */
    private record ReadyMetrics(long run, EpochMetrics metrics, Network weights) {
    }

    private void evaluateLater(Network weights, int epoch, long step) {
        metricsInFlight = true;
        long forRun = run;
        Trainer owner = trainer;
        Dataset trainSet = trainer.trainingSet(), testSet = trainer.testSet().orElse(null);
        double penaltyNow = config.penalty().value(weights.parameters(), data.train().size());
        refiner.execute(() -> {
            Trainer.Evaluation onTrain = Trainer.evaluate(weights, trainSet);
            Trainer.Evaluation onTest = testSet == null ? NO_SET : Trainer.evaluate(weights, testSet);
            EpochMetrics m = new EpochMetrics(epoch, step, onTrain.loss(), onTrain.accuracy(), onTest.loss(),
                    onTest.accuracy(), penaltyNow, Double.NaN, Double.NaN);
            owner.history().add(m);
            readyMetrics.add(new ReadyMetrics(forRun, m, weights));
        });
    }

    /** Judges the metrics the refiner has finished (training thread). */
    private void takeReadyMetrics() {
        for (ReadyMetrics r = readyMetrics.poll(); r != null; r = readyMetrics.poll()) {
            if (r.run() != run) continue;
            metricsInFlight = false;
            judge(r.metrics(), r.weights());
        }
    }

    /** Keeps {@code weights} if they are the best so far; stops with a warning when the loss shoots up. */
    private void judge(EpochMetrics m, Network weights) {
        double loss = m.trainLoss();
        if (Double.isFinite(loss) && loss < bestLoss) {
            bestLoss = loss;
            bestEpoch = m.epoch();
            if (best == null) {
                best = weights.copy();
            } else {
                best.copyParametersFrom(weights);
            }
        }
        if (Double.isFinite(loss)) referenceLoss = Math.min(referenceLoss, loss);
        // A blow-up: far above the best since the settings last changed, and worse than the untrained network.
        if (best != null && !(loss <= Math.max(BLOW_UP * referenceLoss, 2 * initialLoss))) {
            stop(i18n.text("loop.lossJumped", Double.toString(loss),
                    Double.isFinite(loss) ? i18n.text("loop.lossJumped.times", String.format(Locale.ROOT, "%.0f", loss / bestLoss))
                            : i18n.text("loop.lossJumped.farAbove"),
                    String.format(Locale.ROOT, "%.4f", bestLoss), bestEpoch));
        }
    }

    private void stop(String why) {
        playing = false;
        problem = why;
    }

    /**
     * Publishes a copy of the weights, evaluated over the plane. After a command ({@code exact}, or whenever
     * paused) the losses over the whole data sets are computed for exactly these weights; while playing, the
     * numbers are those the trainer recorded at the end of its last epoch.
     */
    private void publish(boolean exact) {
        Network live = trainer.network();
        Network weights = live.copy();
        boolean still = exact || !playing;
        // Exact numbers and the full-resolution picture for weights that stay on screen; done here when cheap,
        // by the refining thread when a large data set or network would keep the next command waiting.
        boolean refineNumbers = still && evaluationCost() > INLINE_EVALUATION_COST;
        boolean refineField = still && evaluator.fullMillis(weights.spec()) > INLINE_FIELD_MILLIS;
        EpochMetrics lastEpoch = trainer.history().latest();
        Snapshot before = latest.get();
        if (still && !refineNumbers) {
            Trainer.Evaluation onTrain = Trainer.evaluate(weights, trainer.trainingSet());
            Trainer.Evaluation onTest = trainer.testSet().map(t -> Trainer.evaluate(weights, t)).orElse(NO_SET);
            trainLoss = onTrain.loss();
            trainAccuracy = onTrain.accuracy();
            testLoss = onTest.loss();
            testAccuracy = onTest.accuracy();
            evaluatedAtStep = trainer.stepCount();
        } else if (lastEpoch != null && lastEpoch.step() > evaluatedAtStep) {
            // While playing the sets are evaluated once per epoch, by the trainer.
            trainLoss = lastEpoch.trainLoss();
            trainAccuracy = lastEpoch.trainAccuracy();
            testLoss = lastEpoch.testLoss();
            testAccuracy = lastEpoch.testAccuracy();
            evaluatedAtStep = lastEpoch.step();
        } else if (before != null && before.run() == run && before.step() == evaluatedAtStep) {
            // A refinement may have brought exact numbers since.
            trainLoss = before.trainLoss();
            trainAccuracy = before.trainAccuracy();
            testLoss = before.testLoss();
            testAccuracy = before.testAccuracy();
        }
        penalty = config.penalty().value(weights.parameters(), data.train().size());
        List<double[]> gradients = new ArrayList<>();
        for (Parameter p : live.parameters()) gradients.add(java.util.Arrays.copyOf(p.gradient(), p.size()));
        List<boolean[]> dropped = new ArrayList<>();
        for (int l = 1; l < live.depth(); l++) dropped.add(droppedNeurons(live.layer(l)));
        Field field = evaluator.evaluate(weights, inputs, data.plane(), !still || refineField);
        Snapshot s = new Snapshot(config, run, weights, List.copyOf(gradients), data, inputs, field,
                trainer.history().points(), trainer.epoch(), trainer.stepCount(), trainLoss, penalty, trainAccuracy,
                testLoss, testAccuracy, weights.zeroWeightCount(), weights.weightCount(), List.copyOf(dropped), playing,
                problem, best == null ? -1 : bestEpoch, notice);
        latest.set(s);
        if (refineNumbers || refineField) {
            refine(s, refineNumbers ? trainer.trainingSet() : null, trainer.testSet().orElse(null), refineField);
        }
    }

    private static final Trainer.Evaluation NO_SET = new Trainer.Evaluation(Double.NaN, Double.NaN);
    /** Multiply-adds of an exact evaluation that are done on the spot (a few ms); more go to the refiner. */
    private static final double INLINE_EVALUATION_COST = 5e6;
    private static final double INLINE_FIELD_MILLIS = 8;

    /** Multiply-adds of evaluating the training and test sets once. */
    private double evaluationCost() {
        long points = data.train().size() + data.testSize();
        return (double) points * trainer.network().parameterCount();
    }

    /**
     * On the refining thread: the exact losses over the whole sets (when {@code trainSet} is given) and the
     * full-resolution field (when {@code field}) for the weights of {@code s}, put into the snapshot on
     * display if it still shows those weights.
     */
    private void refine(Snapshot s, Dataset trainSet, Dataset testSet, boolean field) {
        refiner.execute(() -> {
            boolean numbers = trainSet != null;
            Trainer.Evaluation onTrain = numbers ? Trainer.evaluate(s.network(), trainSet) : null;
            Trainer.Evaluation onTest = !numbers ? null : testSet == null ? NO_SET : Trainer.evaluate(s.network(), testSet);
            Field full = field ? refinerEvaluator.evaluate(s.network(), s.inputs(), s.data().plane()) : null;
            latest.updateAndGet(now -> now.network() != s.network() ? now
                    : new Snapshot(now.config(), now.run(), now.network(), now.gradients(), now.data(), now.inputs(),
                            full != null ? full : now.field(), now.history(), now.epoch(), now.step(),
                            numbers ? onTrain.loss() : now.trainLoss(), now.penalty(),
                            numbers ? onTrain.accuracy() : now.trainAccuracy(), numbers ? onTest.loss() : now.testLoss(),
                            numbers ? onTest.accuracy() : now.testAccuracy(), now.zeroWeights(), now.weightCount(),
                            now.dropped(), now.running(), now.problem(), now.revertEpoch(), now.notice()));
        });
    }

    /**
     * Republishes the snapshot on display with the loop's state (playing, problem, notice) brought up to
     * date: for commands that do not touch the weights, answered without evaluating anything.
     */
    private void publishState() {
        // updateAndGet, not get-then-set: a refinement landing in between must not be thrown away.
        latest.updateAndGet(s -> new Snapshot(s.config(), s.run(), s.network(), s.gradients(), s.data(), s.inputs(), s.field(),
                s.history(), s.epoch(), s.step(), s.trainLoss(), s.penalty(), s.trainAccuracy(), s.testLoss(),
                s.testAccuracy(), s.zeroWeights(), s.weightCount(), s.dropped(), playing, problem,
                best == null ? -1 : bestEpoch, notice));
    }

    /** Which neurons of layer l the last mask dropped for the batch's first example. */
    private static boolean[] droppedNeurons(DenseLayer layer) {
        boolean[] dropped = new boolean[layer.size()];
        DMatrixRMaj mask = layer.dropoutMask();
        if (layer.dropoutRate() == 0 || mask == null || mask.numCols == 0 || mask.numRows != layer.size()) return dropped;
        for (int j = 0; j < dropped.length; j++) dropped[j] = mask.get(j, 0) == 0;
        return dropped;
    }
}
