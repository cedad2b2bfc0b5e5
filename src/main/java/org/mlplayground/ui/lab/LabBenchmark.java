package org.mlplayground.ui.lab;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The lab's cost of one slider move, timed on the FX thread: six optimizers (SGD, Momentum, Nesterov, AdaGrad,
 * RMSProp, Adam) × 1000 steps recomputed from the changed settings, and everything that shows them redrawn
 * (the paths over the cached contour image, the loss chart's lines, the table). It starts the JavaFX toolkit
 * headless (Monocle, software rendering) unless it is running, and leaves it running.
 */
public final class LabBenchmark {
    private static final int WARM_UP = 400, ROUNDS = 600;

    private LabBenchmark() {
    }

    /** The median over {@value #ROUNDS} slider moves, in ms. */
    public static double redrawMillis() throws InterruptedException {
        org.mlplayground.ui.FrameBenchmark.startHeadless();
        OptimizerLab[] lab = new OptimizerLab[1];
        Stage[] stage = new Stage[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            lab[0] = new OptimizerLab();
            lab[0].setSteps(1000);
            lab[0].setRows(List.of(RowSettings.of(Method.SGD, 0.15), RowSettings.of(Method.MOMENTUM, 0.05).withBeta(0.8),
                    RowSettings.of(Method.NESTEROV, 0.05).withBeta(0.8), RowSettings.of(Method.ADAGRAD, 0.3),
                    RowSettings.of(Method.RMSPROP, 0.02), RowSettings.of(Method.ADAM, 0.05)));
            stage[0] = new Stage();
            stage[0].setScene(new Scene(lab[0], 1280, 800));
            stage[0].show();
            shown.countDown();
        });
        shown.await();
        double[] ms = new double[ROUNDS];
        for (int r = -WARM_UP; r < ROUNDS; r++) {
            final double rate = 0.15 + 0.01 * Math.floorMod(r, 5); // the SGD row's γ slider moving back and forth
            AtomicLong took = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                OptimizerRow row = lab[0].rows().get(0);
                long t0 = System.nanoTime();
                row.show(row.settingsProperty().get().withRate(rate)); // as the slider does: recompute and redraw
                took.set(System.nanoTime() - t0);
                done.countDown();
            });
            done.await();
            if (r >= 0) ms[r] = took.get() * 1e-6;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            lab[0].dispose(); // the stage stays: closing the last window would end the toolkit
            closed.countDown();
        });
        closed.await();
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
