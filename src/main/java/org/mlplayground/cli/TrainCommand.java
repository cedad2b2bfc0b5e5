package org.mlplayground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.mlplayground.experiment.Experiment;
import org.mlplayground.experiment.ExperimentData;
import org.mlplayground.experiment.ExperimentFileException;
import org.mlplayground.experiment.ExperimentFiles;
import org.mlplayground.experiment.MetricsCsv;
import org.mlplayground.render.HeatmapImage;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code train --experiment FILE --epochs N}: trains an experiment file without a window, exactly as the window
 * would (the same trainer, the same steps, the same numbers), printing the metrics after every epoch as CSV
 * ({@link MetricsCsv#HEADER}); {@code --out} saves the result as an experiment file, {@code --metrics} writes the
 * whole metric history as CSV, {@code --snapshot} paints the output heatmap as the window does.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an experiment file without a window and print CSV " + MetricsCsv.HEADER + " per epoch.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "FILE", required = true,
            description = "The experiment file (saved by the app, or written by hand) to continue from.")
    private Path experiment;

    @Option(names = "--epochs", paramLabel = "N", required = true, description = "Epochs to train (≥ 0).")
    private int epochs;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained experiment here (the input is never overwritten unless named).")
    private Path out;

    @Option(names = "--metrics", paramLabel = "CSV", description = "Write the whole metric history here as CSV.")
    private Path metrics;

    @Option(names = "--snapshot", paramLabel = "PNG", description = "Paint the output heatmap with the points into a PNG.")
    private Path snapshot;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "600",
            description = "Side of the --snapshot picture in pixels (the heatmap's grid is 200²; default: ${DEFAULT-VALUE}).")
    private int size;

    @Override
    public Integer call() throws IOException {
        if (epochs < 0) throw new IllegalArgumentException("--epochs must be 0 or more, got " + epochs);
        if (size < 16 || size > 8000) throw new IllegalArgumentException("--size must be 16 … 8000 pixels, got " + size);
        Experiment start;
        try {
            start = ExperimentFiles.read(experiment);
        } catch (ExperimentFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Trainer trainer = start.trainer();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        stdout.println(MetricsCsv.HEADER);
        for (int e = 0; e < epochs; e++) {
            if (trainer.divergence().isPresent() || trainer.earlyStop().isPresent()) break;
            trainer.runEpoch();
            EpochMetrics m = trainer.history().latest();
            if (m != null && m.epoch() == trainer.epoch()) stdout.println(MetricsCsv.row(m));
            stdout.flush();
        }
        trainer.divergence().ifPresent(d -> stderr.println("note: " + d.message()));
        trainer.earlyStop().ifPresent(s -> stderr.println("note: " + s.message()));
        Experiment result = new Experiment(start.config(), start.data(), trainer.checkpoint());
        if (out != null) ExperimentFiles.save(out, result);
        if (metrics != null) {
            Files.writeString(metrics, MetricsCsv.of(trainer.history().points()), StandardCharsets.UTF_8);
        }
        if (snapshot != null) {
            ExperimentData.Bounds b = start.data() instanceof ExperimentData.Points p ? p.plane() : ExperimentData.Bounds.STANDARD;
            var parts = start.parts();
            var picture = HeatmapImage.picture(trainer.network(), trainer.inputMap(),
                    new HeatmapImage.Plane(b.xMin(), b.xMax(), b.yMin(), b.yMax()), start.config().problem(), parts.train(),
                    parts.test(), size);
            if (!ImageIO.write(picture, "png", snapshot.toFile())) throw new IOException("no PNG writer");
        }
        return 0;
    }
}
