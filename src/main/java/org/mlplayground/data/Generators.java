package org.mlplayground.data;

import java.util.SplittableRandom;

/**
 * Seeded generators of TensorFlow Playground's data sets on [−6, 6]². The same seed, size and noise give
 * the same points.
 */
public final class Generators {
    /** Radius of the data region, as in TensorFlow Playground. */
    public static final double RADIUS = 5.0;

    private Generators() {
    }

    /**
     * Circle: half the points at radius &lt; 2.5 (label +1), half at radius in (3.5, 5) (label −1).
     * Noise moves each point by up to {@code noise}·5 in x and y; the label follows the moved point's
     * distance from the centre, so with noise some points cross the gap.
     */
    public static Dataset circle(int n, double noise, long seed) {
        checkArguments(n, noise);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean inside = i < n / 2;
            double r = inside ? uniform(random, 0, RADIUS * 0.5) : uniform(random, RADIUS * 0.7, RADIUS);
            double angle = uniform(random, 0, 2 * Math.PI);
            double px = r * Math.sin(angle), py = r * Math.cos(angle);
            double nx = uniform(random, -RADIUS, RADIUS) * noise, ny = uniform(random, -RADIUS, RADIUS) * noise;
            px += nx;
            py += ny;
            x[i] = new double[] {px, py};
            y[i] = Math.hypot(px, py) < RADIUS * 0.5 ? 1 : -1;
        }
        return new Dataset("circle", x, y);
    }

    private static double uniform(SplittableRandom random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    private static void checkArguments(int n, double noise) {
        if (n < 2 || n > 100_000) throw new IllegalArgumentException("number of points must be 2 … 100000, got " + n);
        if (!(noise >= 0 && noise <= 1)) throw new IllegalArgumentException("noise must be 0 … 1, got " + noise);
    }
}
