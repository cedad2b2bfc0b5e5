package org.mlplayground.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Labelled 2-D (or n-D) points: {@code x[i]} is example i's input vector, {@code y[i]} its label
 * (±1 for binary classification, a value for regression, the class index 0 … K−1 for K ≥ 3 classes).
 * Immutable by convention: nobody writes into the arrays after construction.
 *
 * <p>{@code classNames} names the classes when they have names (an imported CSV's species, say): empty
 * for regression and for unnamed classes; for two classes name 0 is label −1 and name 1 is label +1; for
 * K ≥ 3 classes name k is label k.
 */
public record Dataset(String name, double[][] x, double[] y, List<String> classNames) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " inputs but " + y.length + " labels");
        }
        classNames = List.copyOf(classNames);
        checkClassNames(name, y, classNames);
    }

    /** Points without class names: regression, or classes known by their label alone. */
    public Dataset(String name, double[][] x, double[] y) {
        this(name, x, y, List.of());
    }

    private static void checkClassNames(String name, double[] y, List<String> classNames) {
        int k = classNames.size();
        if (k == 0) return;
        if (k == 1) throw new IllegalArgumentException(name + ": one class name; a classification needs at least two");
        if (new HashSet<>(classNames).size() != k) {
            throw new IllegalArgumentException(name + ": class names repeat: " + classNames);
        }
        for (int i = 0; i < y.length; i++) {
            boolean named = k == 2 ? y[i] == -1 || y[i] == 1 : y[i] >= 0 && y[i] < k && y[i] == Math.rint(y[i]);
            if (!named) {
                throw new IllegalArgumentException(name + ": example " + (i + 1) + " has label " + y[i] + ", which none of the "
                        + k + " class names stands for (" + (k == 2 ? "−1 or +1" : "0 … " + (k - 1)) + ")");
            }
        }
    }

    public int size() {
        return x.length;
    }

    /** Number of input features per example (0 for an empty set). */
    public int inputSize() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /**
     * The points plus one more, at the end (draw mode: a click adds a point of the selected class).
     *
     * @throws IllegalArgumentException for a point of the wrong size, a value that is not finite, or a label
     *                                  that none of the class names stands for
     */
    public Dataset withPoint(double[] point, double label) {
        if (size() > 0 && point.length != inputSize()) {
            throw new IllegalArgumentException(name + ": a point needs " + inputSize() + " values, got " + point.length);
        }
        for (double v : point) if (!Double.isFinite(v)) throw new IllegalArgumentException(name + ": a point must have finite values");
        if (!Double.isFinite(label)) throw new IllegalArgumentException(name + ": the label must be a number");
        double[][] xs = java.util.Arrays.copyOf(x, x.length + 1);
        xs[x.length] = point.clone();
        double[] ys = java.util.Arrays.copyOf(y, y.length + 1);
        ys[y.length] = label;
        return new Dataset(name, xs, ys, classNames);
    }

    /**
     * The points without the one nearest to (x1, x2) if it lies within {@code radius} (draw mode: a right
     * click removes a point); the same data set when none is that close.
     */
    public Dataset withoutNearest(double x1, double x2, double radius) {
        int nearest = -1;
        double best = radius;
        for (int i = 0; i < x.length; i++) {
            double d = Math.hypot(x[i][0] - x1, x[i][1] - x2);
            if (d <= best) {
                best = d;
                nearest = i;
            }
        }
        if (nearest < 0) return this;
        double[][] xs = new double[x.length - 1][];
        double[] ys = new double[y.length - 1];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (i == nearest) continue;
            xs[j] = x[i];
            ys[j++] = y[i];
        }
        return new Dataset(name, xs, ys, classNames);
    }

    /** A train/test split: the examples are shuffled with {@code seed}, the first share goes to train. */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must be between 0 and 1, got " + trainFraction);
        }
        int n = size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nTrain = (int) Math.round(trainFraction * n);
        return new Split(subset(order, 0, nTrain, name + " (train)"), subset(order, nTrain, n, name + " (test)"));
    }

    private Dataset subset(int[] order, int from, int to, String subsetName) {
        double[][] xs = new double[to - from][];
        double[] ys = new double[to - from];
        for (int i = from; i < to; i++) {
            xs[i - from] = x[order[i]];
            ys[i - from] = y[order[i]];
        }
        return new Dataset(subsetName, xs, ys, classNames);
    }

    /** The two parts of a split. */
    public record Split(Dataset train, Dataset test) {
    }
}
