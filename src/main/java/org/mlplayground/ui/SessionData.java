package org.mlplayground.ui;

import java.util.List;
import java.util.Objects;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generator;

/**
 * The data a run trains on, as the window shows it: raw 2-D points (before the feature map), split into
 * training, validation (may be null) and test (may be null) sets, what the labels mean, and the plane
 * they are drawn in. Immutable: drawing a point or importing a file makes a new one.
 *
 * @param name       shown in the data panel, e.g. "circle" or "penguins.csv: bill length × flipper length"
 * @param task       binary (±1), multi-class (0 … K−1) or regression labels
 * @param classNames names of the classes, in label order, for multi-class data; empty otherwise
 * @param inputNames what x₁ and x₂ are, for the axes
 * @param generator  the generator that made the points, or {@code null} for imported or real data
 */
record SessionData(String name, Generator.Task task, List<String> classNames, List<String> inputNames, Dataset train,
        Dataset validation, Dataset test, Plane plane, Generator generator) {

    SessionData {
        Objects.requireNonNull(train, "training set");
        Objects.requireNonNull(task, "task");
        classNames = List.copyOf(classNames);
        inputNames = List.copyOf(inputNames);
        Objects.requireNonNull(plane, "plane");
    }

    /** The points {@code recipe} makes, in TensorFlow Playground's plane. */
    static SessionData generated(DataRecipe recipe) {
        DataRecipe.Parts parts = recipe.make();
        Generator g = recipe.generator();
        if (g.dimension() != 2) {
            throw new IllegalArgumentException(g.title() + " has " + g.dimension() + "-D points; the playground draws 2-D data");
        }
        List<String> classes = parts.train().classNames();
        if (g.task() == Generator.Task.MULTICLASS && classes.isEmpty()) {
            int k = g == Generator.BLOBS ? recipe.classes() : g.defaultClasses();
            classes = new java.util.ArrayList<>();
            for (int c = 0; c < k; c++) classes.add("class " + (c + 1));
        }
        return new SessionData(g.title(), g.task(), g.task() == Generator.Task.MULTICLASS ? classes : List.of(),
                List.of("x₁", "x₂"), parts.train(), parts.validation(), parts.test(), Plane.STANDARD, g);
    }

    /** K for multi-class data (at least 2), 1 otherwise: the number of output units. */
    int outputs() {
        if (task != Generator.Task.MULTICLASS) return 1;
        int k = classNames.size();
        for (Dataset d : new Dataset[] {train, validation, test}) {
            if (d == null) continue;
            for (double y : d.y()) k = Math.max(k, (int) y + 1);
        }
        return Math.max(2, k);
    }

    int testSize() {
        return test == null ? 0 : test.size();
    }
}
