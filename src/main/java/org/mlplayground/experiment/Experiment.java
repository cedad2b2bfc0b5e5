package org.mlplayground.experiment;

import java.util.Objects;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generator;
import org.mlplayground.train.Checkpoint;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

/**
 * A whole experiment as a file holds it: every setting ({@link TrainingConfig}: data recipe, features, network,
 * hyperparameters, seed), the points, and where training stood ({@link Checkpoint}: weights, optimizer state,
 * counters, random generators, metric history). Opening it and training on gives the same numbers as never
 * having stopped. Immutable by convention.
 *
 * @param config the settings
 * @param data   the points, or the note that the config's recipe makes them
 * @param state  where training stood, or {@code null} for a run that has not started (a hand-written file)
 */
public record Experiment(TrainingConfig config, ExperimentData data, Checkpoint state) {
    /** The file format this app writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public Experiment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
    }

    /** The training, validation and test points. */
    public DataRecipe.Parts parts() {
        if (data instanceof ExperimentData.Points p) return new DataRecipe.Parts(p.train(), p.validation(), p.test());
        return config.data().make();
    }

    /** What the labels mean. */
    public Generator.Task task() {
        return data instanceof ExperimentData.Points p ? p.task() : config.data().generator().task();
    }

    /** Output units for these points: K for multi-class data (at least 2, as the window counts them), else 1. */
    public int outputs() {
        return outputs(parts());
    }

    int outputs(DataRecipe.Parts parts) {
        if (task() != Generator.Task.MULTICLASS) return 1;
        int k;
        if (data instanceof ExperimentData.Points p) {
            k = p.classNames().size();
        } else {
            Generator g = config.data().generator();
            k = parts.train().classNames().isEmpty() ? (g == Generator.BLOBS ? config.data().classes() : g.defaultClasses())
                    : parts.train().classNames().size();
        }
        for (Dataset d : new Dataset[] {parts.train(), parts.validation(), parts.test()}) {
            if (d == null) continue;
            for (double y : d.y()) k = Math.max(k, (int) y + 1);
        }
        return Math.max(2, k);
    }

    /**
     * The run this experiment describes, where it stood: the same trainer the window builds
     * ({@link TrainingConfig#trainer}), continued from {@link #state()}.
     *
     * @throws IllegalArgumentException if the config cannot run on the points or the state does not fit
     */
    public Trainer trainer() {
        DataRecipe.Parts parts = parts();
        if (config.problem().task() != task()) {
            throw new IllegalArgumentException("the problem type '" + config.problem().id() + "' needs "
                    + config.problem().task().name().toLowerCase(java.util.Locale.ROOT) + " labels, but the data has "
                    + task().name().toLowerCase(java.util.Locale.ROOT) + " labels");
        }
        Trainer trainer = config.trainer(parts.train(), parts.validation(), parts.test(), outputs(parts));
        if (state != null) trainer.restore(state);
        return trainer;
    }
}
