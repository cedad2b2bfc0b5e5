package org.mlplayground.data;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Labelled 2-D (or n-D) points: {@code x[i]} is example i's input vector, {@code y[i]} its label
 * (±1 for binary classification, a value for regression). Immutable by convention: nobody writes
 * into the arrays after construction.
 */
public record Dataset(String name, double[][] x, double[] y) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " inputs but " + y.length + " labels");
        }
    }

    public int size() {
        return x.length;
    }

    /** Number of input features per example (0 for an empty set). */
    public int inputSize() {
        return x.length == 0 ? 0 : x[0].length;
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
        return new Dataset(subsetName, xs, ys);
    }

    /** The two parts of a split. */
    public record Split(Dataset train, Dataset test) {
    }
}
