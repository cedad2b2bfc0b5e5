package org.mlplayground.ui;

import javafx.scene.paint.Color;
import org.mlplayground.render.HeatColors;

/**
 * TensorFlow Playground's colours for a ±1 output: −1 orange, 0 near white, +1 blue, blended linearly
 * so that an uncertain output (near 0) looks pale. The heatmap stops short of the full colours, so that
 * data points, drawn in the full colours, stay visible where the network is sure. The heatmap's numbers come
 * from {@link HeatColors}, which the command line's pictures share. The legend in playground.css uses the same
 * colours.
 */
final class Palette {
    static final Color NEGATIVE = Color.web("#f59322");
    static final Color NEUTRAL = Color.web("#e8eaeb");
    static final Color POSITIVE = Color.web("#0877bd");
    /** Outline of training points: white, like TensorFlow Playground. */
    static final Color TRAIN_OUTLINE = Color.WHITE;
    /** Outline of test points: dark, so they stand apart from the training points. */
    static final Color TEST_OUTLINE = Color.web("#1a1a1a");

    /**
     * One hue per class for multi-class data, in label order: TensorFlow Playground's orange and blue first
     * (so class 0/1 look like −1/+1), then hues that stay apart for the common colour-vision deficiencies.
     */
    static final java.util.List<Color> CLASSES = java.util.List.of(NEGATIVE, POSITIVE, Color.web("#2ca02c"),
            Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf"));

    private Palette() {
    }

    /** The heatmap colour of output {@code o} as an opaque ARGB int; o is clamped to [−1, 1]. */
    static int argb(double o) {
        return HeatColors.argb(o);
    }

    /** The colour of class k (0-based); more classes (an imported file) go round the colour wheel. */
    static Color ofClass(int k) {
        if (k >= 0 && k < CLASSES.size()) return CLASSES.get(k);
        return Color.hsb(Math.floorMod(k, 360) * 137.508 % 360, 0.75, 0.8); // golden angle: neighbours far apart
    }

    /** The fill of a point with label {@code y}: ±1 orange/blue, a class hue, or the heatmap colour of a value. */
    static Color pointColor(org.mlplayground.data.Generator.Task task, double y) {
        return switch (task) {
            case BINARY -> ofLabel(y);
            case MULTICLASS -> y < 0 ? NEGATIVE : ofClass((int) y); // two blobs are labelled ±1
            case REGRESSION -> {
                int c = argb(y);
                yield Color.rgb(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff);
            }
        };
    }

    /**
     * The heatmap colour where class {@code k} is the most probable with probability {@code p} among
     * {@code classes}: pale near 1/K (the network cannot tell), the class's hue near 1.
     */
    static int argbClass(int k, double p, int classes) {
        Color c = ofClass(k);
        return HeatColors.argbClass(k, p, classes, (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255));
    }

    /** The fill of a data point with label {@code y} (±1). */
    static Color ofLabel(double y) {
        return y > 0 ? POSITIVE : NEGATIVE;
    }

}
