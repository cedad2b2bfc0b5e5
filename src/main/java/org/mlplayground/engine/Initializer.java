package org.mlplayground.engine;

import java.util.random.RandomGenerator;

/**
 * How a layer's weights W_l ∈ R^{n_out × n_in} are drawn before training (COURSE.md §4). Zero mean,
 * with a variance that keeps signals from shrinking or growing layer by layer.
 */
public enum Initializer {
    /** All zeros: every neuron of a layer stays identical, symmetry never breaks. */
    ZEROS("zeros", "W = 0"),
    /** Uniform on [−0.5, 0.5]. */
    UNIFORM("uniform", "U(−0.5, 0.5)"),
    /** Gaussian with σ = 0.01: tiny signals, vanishing gradients in deep nets. */
    SMALL_GAUSSIAN("small-gaussian", "N(0, 0.01²)"),
    /** LeCun normal: variance 1/n_in. */
    LECUN_NORMAL("lecun", "N(0, 1/n_in)"),
    /** Xavier/Glorot uniform: variance 2/(n_in + n_out), i.e. U(±√(6/(n_in + n_out))). */
    XAVIER_UNIFORM("xavier", "U(±√(6/(n_in+n_out)))"),
    /** He normal: variance 2/n_in, made for ReLU. */
    HE_NORMAL("he", "N(0, 2/n_in)"),
    /**
     * Standard normal, σ = 1 whatever the layer's width: with n_in inputs the signal's variance grows n_in-fold
     * per linear layer, the exploding case of COURSE.md §4.
     */
    LARGE_GAUSSIAN("large-gaussian", "N(0, 1)");

    private final String id;
    private final String formula;

    Initializer(String id, String formula) {
        this.id = id;
        this.formula = formula;
    }

    public String id() {
        return id;
    }

    public String formula() {
        return formula;
    }

    /** One weight of a layer with {@code nIn} inputs and {@code nOut} outputs. */
    public double draw(int nIn, int nOut, RandomGenerator random) {
        return switch (this) {
            case ZEROS -> 0.0;
            case UNIFORM -> random.nextDouble() - 0.5;
            case SMALL_GAUSSIAN -> 0.01 * random.nextGaussian();
            case LECUN_NORMAL -> Math.sqrt(1.0 / nIn) * random.nextGaussian();
            case XAVIER_UNIFORM -> {
                double limit = Math.sqrt(6.0 / (nIn + nOut));
                yield limit * (2 * random.nextDouble() - 1);
            }
            case HE_NORMAL -> Math.sqrt(2.0 / nIn) * random.nextGaussian();
            case LARGE_GAUSSIAN -> random.nextGaussian();
        };
    }

    /**
     * Looks an initialiser up by its {@link #id()}.
     *
     * @throws IllegalArgumentException naming the unknown one and the known ones
     */
    public static Initializer byId(String id) {
        for (Initializer i : values()) {
            if (i.id.equalsIgnoreCase(id.trim())) return i;
        }
        throw new IllegalArgumentException("unknown initialiser '" + id
                + "'; known: zeros, uniform, small-gaussian, lecun, xavier, he, large-gaussian");
    }
}
