package org.mlplayground.surface;

import java.util.List;

/**
 * The saddle L = x² − y²: ∇L = (2x, −2y), ∇²L = diag(2, −2). The origin is a critical point that is a
 * minimum along x and a maximum along y, and L is unbounded below. Gradient descent started near the x-axis
 * first slides towards the saddle and only slowly escapes along y; plain Newton jumps onto the saddle in one
 * step from anywhere, because it looks for a point with ∇L = 0, not for a lower one.
 */
public record Saddle() implements Surface {

    @Override
    public double value(double x, double y) {
        return x * x - y * y;
    }

    /** ∇L = (2x, −2y). */
    @Override
    public void gradient(double x, double y, double[] into) {
        into[0] = 2 * x;
        into[1] = -2 * y;
    }

    /** ∇²L = diag(2, −2) everywhere. */
    @Override
    public void hessian(double x, double y, double[][] into) {
        into[0][0] = 2;
        into[0][1] = 0;
        into[1][0] = 0;
        into[1][1] = -2;
    }

    @Override
    public String id() {
        return "saddle";
    }

    @Override
    public String formula() {
        return "x² − y²";
    }

    @Override
    public String tex() {
        return "x^2 - y^2";
    }

    @Override
    public double[] window() {
        return new double[] {-2, 2, -2, 2};
    }

    /** Close to the ridge y = 0, so that descent first heads for the saddle. */
    @Override
    public double[] start() {
        return new double[] {1.5, 0.05};
    }

    @Override
    public List<Critical> criticalPoints() {
        return List.of(new Critical(0, 0, Critical.Kind.SADDLE));
    }

    /** −∞: L = −y² along the y-axis. */
    @Override
    public double minimumValue() {
        return Double.NEGATIVE_INFINITY;
    }
}
