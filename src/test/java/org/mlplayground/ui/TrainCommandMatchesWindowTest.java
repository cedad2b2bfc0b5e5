package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.cli.Main;
import org.mlplayground.engine.Activation;
import org.mlplayground.experiment.ExperimentFiles;
import org.mlplayground.optim.Adam;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.TrainingConfig;

/**
 * The command line's {@code train} continues a run saved from the window and prints, epoch for epoch, the
 * numbers the window's own training loop records when it goes on from the same point.
 */
class TrainCommandMatchesWindowTest {

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out");
            Thread.sleep(10);
        }
    }

    @Test
    void trainPrintsTheMetricsTheWindowRecords(@TempDir Path dir) throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(Adam.Settings.DEFAULTS).withLearningRate(0.01)
                .withHidden(List.of(new TrainingConfig.HiddenLayer(5, Activation.tanh(), 0.2, false),
                        new TrainingConfig.HiddenLayer(3, Activation.relu())));
        try (TrainingLoop loop = new TrainingLoop(config)) {
            loop.start();
            loop.stepEpoch();
            loop.stepEpoch();
            for (int i = 0; i < 3; i++) loop.step();
            waitFor(() -> loop.latest().step() == 53);
            Path file = dir.resolve("from-window.json");
            ExperimentFiles.save(file, loop.capture().get(10, TimeUnit.SECONDS).experiment());

            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = Main.run(new String[] {"train", "--experiment", file.toString(), "--epochs", "3"},
                    new PrintWriter(out), new PrintWriter(err));
            for (int i = 0; i < 3; i++) loop.stepEpoch();
            waitFor(() -> loop.latest().epoch() == 5);

            assertEquals(0, code, err.toString());
            String[] lines = out.toString().split("\n");
            assertEquals(4, lines.length, out.toString());
            List<EpochMetrics> window = loop.latest().history();
            for (int e = 3; e <= 5; e++) {
                EpochMetrics m = window.get(e - 1);
                String[] v = lines[e - 2].split(",");
                assertEquals(e, Integer.parseInt(v[0]));
                assertEquals(m.step(), Long.parseLong(v[1]));
                // Parsed back, every number is the window's to the last bit.
                assertEquals(m.trainLoss(), Double.parseDouble(v[2]));
                assertEquals(m.testLoss(), Double.parseDouble(v[3]));
                assertEquals(m.trainAccuracy(), Double.parseDouble(v[4]));
                assertEquals(m.testAccuracy(), Double.parseDouble(v[5]));
            }
        }
    }
}
