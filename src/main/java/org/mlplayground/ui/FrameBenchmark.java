package org.mlplayground.ui;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.mlplayground.train.TrainingConfig;

/**
 * The playground's per-frame work, timed: what one display frame costs on the default setup (circle, x₁ and
 * x₂, hidden layers [4, 2] of tanh, batch 10) while playing at 10 epochs per frame. A frame is
 * <ol>
 *   <li>on the training thread: 250 mini-batches (10 epochs of 250 points, each epoch evaluated on the
 *       training and test sets), then the snapshot: a copy of the weights and gradients and the network
 *       evaluated on the 200 × 200 output grid and the 40 × 40 neuron grids;</li>
 *   <li>on the FX thread: the output heatmap, the network diagram's thumbnails and edges and the loss chart
 *       drawn from that snapshot (pixels written into their images, canvas commands issued).</li>
 * </ol>
 * In the window the two run on different threads at the same time; here they run one after the other,
 * so the figure is an upper bound. The JavaFX toolkit runs headless (Monocle, software rendering), which
 * the benchmark profile puts on the class path.
 */
public final class FrameBenchmark {
    private static final int WARM_UP = 300;
    private static final int FRAMES = 600;

    private FrameBenchmark() {
    }

    /**
     * Medians over the timed frames, in ms.
     *
     * @param frame    training thread's part plus FX thread's part of the same frame
     * @param training mini-batches, per-epoch metrics and the snapshot with its grids
     * @param drawing  the views drawing the snapshot on the FX thread
     */
    public record Result(double frame, double training, double drawing, int chartPoints, double chartRedraw) {
    }

    /** The default setup at {@code epochsPerFrame} epochs per frame, timed over {@value #FRAMES} frames. */
    public static Result run(int epochsPerFrame) throws InterruptedException {
        return run(epochsPerFrame, false);
    }

