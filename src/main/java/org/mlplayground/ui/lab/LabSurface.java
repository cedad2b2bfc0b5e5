package org.mlplayground.ui.lab;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.surface.EllipticalBowl;
import org.mlplayground.surface.Surface;
import org.mlplayground.surface.Surfaces;

/**
 * A surface as the lab shows it: the loss with its formula, window, start point and critical points (minima
 * drawn as stars, saddles as crosses), and L*, from which the contours and the loss chart measure L − L*.
 * "bowl" is the adjustable ½(a x'² + b y'²) turned by θ; the others are {@link Surfaces#of} as they are.
 */
record LabSurface(String id, Surface surface, List<Mark> marks) {

    /** A critical point; {@code minimum} false is a saddle (maxima are not marked). */
    record Mark(double x, double y, boolean minimum) {
    }

    /** The surfaces offered, in menu order. */
    static List<String> ids() {
        return Surfaces.IDS;
    }

    /** The surface of the menu with this id (the bowl with its defaults). */
    static LabSurface of(String id) {
        return wrap(id, Surfaces.of(id));
    }

    /** The elliptical bowl ½(a x'² + b y'²) turned by θ. */
    static LabSurface bowl(double a, double b, double angleDegrees) {
        return wrap("bowl", Surfaces.bowl(a, b, angleDegrees));
    }

    private static LabSurface wrap(String id, Surface s) {
        List<Mark> marks = new ArrayList<>();
        for (Surface.Critical c : s.criticalPoints()) {
            if (c.kind() != Surface.Critical.Kind.MAXIMUM) marks.add(new Mark(c.x(), c.y(), c.kind() == Surface.Critical.Kind.MINIMUM));
        }
        return new LabSurface(id, s, List.copyOf(marks));
    }

    String formula() {
        return "L = " + surface.formula();
    }

    double[] window() {
        return surface.window();
    }

    double[] start() {
        return surface.start();
    }

    /** L*, or −∞ when L is unbounded below (the saddle). */
    double minimumValue() {
        return surface.minimumValue();
    }

    /**
     * L*, from which L − L* is measured: the minimum value, or for a surface unbounded below the lowest value
     * on a 101 × 101 grid over its own window (so that panning does not change the numbers).
     */
    double floor() {
        if (Double.isFinite(minimumValue())) return minimumValue();
        double[] w = window();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 100; i++) {
            for (int j = 0; j <= 100; j++) {
                double v = surface.value(w[0] + (w[1] - w[0]) * i / 100, w[2] + (w[3] - w[2]) * j / 100);
                if (v < min) min = v;
            }
        }
        return min;
    }

    /** The bowl, when the theory panel applies (bowl, circle, stretched), else null. */
    EllipticalBowl quadratic() {
        return surface instanceof EllipticalBowl b ? b : null;
    }
}
