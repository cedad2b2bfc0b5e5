package org.mlplayground.ui.lab;

import java.util.List;
import org.mlplayground.surface.EllipticalBowl;
import org.mlplayground.surface.Surface;

/**
 * A surface as the lab shows it: the loss, its formula, the window first shown, the start point, its
 * critical points (minima drawn as stars, saddles as crosses) and L* = the minimum value, from which the
 * contours and the loss chart measure L − L*.
 *
 * @param minimumValue L*, or NaN when L is unbounded below (the saddle): then the lowest value in view is used
 */
record LabSurface(String id, Surface surface, String formula, double[] window, double[] start, List<Mark> marks,
        double minimumValue) {

    /** A critical point; {@code minimum} false is a saddle (maxima are not marked). */
    record Mark(double x, double y, boolean minimum) {
    }

    /** The surfaces offered, in menu order. */
    static List<String> ids() {
        return List.of("bowl", "circle", "stretched");
    }

    static LabSurface of(String id) {
        return switch (id) {
            case "circle" -> bowl(id, 1, 1, 0);
            case "stretched" -> bowl(id, 2, 8, 0);
            default -> bowl("bowl", 1, 10, 0);
        };
    }

    /** The elliptical bowl ½(a x'² + b y'²) turned by θ. */
    static LabSurface bowl(double a, double b, double angleDegrees) {
        return bowl("bowl", a, b, angleDegrees);
    }

    private static LabSurface bowl(String id, double a, double b, double angleDegrees) {
        EllipticalBowl s = new EllipticalBowl(a, b, angleDegrees);
        String formula = "L = ½(" + LabFormat.number(a) + " x'² + " + LabFormat.number(b) + " y'²)"
                + (angleDegrees == 0 ? "" : ", axes turned by " + LabFormat.number(angleDegrees) + "°");
        return new LabSurface(id, s, formula, new double[] {-2, 2, -2, 2}, new double[] {-1.6, 1.2},
                List.of(new Mark(0, 0, true)), 0);
    }

    /**
     * L*, from which L − L* is measured: the minimum value, or for a surface unbounded below the lowest value
     * on a 101 × 101 grid over its own window (so that panning does not change the numbers).
     */
    double floor() {
        if (Double.isFinite(minimumValue)) return minimumValue;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 100; i++) {
            for (int j = 0; j <= 100; j++) {
                double v = surface.value(window[0] + (window[1] - window[0]) * i / 100, window[2] + (window[3] - window[2]) * j / 100);
                if (v < min) min = v;
            }
        }
        return min;
    }

    /** True for the quadratic bowls, where the theory panel applies. */
    boolean quadratic() {
        return surface instanceof EllipticalBowl;
    }
}