    /**
     * As {@link #run(int)}; with {@code gradientView} the gradient view is open: its monitor measures every
     * training step (part of the training figure) and the view redraws from it every frame (part of the drawing
     * figure; in the window it redraws at most {@value GradientHealthView#REDRAWS_PER_SECOND} times a second).
     * Call {@link #finish()} after the last run.
     */
    public static Result run(int epochsPerFrame, boolean gradientView) throws InterruptedException {
        startHeadless();
        TrainingConfig config = TrainingConfig.defaults();
        try (TrainingLoop loop = new TrainingLoop(config)) {
            org.mlplayground.health.GradientMonitor monitor = new org.mlplayground.health.GradientMonitor();
            if (gradientView) loop.watchGradients(monitor);
            GradientHealthView health = new GradientHealthView(I18n.ENGLISH);
            health.setMonitor(monitor);
            int steps = epochsPerFrame * loop.latest().data().train().size() / config.batchSize();
            DecisionBoundaryView boundary = new DecisionBoundaryView();
            NetworkDiagram diagram = new NetworkDiagram();
            LossChart chart = new LossChart();
            CountDownLatch shown = new CountDownLatch(1);
            Stage[] window = new Stage[1];
            Platform.runLater(() -> {
                diagram.configProperty().set(config);
                boundary.setPrefSize(420, 420);
                diagram.setPrefSize(700, 520);
                chart.setPrefSize(460, 220);
                Stage stage = new Stage();
                health.setPrefSize(1000, 800);
                stage.setScene(new Scene(gradientView ? new HBox(diagram, boundary, chart, health) : new HBox(diagram, boundary, chart),
                        gradientView ? 2600 : 1600, gradientView ? 800 : 560));
                stage.show();
                window[0] = stage;
                shown.countDown();
            });
            shown.await();
            double[] frame = new double[FRAMES], training = new double[FRAMES], drawing = new double[FRAMES];
            for (int f = -WARM_UP; f < FRAMES; f++) {
                long t0 = System.nanoTime();
                Snapshot s = loop.runFrame(steps);
                long trained = System.nanoTime() - t0;
                AtomicLong drawn = new AtomicLong();
                CountDownLatch done = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long d0 = System.nanoTime();
                    boundary.snapshotProperty().set(s);
                    diagram.snapshotProperty().set(s);
                    chart.snapshotProperty().set(s);
                    if (gradientView) health.redrawNow();
                    drawn.set(System.nanoTime() - d0);
                    done.countDown();
                });
                done.await();
                if (f < 0) continue;
                training[f] = trained * 1e-6;
                drawing[f] = drawn.get() * 1e-6;
                frame[f] = training[f] + drawing[f];
            }
            // The loss chart redraws at most 10 times a second, so it is timed on its own: the history is now
            // as long as the chart ever gets (downsampled to at most 2000 points).
            Snapshot last = loop.latest();
            double[] chartMs = new double[40];
            for (int i = -20; i < chartMs.length; i++) {
                AtomicLong redraw = new AtomicLong();
                CountDownLatch done = new CountDownLatch(1);
                Platform.runLater(() -> {
                    chart.snapshotProperty().set(last);
                    long d0 = System.nanoTime();
                    chart.redrawNow();
                    redraw.set(System.nanoTime() - d0);
                    done.countDown();
                });
                done.await();
                if (i >= 0) chartMs[i] = redraw.get() * 1e-6;
            }
            Platform.runLater(() -> window[0].hide());
            return new Result(median(frame), median(training), median(drawing), last.history().size(), median(chartMs));
        }
    }

    /** Ends the JavaFX toolkit the runs started. */
    public static void finish() {
        Platform.exit();
    }

    /**
     * How long the training thread takes to answer Pause and Play (until the snapshot on display says so)
     * on the largest setup: 8 hidden layers of 16 tanh neurons, 100,000 points, 2500 mini-batches per frame.
     * Returns {median, max} over {@code pairs} pause–play pairs, in ms.
     */
    public static double[] commandLatencyLargest(int pairs) throws InterruptedException {
        java.util.List<TrainingConfig.HiddenLayer> layers = new java.util.ArrayList<>();
        for (int l = 0; l < TrainingConfig.MAX_HIDDEN_LAYERS; l++) {
            layers.add(new TrainingConfig.HiddenLayer(TrainingConfig.MAX_NEURONS, org.mlplayground.engine.Activation.tanh()));
        }
        TrainingConfig config = TrainingConfig.defaults().withHidden(layers)
                .withData(org.mlplayground.data.DataRecipe.of(org.mlplayground.data.Generator.CIRCLE, 1).withPoints(100_000));
        double[] ms = new double[2 * pairs];
        try (TrainingLoop loop = new TrainingLoop(config)) {
            loop.setSpeed(2500);
            loop.start();
            loop.play();
            Thread.sleep(2000);
            java.util.SplittableRandom jitter = new java.util.SplittableRandom(1);
            for (int i = 0; i < pairs; i++) {
                Thread.sleep(100 + jitter.nextInt(400)); // at random moments of the epoch
                long t0 = System.nanoTime();
                loop.pause();
                while (loop.latest().running()) Thread.onSpinWait();
                ms[2 * i] = (System.nanoTime() - t0) * 1e-6;
                Thread.sleep(50);
                t0 = System.nanoTime();
                loop.play();
                while (!loop.latest().running()) Thread.onSpinWait();
                ms[2 * i + 1] = (System.nanoTime() - t0) * 1e-6;
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {median(ms), sorted[sorted.length - 1]};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Starts the JavaFX toolkit headless (Monocle, software rendering) on a screen wide enough for the benchmark
     * windows; a toolkit already running (another benchmark started it) is used as it is.
     */
    public static void startHeadless() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        // A screen that holds the widest benchmark window: Monocle's default 1280×800 overflows.
        System.setProperty("headless.geometry", "2800x1000-32");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return; // another benchmark (the lab's) or an earlier run started it
        }
        started.await();
    }
}
