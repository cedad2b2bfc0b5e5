package org.mlplayground.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Generator;
import org.mlplayground.experiment.Experiment;
import org.mlplayground.experiment.ExperimentData;
import org.mlplayground.experiment.ExperimentFileException;
import org.mlplayground.experiment.ExperimentFiles;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

/**
 * How long saving and opening the largest experiment takes: 100,000 points written out one by one (as an
 * imported file is), half for training, on the window's default network after one epoch. Opening includes the
 * strict checks and building the trainer the file describes.
 */
final class ExperimentBenchmark {
    private static final int ROUNDS = 7;

    private ExperimentBenchmark() {
    }

    /** Median milliseconds to save, median milliseconds to open, and the file's size in MB. */
    static double[] saveOpenMillis() {
        TrainingConfig config = TrainingConfig.defaults().withData(DataRecipe.of(Generator.CIRCLE, 1).withPoints(100_000));
        DataRecipe.Parts parts = config.data().make();
        ExperimentData.Points points = new ExperimentData.Points("circle, 100,000 points", Generator.Task.BINARY,
                java.util.List.of(), java.util.List.of("x₁", "x₂"), parts.train(), null, parts.test(), ExperimentData.Bounds.STANDARD);
        Trainer trainer = new Experiment(config, points, null).trainer();
        trainer.runEpoch();
        Experiment e = new Experiment(config, points, trainer.checkpoint());
        try {
            Path dir = Files.createTempDirectory("experiment-bench");
            Path file = dir.resolve("large.json");
            double[] save = new double[ROUNDS], open = new double[ROUNDS];
            for (int r = -2; r < ROUNDS; r++) {
                long t0 = System.nanoTime();
                ExperimentFiles.save(file, e);
                long t1 = System.nanoTime();
                EngineBenchmark.sink += ExperimentFiles.read(file).state().step();
                long t2 = System.nanoTime();
                if (r >= 0) {
                    save[r] = (t1 - t0) * 1e-6;
                    open[r] = (t2 - t1) * 1e-6;
                }
            }
            double megabytes = Files.size(file) / 1e6;
            Files.delete(file);
            Files.delete(dir);
            Arrays.sort(save);
            Arrays.sort(open);
            return new double[] {save[ROUNDS / 2], open[ROUNDS / 2], megabytes};
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (ExperimentFileException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
