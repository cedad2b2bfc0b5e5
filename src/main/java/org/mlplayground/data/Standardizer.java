package org.mlplayground.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Input normalisation (COURSE.md §6): z_i = (x_i − μ_i) / s_i, so that every input feature has mean 0 and
 * standard deviation 1 on the training split. μ_i and s_i are fitted on the <b>training split only</b> and
 * then applied unchanged to test points and heatmap grids; fitting on the test set would let it leak into
 * training.
 *
 * <p>μ_i = (1/n) Σ_k x_ki is feature i's mean over the n training examples and σ_i² = (1/n) Σ_k (x_ki − μ_i)²
 * its population variance (divided by n, not n − 1). By default s_i = σ_i. Features measured in the same
 * unit should be scaled together, so that their ratios survive: a <em>group</em> of features is still centred
 * feature by feature, but all its features are divided by one common s = √((1/|G|) Σ_{i∈G} σ_i²), the root of
 * the pooled (mean) variance. A constant feature (all training values equal, σ_i = 0) is only centred: its s
 * is taken as 1, so it becomes 0 instead of 0/0; likewise a group whose features are all constant.
 *
 * <p>Immutable and thread-safe.
 */
public final class Standardizer implements InputMap {
    /** μ_i, feature i's training mean. */
    private final double[] mean;
    /** s_i, the divisor of feature i (σ_i, its group's pooled σ, or 1 for a constant feature). */
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits μ_i and s_i = σ_i feature by feature on {@code train}. */
    public static Standardizer fit(Dataset train) {
        return fit(train, List.of());
    }

    /**
     * Fits μ_i on {@code train}; the features of each group in {@code groups} share one s, the others get
     * their own.
     *
     * @param groups feature indices (0-based) scaled together; each feature in at most one group
     * @throws IllegalArgumentException for an empty training set, a point of the wrong length, a value that
     *         is not finite, or a group that is empty, names a feature out of range or repeats one
     */
    public static Standardizer fit(Dataset train, List<int[]> groups) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(groups, "groups");
        int n = train.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit the input normalisation on " + train.name()
                    + ": it has no examples");
        }
        int d = train.inputSize();
        double[][] x = train.x();
        for (int k = 0; k < n; k++) {
            if (x[k].length != d) {
                throw new IllegalArgumentException(train.name() + ": example " + (k + 1) + " has " + x[k].length
                        + " values but example 1 has " + d);
            }
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(x[k][i])) {
                    throw new IllegalArgumentException(train.name() + ": example " + (k + 1) + " has " + x[k][i]
                            + " in feature " + i + "; the input normalisation needs finite numbers");
                }
            }
        }
        int[] groupOf = checkGroups(groups, d);

        double[] mean = new double[d];
        double[] variance = new double[d];
        for (int i = 0; i < d; i++) {
            double first = x[0][i], sum = 0;
            boolean constant = true;
            for (int k = 0; k < n; k++) {
                sum += x[k][i];
                constant &= x[k][i] == first;
            }
            // A constant feature keeps its exact value as μ and σ² = 0: summing 0.1 three times and dividing
            // by 3 misses 0.1 by one ulp, and that rounding error must not be blown up to ±1.
            if (constant) {
                mean[i] = first;
                continue;
            }
            mean[i] = sum / n;
            double squares = 0;
            for (int k = 0; k < n; k++) {
                double dev = x[k][i] - mean[i];
                squares += dev * dev;
            }
            variance[i] = squares / n;
        }

        double[] scale = new double[d];
        for (int i = 0; i < d; i++) {
            if (groupOf[i] < 0) scale[i] = sOrOne(variance[i]);
        }
        for (int[] group : groups) {
            double pooled = 0;
            for (int i : group) pooled += variance[i];
            double s = sOrOne(pooled / group.length);
            for (int i : group) scale[i] = s;
        }
        return new Standardizer(mean, scale);
    }

    /** √σ², or 1 for a constant feature (σ² = 0), which is then only centred. */
    private static double sOrOne(double variance) {
        return variance > 0 ? Math.sqrt(variance) : 1;
    }

    /** For each feature the number of its group, or −1; throws for a malformed group. */
    private static int[] checkGroups(List<int[]> groups, int d) {
        int[] groupOf = new int[d];
        Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.size(); g++) {
            int[] group = groups.get(g);
            String name = "normalisation group " + (g + 1);
            if (group == null || group.length == 0) {
                throw new IllegalArgumentException(name + " is empty; a group needs at least one feature");
            }
            for (int i : group) {
                if (i < 0 || i >= d) {
                    throw new IllegalArgumentException(name + " names feature " + i + ", but the points have " + d
                            + " features, numbered 0 … " + (d - 1));
                }
                if (groupOf[i] == g) {
                    throw new IllegalArgumentException(name + " names feature " + i + " twice");
                }
                if (groupOf[i] >= 0) {
                    throw new IllegalArgumentException("feature " + i + " is in normalisation groups " + (groupOf[i] + 1)
                            + " and " + (g + 1) + "; a feature can be scaled together with only one group");
                }
                groupOf[i] = g;
            }
        }
        return groupOf;
    }

    /** μ_i, feature i's mean on the training split. */
    public double mean(int i) {
        return mean[checkFeature(i)];
    }

    /** s_i, the number feature i is divided by after centring (1 for a constant feature). */
    public double scale(int i) {
        return scale[checkFeature(i)];
    }

    private int checkFeature(int i) {
        if (i < 0 || i >= mean.length) {
            throw new IllegalArgumentException("feature " + i + " does not exist; there are " + mean.length
                    + " features, numbered 0 … " + (mean.length - 1));
        }
        return i;
    }

    @Override
    public int inputSize() {
        return mean.length;
    }

    @Override
    public int outputSize() {
        return mean.length;
    }

    /** out_ic = (raw_ic − μ_i) / s_i for every feature i (row) and example c (column). */
    @Override
    public void apply(DMatrixRMaj raw, DMatrixRMaj out) {
        int d = mean.length;
        if (raw.numRows != d) {
            throw new IllegalArgumentException("the input normalisation was fitted on " + d + " features but got "
                    + raw.numRows);
        }
        int cols = raw.numCols;
        out.reshape(d, cols);
        double[] rv = raw.data, ov = out.data;
        for (int i = 0; i < d; i++) {
            double mu = mean[i], s = scale[i];
            for (int c = 0, at = i * cols; c < cols; c++, at++) ov[at] = (rv[at] - mu) / s;
        }
    }

    @Override
    public String toString() {
        return "Standardizer[μ=" + Arrays.toString(mean) + ", s=" + Arrays.toString(scale) + "]";
    }
}
