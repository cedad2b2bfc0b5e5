package org.mlplayground.experiment;

import java.util.List;
import java.util.Objects;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generator;

/**
 * The points of an experiment: either the recipe of the config makes them again ({@link FromRecipe}: a few
 * numbers in the file, the same points every time), or they are written out one by one ({@link Points}:
 * imported, real or drawn data), with their split.
 */
public sealed interface ExperimentData permits ExperimentData.FromRecipe, ExperimentData.Points {

    /** The config's {@link org.mlplayground.data.DataRecipe} makes the points. */
    record FromRecipe() implements ExperimentData {
    }

    /**
     * Points as they are.
     *
     * @param name       what the data panel calls them
     * @param task       what the labels mean
     * @param classNames class names in label order for multi-class data, else empty
     * @param inputNames what x₁ and x₂ are
     * @param train      training points (at least one)
     * @param validation validation points, or {@code null}
     * @param test       test points, or {@code null}
     * @param plane      the rectangle the heatmaps cover
     */
    record Points(String name, Generator.Task task, List<String> classNames, List<String> inputNames, Dataset train,
            Dataset validation, Dataset test, Bounds plane) implements ExperimentData {
        public Points {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(plane, "plane");
            classNames = List.copyOf(classNames);
            inputNames = List.copyOf(inputNames);
        }
    }

    /** The plane x₁ ∈ [xMin, xMax], x₂ ∈ [yMin, yMax]. */
    record Bounds(double xMin, double xMax, double yMin, double yMax) {
        public Bounds {
            if (!(xMax > xMin && yMax > yMin) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
                throw new IllegalArgumentException("the plane must have xMin < xMax and yMin < yMax, got " + xMin + " … "
                        + xMax + " × " + yMin + " … " + yMax);
            }
        }

        /** TensorFlow Playground's plane [−6, 6]², where every generator's points lie. */
        public static final Bounds STANDARD = new Bounds(-6, 6, -6, 6);
    }
}
