package org.mlplayground.render;

import java.util.List;
import org.mlplayground.train.TrainingConfig;

/**
 * The output heatmap's colours as plain ARGB ints, without JavaFX, so that the window and the command line's
 * {@code --snapshot} paint the same picture: TensorFlow Playground's −1 orange, 0 near white, +1 blue, blended
 * linearly so that an uncertain output (near 0) looks pale, and one hue per class for softmax. The heatmap
 * stops 30 % short of the full colours (blended toward white), so data points drawn in the full colours stay
 * visible where the network is sure.
 */
public final class HeatColors {
    /** −1: orange. */
    public static final int NEGATIVE = 0xf59322;
    /** 0: the pale grey of "cannot tell". */
    public static final int NEUTRAL = 0xe8eaeb;
    /** +1: blue. */
    public static final int POSITIVE = 0x0877bd;
    /**
     * One hue per class, in label order: orange and blue first (so classes 0/1 look like −1/+1), then hues that
     * stay apart for the common colour-vision deficiencies.
     */
    public static final List<Integer> CLASSES = List.of(NEGATIVE, POSITIVE, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
            0xe377c2, 0x17becf);

    /** How far toward white the heatmap's ends are lifted from the point colours. */
    private static final double LIGHTNESS = 0.3;

    private static final int NEGATIVE_END = lighten(NEGATIVE);
    private static final int POSITIVE_END = lighten(POSITIVE);
    private static final int[] CLASS_ENDS = CLASSES.stream().mapToInt(HeatColors::lighten).toArray();

    private HeatColors() {
    }

    /** The heatmap colour of output {@code o} as an opaque ARGB int; o is clamped to [−1, 1], NaN is grey. */
    public static int argb(double o) {
        if (Double.isNaN(o)) return 0xff808080;
        return blend(NEUTRAL, o < 0 ? NEGATIVE_END : POSITIVE_END, Math.min(1.0, Math.abs(o)));
    }

    /**
     * The heatmap colour where class {@code k} is the most probable with probability {@code p} among
     * {@code classes}: pale near 1/K (the network cannot tell), the class's hue near 1.
     *
     * @param classRgb the hue of class k when k is past {@link #CLASSES} (the window's colour wheel), as 0xRRGGBB
     */
    public static int argbClass(int k, double p, int classes, int classRgb) {
        int end = k >= 0 && k < CLASS_ENDS.length ? CLASS_ENDS[k] : lighten(classRgb);
        double chance = 1.0 / classes;
        double t = Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, (p - chance) / (1 - chance)));
        return blend(NEUTRAL, end, t);
    }

    /** A hue for class k past the eight fixed ones: round the colour wheel by the golden angle. */
    public static int wheel(int k) {
        return java.awt.Color.HSBtoRGB((float) (Math.floorMod(k, 360) * 137.508 % 360 / 360), 0.75f, 0.8f) & 0xffffff;
    }

    /**
     * The heatmap of the output units' values {@code o[k][i]} for this problem: the tanh output as is, the
     * sigmoid's p as 2p − 1, softmax as the hue of the most probable class, a regression value on the ±1 scale.
     * {@code discrete} shows only the decision (regression: the scale's steps of 0.25).
     */
    public static void outputPixels(TrainingConfig.Problem problem, double[][] o, boolean discrete, int[] out) {
        switch (problem) {
            case MULTICLASS -> {
                int k = o.length;
                for (int i = 0; i < out.length; i++) {
                    int best = 0;
                    for (int c = 1; c < k; c++) if (o[c][i] > o[best][i]) best = c;
                    out[i] = argbClass(best, discrete ? 1 : o[best][i], k, wheel(best));
                }
            }
            case BINARY_SIGMOID -> {
                for (int i = 0; i < out.length; i++) {
                    double v = 2 * o[0][i] - 1;
                    out[i] = argb(discrete ? Math.signum(v) : v);
                }
            }
            case BINARY_TANH -> {
                for (int i = 0; i < out.length; i++) out[i] = argb(discrete ? (o[0][i] >= 0 ? 1 : -1) : o[0][i]);
            }
            case REGRESSION -> {
                for (int i = 0; i < out.length; i++) out[i] = argb(discrete ? Math.round(o[0][i] * 4) / 4.0 : o[0][i]);
            }
        }
    }

    /** The colour 30 % of the way from {@code rgb} to white. */
    static int lighten(int rgb) {
        return channel(rgb >> 16, 255, LIGHTNESS) << 16 | channel(rgb >> 8, 255, LIGHTNESS) << 8 | channel(rgb, 255, LIGHTNESS);
    }

    private static int blend(int from, int to, double t) {
        return 0xff000000 | channel(from >> 16, to >> 16 & 0xff, t) << 16 | channel(from >> 8, to >> 8 & 0xff, t) << 8
                | channel(from, to & 0xff, t);
    }

    private static int channel(int from, int to, double t) {
        int a = from & 0xff;
        return (int) Math.round(a + (to - a) * t);
    }
}
