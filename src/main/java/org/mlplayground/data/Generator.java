package org.mlplayground.data;

import java.util.Locale;

/** The built-in data sets, as the data panel offers them. */
public enum Generator {
    CIRCLE("circle", "Circle", Task.BINARY, 2),
    XOR("xor", "XOR", Task.BINARY, 2),
    GAUSSIANS("gaussians", "Two Gaussians", Task.BINARY, 2),
    SPIRAL("spiral", "Spiral", Task.BINARY, 2),
    MOONS("moons", "Two moons", Task.BINARY, 2),
    CHECKERBOARD("checkerboard", "Checkerboard", Task.BINARY, 2),
    LINEAR("linear", "Linearly separable", Task.BINARY, 2),
    RINGS("rings", "Three rings", Task.MULTICLASS, 3),
    SPIRAL3("spiral-3", "Three-arm spiral", Task.MULTICLASS, 3),
    BLOBS("blobs", "Gaussian blobs", Task.MULTICLASS, 4),
    PLANE("plane", "Plane (regression)", Task.REGRESSION, 0),
    MULTI_GAUSSIAN("multi-gaussian", "Multi-Gaussian (regression)", Task.REGRESSION, 0),
    SINE("sine", "Sine (1-D regression)", Task.REGRESSION, 0);

    /** What the labels mean. */
    public enum Task {
        /** ±1. */
        BINARY,
        /** Class 0 … K − 1, for softmax. */
        MULTICLASS,
        /** A value. */
        REGRESSION
    }

    private final String id;
    private final String title;
    private final Task task;
    private final int defaultClasses;

    Generator(String id, String title, Task task, int defaultClasses) {
        this.id = id;
        this.title = title;
        this.task = task;
        this.defaultClasses = defaultClasses;
    }

    /** n points with this noise, seeded: the same arguments give the same points. */
    public Dataset generate(int n, double noise, long seed) {
        return generate(n, noise, seed, defaultClasses);
    }

    /** As {@link #generate(int, double, long)}; {@code classes} sets k for the blobs and is ignored otherwise. */
    public Dataset generate(int n, double noise, long seed, int classes) {
        return switch (this) {
            case CIRCLE -> Generators.circle(n, noise, seed);
            case XOR -> Generators.xor(n, noise, seed);
            case GAUSSIANS -> Generators.gaussians(n, noise, seed);
            case SPIRAL -> Generators.spiral(n, noise, seed);
            case MOONS -> Generators.moons(n, noise, seed);
            case CHECKERBOARD -> Generators.checkerboard(n, noise, seed);
            case LINEAR -> Generators.linear(n, noise, seed);
            case RINGS -> Generators.rings(n, noise, seed);
            case SPIRAL3 -> Generators.spiral3(n, noise, seed);
            case BLOBS -> Generators.blobs(n, classes, noise, seed);
            case PLANE -> Generators.plane(n, noise, seed);
            case MULTI_GAUSSIAN -> Generators.multiGaussian(n, noise, seed);
            case SINE -> Generators.sine(n, noise, seed);
        };
    }

    public String id() {
        return id;
    }

    /** The name on the data-set thumbnail. */
    public String title() {
        return title;
    }

    public Task task() {
        return task;
    }

    /** Classes of the labels (2 for binary), 0 for regression; the blobs' default k. */
    public int defaultClasses() {
        return defaultClasses;
    }

    /** Values per point: 1 for the sine, 2 for the rest. */
    public int dimension() {
        return this == SINE ? 1 : 2;
    }

    /**
     * The generator of this id.
     *
     * @throws IllegalArgumentException naming the unknown data set and the known ones
     */
    public static Generator byId(String id) {
        for (Generator g : values()) if (g.id.equalsIgnoreCase(id.trim())) return g;
        StringBuilder known = new StringBuilder();
        for (Generator g : values()) known.append(known.length() == 0 ? "" : ", ").append(g.id);
        throw new IllegalArgumentException("unknown data set '" + id + "'; known: " + known.toString().toLowerCase(Locale.ROOT));
    }
}
