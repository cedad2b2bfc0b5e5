package org.mlplayground.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.mlplayground.data.Feature;
import org.mlplayground.engine.Activation;

/**
 * Turns a neuron's outputs h over the plane into thumbnail pixels. {@link Palette#argb} maps [−1, 1] from
 * orange through white to blue; each activation's range is first brought onto [−1, 1] so that every neuron
 * shows its structure, not a flat wash of one colour.
 */
final class NeuronShading {

    /** How h is brought onto the palette's [−1, 1]. */
    enum Scale {
        /** tanh, hard tanh, sign, and a ±1 output: h is already in [−1, 1]. */
        AS_IS,
        /** σ, h ∈ [0, 1]: 2h − 1, so 0.5 (undecided) is white, 0 orange, 1 blue. */
        PROBABILITY,
        /**
         * A softmax unit's class probability p ∈ [0, 1] against chance 1/K: white at p = 1/K, blue toward
         * p = 1 (more likely than chance), orange toward 0; for K = 2 the same as {@link #PROBABILITY}.
         */
        VERSUS_CHANCE,
        /**
         * ReLU, softplus, ELU, h ∈ [0, ∞): [0, max h] → [−1, 1] per thumbnail, so "off" (h = 0) is orange and
         * the most active region blue; a dead ReLU is orange everywhere. ELU's negative part clamps to orange.
         */
        ZERO_TO_MAX,
        /** identity and leaky ReLU in a hidden layer, h ∈ ℝ: h / max |h| per thumbnail, 0 stays white. */
        SYMMETRIC_MAX
    }

    private NeuronShading() {
    }

    /** The scale of Φ; an identity output (regression) is shown as the output panel shows it, clamped. */
    static Scale scaleOf(Activation phi, boolean outputLayer) {
        if (phi instanceof Activation.Sigmoid) return Scale.PROBABILITY;
        if (phi instanceof Activation.Softmax) return Scale.VERSUS_CHANCE;
        if (phi instanceof Activation.Relu || phi instanceof Activation.Softplus || phi instanceof Activation.Elu) {
            return Scale.ZERO_TO_MAX;
        }
        if (phi instanceof Activation.Identity || phi instanceof Activation.LeakyRelu) {
            return outputLayer ? Scale.AS_IS : Scale.SYMMETRIC_MAX;
        }
        return Scale.AS_IS;
    }

    /** Fills {@code pixels} with the colours of {@code h} under {@code scale}; {@code units} is the layer's n_l. */
    static void shade(double[] h, Scale scale, int units, int[] pixels) {
        int n = h.length;
        switch (scale) {
            case AS_IS -> {
                for (int i = 0; i < n; i++) pixels[i] = Palette.argb(h[i]);
            }
            case PROBABILITY -> {
                for (int i = 0; i < n; i++) pixels[i] = Palette.argb(2 * h[i] - 1);
            }
            case VERSUS_CHANCE -> {
                double chance = 1.0 / Math.max(2, units);
                for (int i = 0; i < n; i++) {
                    double p = h[i];
                    pixels[i] = Palette.argb(p >= chance ? (p - chance) / (1 - chance) : (p - chance) / chance);
                }
            }
            case ZERO_TO_MAX -> {
                double max = 0;
                for (double v : h) if (v > max) max = v;
                double k = max > 0 ? 2 / max : 0;
                for (int i = 0; i < n; i++) pixels[i] = Palette.argb(Math.max(0, h[i]) * k - 1);
            }
            case SYMMETRIC_MAX -> {
                double max = 0;
                for (double v : h) max = Math.max(max, Math.abs(v));
                double k = max > 0 ? 1 / max : 0;
                for (int i = 0; i < n; i++) pixels[i] = Palette.argb(h[i] * k);
            }
        }
    }

    /** Whether a ReLU with these outputs is dead: h = 0 on the whole plane. */
    static boolean dead(Activation phi, double[] h) {
        if (!(phi instanceof Activation.Relu)) return false;
        for (double v : h) if (v != 0) return false;
        return true;
    }

    /** Feature {@code f} over {@code plane} on an n×n grid (row 0 the top), scaled by its max |value|. */
    static WritableImage feature(Feature f, Plane plane, int n) {
        double[] v = new double[n * n];
        double max = 0;
        for (int row = 0; row < n; row++) {
            double x2 = plane.y(row, n);
            for (int col = 0; col < n; col++) {
                v[row * n + col] = f.of(plane.x(col, n), x2);
                max = Math.max(max, Math.abs(v[row * n + col]));
            }
        }
        int[] pixels = new int[n * n];
        double k = max > 0 ? 1 / max : 0;
        for (int i = 0; i < pixels.length; i++) pixels[i] = Palette.argb(v[i] * k);
        WritableImage image = new WritableImage(n, n);
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), pixels, 0, n);
        return image;
    }
}
