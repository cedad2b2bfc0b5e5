package org.mlplayground.data;

import java.util.SplittableRandom;

/**
 * Seeded generators of TensorFlow Playground's data sets on [−6, 6]² (circle, XOR, two Gaussians, spiral;
 * the regression plane and multi-Gaussian) and more (moons, checkerboard, linearly separable, three rings,
 * three-arm spiral, Gaussian blobs; a 1-D sine). Labels are ±1 for two classes, 0 … K − 1 for K classes
 * (softmax), values for regression. The same seed, size and noise give the same points; noise is 0 … 1.
 */
public final class Generators {
    /** Radius of the data region, as in TensorFlow Playground. */
    public static final double RADIUS = 5.0;
    /** How far XOR's points are pushed off the axes. */
    static final double XOR_PADDING = 0.3;
    /** Half-width of the empty band around the line of {@link #linear}. */
    static final double LINEAR_MARGIN = 0.5;

    private Generators() {
    }

    /**
     * Circle: half the points at radius &lt; 2.5 (label +1), half at radius in (3.5, 5) (label −1).
     * As in TensorFlow Playground, noise does not move the point: its label is that of the point moved by
     * up to {@code noise}·5 in x and y, so with noise some points near the gap carry the other class's label.
     */
    public static Dataset circle(int n, double noise, long seed) {
        return build("circle", n, noise, seed, 2, (i, random, p) -> {
            boolean inside = i < n / 2;
            double r = inside ? uniform(random, 0, RADIUS * 0.5) : uniform(random, RADIUS * 0.7, RADIUS);
            double angle = uniform(random, 0, 2 * Math.PI);
            p[0] = r * Math.sin(angle);
            p[1] = r * Math.cos(angle);
            double nx = uniform(random, -RADIUS, RADIUS) * noise, ny = uniform(random, -RADIUS, RADIUS) * noise;
            return Math.hypot(p[0] + nx, p[1] + ny) < RADIUS * 0.5 ? 1 : -1;
        });
    }

    /**
     * Spiral: two interleaved arms of 1¾ turns from the centre out to radius 5. Point i of an arm, with
     * h = n/2, sits at r = 5·i/h and angle t = 1.75·2π·i/h + Δt, i.e. on r = 5·(t − Δt)/(3.5π), at
     * (r sin t, r cos t); arm 1 has Δt = 0 and label +1, arm 2 has Δt = π (arm 1 turned by half a turn) and
     * label −1. For odd n arm 1 gets the extra point. Noise moves each point by up to {@code noise}·5 in x
     * and y, as in {@link #circle}; the label stays that of the arm, so with noise the arms overlap.
     *
     * <p>TensorFlow Playground's spiral takes the same steps but moves points by up to {@code noise} (not
     * {@code noise}·5): its noise slider at s % is {@code noise} = s/500 here.
     */
    public static Dataset spiral(int n, double noise, long seed) {
        double half = n / 2.0;
        int firstArm = n - n / 2;
        return build("spiral", n, noise, seed, 2, (k, random, p) -> {
            boolean armOne = k < firstArm;
            int i = armOne ? k : k - firstArm;
            double r = i / half * RADIUS;
            double t = 1.75 * i / half * 2 * Math.PI + (armOne ? 0 : Math.PI);
            p[0] = r * Math.sin(t) + uniform(random, -RADIUS, RADIUS) * noise;
            p[1] = r * Math.cos(t) + uniform(random, -RADIUS, RADIUS) * noise;
            return armOne ? 1 : -1;
        });
    }

    /**
     * XOR: points uniform in the square [−5, 5]², pushed 0.3 away from both axes, label +1 where x1·x2 ≥ 0
     * (first and third quadrants). Noise as in {@link #circle}: the label is that of the point moved by up
     * to {@code noise}·5.
     */
    public static Dataset xor(int n, double noise, long seed) {
        return build("xor", n, noise, seed, 2, (i, random, p) -> {
            double px = uniform(random, -RADIUS, RADIUS), py = uniform(random, -RADIUS, RADIUS);
            p[0] = px + (px > 0 ? XOR_PADDING : -XOR_PADDING);
            p[1] = py + (py > 0 ? XOR_PADDING : -XOR_PADDING);
            double nx = uniform(random, -RADIUS, RADIUS) * noise, ny = uniform(random, -RADIUS, RADIUS) * noise;
            return (p[0] + nx) * (p[1] + ny) >= 0 ? 1 : -1;
        });
    }

