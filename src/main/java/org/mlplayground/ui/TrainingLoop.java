package org.mlplayground.ui;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.mlplayground.engine.Network;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.Trainer;

/**
 * Owns the live network and trains it on a thread of its own. Views never see the trainer: they post
 * commands ({@link #play()}, {@link #pause()}, …) and read the {@link #latest()} immutable
 * {@link Snapshot}, which the training thread replaces about once per display frame while playing and
 * after every command.
 *
 * <p>Training is paced to {@link RunSetup#epochsPerSecond()} so the boundary moves at a speed a student
 * can follow; a network too big for that pace trains as fast as it can and still publishes every frame.
 */
final class TrainingLoop implements AutoCloseable {
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    private enum Command { PLAY, PAUSE, STEP, RESET, STOP }

    private final RunSetup setup;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final Thread thread;
    private final double stepsPerFrame;

    // Confined to the training thread once started.
    private Trainer trainer;
    private boolean playing;
    private String problem = "";
    private double stepCredit;
    private long nextFrame;
    /** The losses and accuracy on display: exact after a command, the trainer's last epoch while playing. */
    private double trainLoss, testLoss, testAccuracy;

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

    /** Pauses and goes back to the run's initial weights, epoch 0. */
    void reset() {
        commands.add(Command.RESET);
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

    private void stop(String why) {
        playing = false;
        problem = why;
    }

    /**
     * Publishes a copy of the weights. After a command ({@code exact}, or whenever paused) the losses over
     * the whole data sets are computed for exactly these weights; while playing, the numbers are those the
     * trainer recorded at the end of its last epoch, so the sets are evaluated once per epoch, not twice.
     */
    private void publish(boolean exact) {
        Network weights = trainer.network().copy();
        EpochMetrics lastEpoch = trainer.history().latest();
        if (exact || !playing || lastEpoch == null) {
            Trainer.Evaluation onTrain = Trainer.evaluate(weights, setup.data().train());
            Trainer.Evaluation onTest = Trainer.evaluate(weights, setup.data().test());
            trainLoss = onTrain.loss();
            testLoss = onTest.loss();
            testAccuracy = onTest.accuracy();
        } else {
            trainLoss = lastEpoch.trainLoss();
            testLoss = lastEpoch.testLoss();
            testAccuracy = lastEpoch.testAccuracy();
        }
        latest.set(new Snapshot(weights, setup.data().train(), setup.data().test(), trainer.epoch(),
                trainer.stepCount(), trainLoss, testLoss, testAccuracy, playing, problem));
    }
}
