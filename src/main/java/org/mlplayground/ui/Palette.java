package org.mlplayground.ui;

import javafx.scene.paint.Color;

/**
 * TensorFlow Playground's colours for a ±1 output: −1 orange, 0 near white, +1 blue, blended linearly
 * so that an uncertain output (near 0) looks pale. The heatmap stops short of the full colours, so that
 * data points, drawn in the full colours, stay visible where the network is sure. The legend in
 * playground.css uses the same colours.
 */
final class Palette {
    static final Color NEGATIVE = Color.web("#f59322");
    static final Color NEUTRAL = Color.web("#e8eaeb");
    static final Color POSITIVE = Color.web("#0877bd");
    /** Outline of training points: white, like TensorFlow Playground. */
    static final Color TRAIN_OUTLINE = Color.WHITE;
    /** Outline of test points: dark, so they stand apart from the training points. */
    static final Color TEST_OUTLINE = Color.web("#1a1a1a");

    /** How far toward white the heatmap's ends are lifted from the point colours. */
    private static final double HEATMAP_LIGHTNESS = 0.3;

    private static final int[] NEGATIVE_RGB = rgb(NEGATIVE.interpolate(Color.WHITE, HEATMAP_LIGHTNESS));
    private static final int[] NEUTRAL_RGB = rgb(NEUTRAL);
    private static final int[] POSITIVE_RGB = rgb(POSITIVE.interpolate(Color.WHITE, HEATMAP_LIGHTNESS));

    private Palette() {
    }

    /** The heatmap colour of output {@code o} as an opaque ARGB int; o is clamped to [−1, 1]. */
    static int argb(double o) {
        if (Double.isNaN(o)) return 0xff808080;
        double t = Math.min(1.0, Math.abs(o));
        int[] end = o < 0 ? NEGATIVE_RGB : POSITIVE_RGB;
        int r = blend(NEUTRAL_RGB[0], end[0], t);
        int g = blend(NEUTRAL_RGB[1], end[1], t);
        int b = blend(NEUTRAL_RGB[2], end[2], t);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /** The fill of a data point with label {@code y} (±1). */
    static Color ofLabel(double y) {
        return y > 0 ? POSITIVE : NEGATIVE;
    }

    private static int blend(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    private static int[] rgb(Color c) {
        return new int[] {(int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255)};
    }
}