    /**
     * Two Gaussians: half the points around (2, 2) with label +1, half around (−2, −2) with label −1, each
     * coordinate normal with variance 0.5 + 7·noise (TensorFlow Playground's 0.5 … 4 over its noise range
     * 0 … 0.5), so with noise the clouds overlap.
     */
    public static Dataset gaussians(int n, double noise, long seed) {
        double sigma = Math.sqrt(0.5 + 7 * noise);
        return build("gaussians", n, noise, seed, 2, (i, random, p) -> {
            boolean positive = i < n - n / 2;
            double c = positive ? 2 : -2;
            p[0] = c + sigma * random.nextGaussian();
            p[1] = c + sigma * random.nextGaussian();
            return positive ? 1 : -1;
        });
    }

    /**
     * Regression plane: points uniform in [−6, 6]², target (x1 + x2)/10 taken at the point moved by up to
     * {@code noise}·6, so targets lie in about [−1.2, 1.2].
     */
    public static Dataset plane(int n, double noise, long seed) {
        double r = 6;
        return build("plane", n, noise, seed, 2, (i, random, p) -> {
            p[0] = uniform(random, -r, r);
            p[1] = uniform(random, -r, r);
            double nx = uniform(random, -r, r) * noise, ny = uniform(random, -r, r) * noise;
            return (p[0] + nx + p[1] + ny) / 10;
        });
    }

    /** Centres and signs of the regression bumps: TensorFlow Playground's six. */
    private static final double[][] BUMPS = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

    /**
     * Regression multi-Gaussian: points uniform in [−6, 6]²; six bumps of alternating sign at (±4 or 0,
     * ±2.5), each falling linearly from ±1 at its centre to 0 at distance 2; the target is the bump of the
     * largest magnitude at the point moved by up to {@code noise}·6.
     */
    public static Dataset multiGaussian(int n, double noise, long seed) {
        double r = 6;
        return build("multi-gaussian", n, noise, seed, 2, (i, random, p) -> {
            p[0] = uniform(random, -r, r);
            p[1] = uniform(random, -r, r);
            double qx = p[0] + uniform(random, -r, r) * noise, qy = p[1] + uniform(random, -r, r) * noise;
            double label = 0;
            for (double[] b : BUMPS) {
                double v = b[2] * Math.max(0, 1 - Math.hypot(qx - b[0], qy - b[1]) / 2);
                if (Math.abs(v) > Math.abs(label)) label = v;
            }
            return label;
        });
    }

    /**
     * Two moons: the upper half circle (3 cos t − 1.5, 3 sin t − 0.75) with label +1 and the lower one
     * (1.5 − 3 cos t, 0.75 − 3 sin t) with label −1, t uniform in [0, π], interlocking; each coordinate
     * gets Gaussian noise of σ = {@code noise}·5.
     */
    public static Dataset moons(int n, double noise, long seed) {
        double sigma = noise * RADIUS;
        return build("moons", n, noise, seed, 2, (i, random, p) -> {
            boolean upper = i < n - n / 2;
            double t = uniform(random, 0, Math.PI);
            double mx = upper ? Math.cos(t) : 1 - Math.cos(t);
            double my = upper ? Math.sin(t) : 0.5 - Math.sin(t);
            p[0] = 3 * (mx - 0.5) + sigma * random.nextGaussian();
            p[1] = 3 * (my - 0.25) + sigma * random.nextGaussian();
            return upper ? 1 : -1;
        });
    }

    /**
     * Checkerboard: points uniform in [−5, 5]², a 4 × 4 board of 2.5-wide squares, label +1 on the squares
     * whose column and row numbers have an even sum. Noise as in {@link #xor}.
     */
    public static Dataset checkerboard(int n, double noise, long seed) {
        return build("checkerboard", n, noise, seed, 2, (i, random, p) -> {
            p[0] = uniform(random, -RADIUS, RADIUS);
            p[1] = uniform(random, -RADIUS, RADIUS);
            double qx = p[0] + uniform(random, -RADIUS, RADIUS) * noise, qy = p[1] + uniform(random, -RADIUS, RADIUS) * noise;
            long square = (long) Math.floor(qx / 2.5) + (long) Math.floor(qy / 2.5);
            return square % 2 == 0 ? 1 : -1;
        });
    }

    /**
     * Linearly separable, for the perceptron: points uniform in [−5, 5]² but outside a band of half-width
     * 0.5 around the line x2 = 0.5·x1 (through the centre, so the classes balance); label +1 above it.
     * Without noise a perceptron must converge; noise labels each point by its position moved by up to {@code noise}·5, which can put
     * points on the wrong side.
     */
    public static Dataset linear(int n, double noise, long seed) {
        double norm = Math.hypot(0.5, 1);
        return build("linear", n, noise, seed, 2, (i, random, p) -> {
            do {
                p[0] = uniform(random, -RADIUS, RADIUS);
                p[1] = uniform(random, -RADIUS, RADIUS);
            } while (Math.abs((p[1] - 0.5 * p[0]) / norm) < LINEAR_MARGIN);
            double qx = p[0] + uniform(random, -RADIUS, RADIUS) * noise, qy = p[1] + uniform(random, -RADIUS, RADIUS) * noise;
            return qy - 0.5 * qx > 0 ? 1 : -1;
        });
    }

