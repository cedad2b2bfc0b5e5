package org.mlplayground.surface;

import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Objective;

/**
 * An analytic loss L(x, y) on the plane, with its gradient ∇L and Hessian ∇²L in closed form, for watching
 * optimizers step on it (COURSE.md §5). Implementations are immutable and allocation-free per call, so a
 * view can evaluate thousands of points per frame.
 */
public sealed interface Surface permits EllipticalBowl {

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
