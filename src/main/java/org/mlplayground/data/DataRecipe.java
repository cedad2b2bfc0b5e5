package org.mlplayground.data;

import java.util.Objects;

/**
 * How to make a run's data from a generator: number of points (2 … 100,000; 500 by default), noise, the
 * training share (10 … 90 %, the rest is the test set), an optional validation share taken out of the
 * training share (for early stopping), and the seed. Making it twice gives the same points and the same
 * split.
 *
 * @param classes k for the Gaussian blobs (2 … 8); ignored by the other generators
 */
public record DataRecipe(Generator generator, int points, double noise, double trainShare, double validationShare,
        long seed, int classes) {
    public static final int DEFAULT_POINTS = 500;

    public DataRecipe {
        Objects.requireNonNull(generator, "generator");
        if (points < 2 || points > 100_000) throw new IllegalArgumentException("number of points must be 2 … 100000, got " + points);
        if (!(noise >= 0 && noise <= 1)) throw new IllegalArgumentException("noise must be 0 … 1, got " + noise);
        if (!(trainShare >= 0.1 && trainShare <= 0.9)) {
            throw new IllegalArgumentException("training share must be 10 … 90 %, got " + Math.round(trainShare * 1000) / 10.0 + " %");
        }
        if (!(validationShare >= 0 && validationShare <= 0.5)) {
            throw new IllegalArgumentException("validation share must be 0 … 50 % of the training points, got "
                    + Math.round(validationShare * 1000) / 10.0 + " %");
        }
    }

    /** 500 points, no noise, half for training, no validation set. */
    public static DataRecipe of(Generator generator, long seed) {
        return new DataRecipe(generator, DEFAULT_POINTS, 0, 0.5, 0, seed, generator.defaultClasses());
    }

    public DataRecipe withPoints(int points) {
        return new DataRecipe(generator, points, noise, trainShare, validationShare, seed, classes);
    }

    public DataRecipe withNoise(double noise) {
        return new DataRecipe(generator, points, noise, trainShare, validationShare, seed, classes);
    }

    public DataRecipe withTrainShare(double trainShare) {
        return new DataRecipe(generator, points, noise, trainShare, validationShare, seed, classes);
    }

    public DataRecipe withValidationShare(double validationShare) {
        return new DataRecipe(generator, points, noise, trainShare, validationShare, seed, classes);
    }

    public DataRecipe withSeed(long seed) {
        return new DataRecipe(generator, points, noise, trainShare, validationShare, seed, classes);
    }

    /**
     * The points, split: shuffled with the seed, the first {@code trainShare} go to training, the rest to
     * test; then {@code validationShare} of the training points (shuffled again) become the validation set.
     * A test or validation part that rounding leaves empty (a handful of points) is {@code null}.
     */
    public Parts make() {
        Dataset all = generator.generate(points, noise, seed, classes);
        Dataset.Split split = all.split(trainShare, seed);
        Dataset test = split.test().size() == 0 ? null : split.test();
        if (validationShare == 0 || split.train().size() < 2) return new Parts(split.train(), null, test);
        Dataset.Split inner = split.train().split(1 - validationShare, seed + 1);
        if (inner.test().size() == 0) return new Parts(split.train(), null, test);
        return new Parts(rename(inner.train(), all.name() + " (train)"), rename(inner.test(), all.name() + " (validation)"), test);
    }

    private static Dataset rename(Dataset d, String name) {
        return new Dataset(name, d.x(), d.y());
    }

    /** Training, validation (or {@code null}) and test points. */
    public record Parts(Dataset train, Dataset validation, Dataset test) {
    }
}