    /**
     * Three concentric rings for softmax: radius in [0, 1.5] (class 0), [2.5, 3.5] (class 1) and
     * [4.5, 5.5] (class 2), a third of the points each, uniform angle; noise moves each point by up to
     * {@code noise}·5, and it keeps its ring's class.
     */
    public static Dataset rings(int n, double noise, long seed) {
        return build("rings", n, noise, seed, 2, (i, random, p) -> {
            int ring = i * 3 / n;
            double r = ring == 0 ? uniform(random, 0, 1.5) : uniform(random, 2 * ring + 0.5, 2 * ring + 1.5);
            double angle = uniform(random, 0, 2 * Math.PI);
            p[0] = r * Math.sin(angle) + uniform(random, -RADIUS, RADIUS) * noise;
            p[1] = r * Math.cos(angle) + uniform(random, -RADIUS, RADIUS) * noise;
            return ring;
        });
    }

    /**
     * Three-arm spiral for softmax: arm k = 0, 1, 2 (class k) as the arms of {@link #spiral}, turned by
     * 2πk/3; noise as there.
     */
    public static Dataset spiral3(int n, double noise, long seed) {
        return build("spiral-3", n, noise, seed, 2, (k, random, p) -> {
            int arm = k * 3 / n;
            int first = (arm * n + 2) / 3, size = ((arm + 1) * n + 2) / 3 - first;
            int i = k - first;
            double r = (double) i / size * RADIUS;
            double t = 1.75 * i / size * 2 * Math.PI + arm * 2 * Math.PI / 3;
            p[0] = r * Math.sin(t) + uniform(random, -RADIUS, RADIUS) * noise;
            p[1] = r * Math.cos(t) + uniform(random, -RADIUS, RADIUS) * noise;
            return arm;
        });
    }

    /**
     * k Gaussian blobs for softmax (2 ≤ k ≤ 8): centres evenly spaced on the circle of radius 3.5, starting
     * at angle 90°; blob j has class j (for k = 2 the labels
     * are −1 and +1, as in every binary set), a share n/k of the points, and σ = 0.5 + 4·noise per coordinate.
     */
    public static Dataset blobs(int n, int k, double noise, long seed) {
        if (k < 2 || k > 8) throw new IllegalArgumentException("number of blobs must be 2 … 8, got " + k);
        double sigma = 0.5 + 4 * noise;
        return build("blobs-" + k, n, noise, seed, 2, (i, random, p) -> {
            int j = (int) ((long) i * k / n);
            double angle = Math.PI / 2 + 2 * Math.PI * j / k;
            p[0] = 3.5 * Math.cos(angle) + sigma * random.nextGaussian();
            p[1] = 3.5 * Math.sin(angle) + sigma * random.nextGaussian();
            return k == 2 ? 2 * j - 1 : j;   // two blobs are a binary set: ±1 like the others
        });
    }

    /**
     * One-dimensional regression for fit and overfit: x uniform in [−6, 6], target sin x plus Gaussian noise
     * of σ = {@code noise} (so noise 0.3 is a visible scatter around the curve).
     */
    public static Dataset sine(int n, double noise, long seed) {
        return build("sine", n, noise, seed, 1, (i, random, p) -> {
            p[0] = uniform(random, -6, 6);
            return Math.sin(p[0]) + noise * random.nextGaussian();
        });
    }

    /** One point: writes the coordinates of point i into {@code p} and returns its label. */
    private interface Point {
        double make(int i, SplittableRandom random, double[] p);
    }

    /** n points of {@code dimension} coordinates, made one after another from one generator seeded with {@code seed}. */
    private static Dataset build(String name, int n, double noise, long seed, int dimension, Point point) {
        checkArguments(n, noise);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[dimension];
            y[i] = point.make(i, random, x[i]);
        }
        return new Dataset(name, x, y);
    }

    private static double uniform(SplittableRandom random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    private static void checkArguments(int n, double noise) {
        if (n < 2 || n > 100_000) throw new IllegalArgumentException("number of points must be 2 … 100000, got " + n);
        if (!(noise >= 0 && noise <= 1)) throw new IllegalArgumentException("noise must be 0 … 1, got " + noise);
    }
}
