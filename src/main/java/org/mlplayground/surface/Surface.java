package org.mlplayground.surface;

import java.util.List;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Objective;

/**
 * An analytic loss L(x, y) on the plane, with its gradient ∇L and Hessian ∇²L in closed form, for watching
 * optimizers step on it (COURSE.md §5). Implementations are immutable and allocation-free per call, so a
 * view can evaluate thousands of points per frame.
 *
 * <p>The closed set the optimizer lab offers is listed in {@link Surfaces#IDS}; each surface also knows how
 * to show itself: its formula, a window where the interesting part is, a start point and its critical points.
 */
public sealed interface Surface permits EllipticalBowl, Saddle, Rosenbrock, Beale, Cliff, TwoMinima, Plateau {

    /** A point where ∇L = 0, and what kind of point it is (by the signs of ∇²L's eigenvalues there). */
    record Critical(double x, double y, Kind kind) {

        /** Both eigenvalues of ∇²L positive, of opposite sign, or both negative. */
        public enum Kind { MINIMUM, SADDLE, MAXIMUM }
    }

    /** The {@code --fn} name, one of {@link Surfaces#IDS}. */
    String id();

    /** The formula as plain Unicode text for a label, e.g. {@code (1−x)² + 100(y−x²)²}. */
    String formula();

    /** The same formula in LaTeX (for JLaTeXMath). */
    String tex();

    /** A default view {xMin, xMax, yMin, yMax} that shows the interesting part (a fresh array). */
    double[] window();

    /** A default start point {x, y} that shows what the surface is about (a fresh array). */
    double[] start();

    /** The critical points known in closed form (or to full precision): minima first, the global one first. */
    List<Critical> criticalPoints();

    /**
     * L*, the global minimum value, so that a view can measure L − L*; {@link Double#NEGATIVE_INFINITY} if L
     * is unbounded below (the saddle).
     */
    double minimumValue();

    /** L(x, y). */
    double value(double x, double y);

    /** ∇L(x, y) = (∂L/∂x, ∂L/∂y), written into {@code into[0]} and {@code into[1]}. */
    void gradient(double x, double y, double[] into);

    /**
     * ∇²L(x, y), written into the 2×2 array {@code into}: {@code into[i][j]} = ∂²L/∂w_i∂w_j with
     * (w_0, w_1) = (x, y).
     */
    void hessian(double x, double y, double[][] into);

    /**
     * The objective an optimizer minimises on this surface, for a point held as one parameter block of
     * size 2 (value = (x, y)): each evaluation writes ∇L at the point's current value into its gradient
     * array and returns L there.
     */
    default Objective objective(Parameter point) {
        if (point.size() != 2) {
            throw new IllegalArgumentException("a point on a 2-D surface is a block of size 2, got size " + point.size());
        }
        double[] w = point.value(), g = point.gradient();
        return () -> {
            gradient(w[0], w[1], g);
            return value(w[0], w[1]);
        };
    }
}
