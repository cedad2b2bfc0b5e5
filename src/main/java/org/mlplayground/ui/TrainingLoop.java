package org.mlplayground.ui;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.mlplayground.engine.Network;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.Regularization;
import org.mlplayground.train.Trainer;

/**
 * Owns the live network and trains it on a thread of its own. Views never see the trainer: they post
 * commands ({@link #play()}, {@link #pause()}, …) and read the {@link #latest()} immutable
 * {@link Snapshot}, which the training thread replaces about once per display frame while playing and
 * after every command.
 *
 * <p>Settings a student changes while playing (the regularisation) are posted the same way, as a
 * command that the training thread hands to the trainer between two mini-batches. They are settings, not
 * weights: Reset keeps them.
 *
 * <p>Training is paced to {@link RunSetup#epochsPerSecond()} so the boundary moves at a speed a student
 * can follow; a network too big for that pace trains as fast as it can and still publishes every frame.
 */
final class TrainingLoop implements AutoCloseable {
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    private enum Command { PLAY, PAUSE, STEP, RESET, REGULARIZE, STOP }

    private final RunSetup setup;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    /** The remedies last asked for; the training thread hands them to every trainer it makes. */
    private final AtomicReference<Regularization> regularization = new AtomicReference<>(Regularization.NONE);
    private final Thread thread;
    private final double stepsPerFrame;

    // Confined to the training thread once started.
    private Trainer trainer;
    private boolean playing;
    private String problem = "";
    private double stepCredit;
    private long nextFrame;
    /** The numbers on display: exact after a command, the trainer's last epoch while playing. */
    private double trainLoss, penalty, testLoss, testAccuracy;

    TrainingLoop(RunSetup setup) {
        this.setup = setup;
        this.stepsPerFrame = setup.epochsPerSecond() * setup.stepsPerEpoch() * FRAME_NANOS / 1e9;
        this.trainer = setup.freshTrainer();
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
        commands.add(Command.PLAY);
    }

    /** Stops before the next mini-batch and publishes the weights it stopped at. */
    void pause() {
        commands.add(Command.PAUSE);
    }

    /** Pauses and trains exactly one mini-batch. */
    void step() {
        commands.add(Command.STEP);
    }

    /** Pauses and goes back to the run's initial weights, epoch 0, keeping the regularisation. */
    void reset() {
        commands.add(Command.RESET);
    }

    /**
     * Trains from the next mini-batch on with {@code penalty} on the weights and dropout rate {@code p} in
     * every hidden layer; playing or paused, nothing else changes.
     *
     * @throws IllegalArgumentException if p is not in [0, 1); nothing is posted then
     */
    void regularize(Penalty penalty, double p) {
        regularization.set(Regularization.NONE.withPenalty(penalty).withDropoutEverywhere(setup.spec().depth() - 1, p));
        commands.add(Command.REGULARIZE);
    }

    /** Stops the training thread and waits briefly for it to end. */
    @Override
    public void close() {
        commands.add(Command.STOP);
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
                if (command == Command.STOP) return;
                if (command != null) {
                    handle(command);
                } else if (playing) {
                    trainOneFrame();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Command command) {
        switch (command) {
            case PLAY -> {
                if (playing) return;
                playing = true;
                problem = "";
                nextFrame = System.nanoTime();
                publish(true);
            }
            case PAUSE -> {
                playing = false;
                publish(true);
            }
            case STEP -> {
                playing = false;
                train(1);
                publish(true);
            }
            case RESET -> {
                playing = false;
                problem = "";
                stepCredit = 0;
                trainer = setup.freshTrainer();
                applyRegularization();
                publish(true);
            }
            case REGULARIZE -> {
                applyRegularization();
                publish(true);
            }
            case STOP -> { } // ends the loop in run()
        }
    }

    /** The mini-batches due in one frame, cut short by a command or by the end of the frame. */
    private void trainOneFrame() {
        long deadline = System.nanoTime() + FRAME_NANOS;
        stepCredit += stepsPerFrame;
        int due = (int) stepCredit;
        stepCredit -= due;
        int done = 0;
        while (done < due && commands.isEmpty() && System.nanoTime() < deadline && playing) {
            train(1);
            done++;
        }
        nextFrame = Math.max(nextFrame + FRAME_NANOS, System.nanoTime());
        publish(false);
    }

    /** Trains {@code steps} mini-batches; stops playing with the guard's message if training diverged. */
    private void train(int steps) {
        try {
            for (int i = 0; i < steps && trainer.divergence().isEmpty(); i++) trainer.step();
        } catch (RuntimeException e) {
            // The thread must survive a bad setting so the student can change it and go on.
            stop("Training stopped: " + e.getMessage());
            return;
        }
        trainer.divergence().ifPresent(d -> stop(d.message()));
    }

    private void applyRegularization() {
        try {
            trainer.setRegularization(regularization.get());
        } catch (IllegalArgumentException e) {
            stop("Regularisation not applied: " + e.getMessage());
        }
    }

    private void stop(String why) {
        playing = false;
        problem = why;
    }

    /**
     * Publishes a copy of the weights. After a command ({@code exact}, or whenever paused) the losses over
     * the whole data sets are computed for exactly these weights; while playing, the numbers are those the
     * trainer recorded at the end of its last epoch, so the sets are evaluated once per epoch, not twice.
     * The penalty is that of the settings posted last, so a new λ shows at once even while paused.
     */
    private void publish(boolean exact) {
        Network weights = trainer.network().copy();
        Regularization remedies = trainer.settings().regularization();
        EpochMetrics lastEpoch = trainer.history().latest();
        if (exact || !playing || lastEpoch == null) {
            Trainer.Evaluation onTrain = Trainer.evaluate(weights, setup.data().train());
            Trainer.Evaluation onTest = Trainer.evaluate(weights, setup.data().test());
            trainLoss = onTrain.loss();
            penalty = remedies.penalty().value(weights.parameters(), setup.data().train().size());
            testLoss = onTest.loss();
            testAccuracy = onTest.accuracy();
        } else {
            trainLoss = lastEpoch.trainLoss();
            penalty = lastEpoch.penalty();
            testLoss = lastEpoch.testLoss();
            testAccuracy = lastEpoch.testAccuracy();
        }
        latest.set(new Snapshot(weights, setup.data().train(), setup.data().test(), trainer.epoch(),
                trainer.stepCount(), trainLoss, penalty, testLoss, testAccuracy, weights.zeroWeightCount(),
                weights.weightCount(), remedies, playing, problem));
    }
}
