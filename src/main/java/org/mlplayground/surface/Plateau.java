package org.mlplayground.surface;

import java.util.List;

/**
 * A plateau around a well: L = 1 − e^(−q), q = (x² + 2y²)/2. Far from the origin L is almost exactly 1 and
 * its gradient almost exactly zero, so plain gradient descent crawls; momentum builds up speed over the
 * small, steady gradient, and Adam divides it by its own size and walks at the rate γ.
 * <pre>
 * ∇L  = e^(−q) (x, 2y)
 * ∇²L = e^(−q) [[1 − x², −2xy], [−2xy, 2 − 4y²]]
 * </pre>
 * Minimum L = 0 at the origin.
 */
public record Plateau() implements Surface {

    @Override
    public double value(double x, double y) {
        return -Math.expm1(-0.5 * (x * x + 2 * y * y));
    }

    @Override
    public void gradient(double x, double y, double[] into) {
        double e = Math.exp(-0.5 * (x * x + 2 * y * y));
        into[0] = e * x;
        into[1] = e * 2 * y;
    }

    @Override
    public void hessian(double x, double y, double[][] into) {
        double e = Math.exp(-0.5 * (x * x + 2 * y * y));
        into[0][0] = e * (1 - x * x);
        into[0][1] = -e * 2 * x * y;
        into[1][0] = into[0][1];
        into[1][1] = e * (2 - 4 * y * y);
    }

    @Override
    public String id() {
        return "plateau";
    }

    @Override
    public String formula() {
        return "1 − e^(−(x² + 2y²)/2)";
    }

    @Override
    public String tex() {
        return "1 - e^{-(x^2 + 2y^2)/2}";
    }

    @Override
    public double[] window() {
        return new double[] {-4, 4, -3, 3};
    }

    /** Out on the plateau, where ‖∇L‖ ≈ 0.01. */
    @Override
    public double[] start() {
        return new double[] {3, 1};
    }

    @Override
    public List<Critical> criticalPoints() {
        return List.of(new Critical(0, 0, Critical.Kind.MINIMUM));
    }

    @Override
    public double minimumValue() {
        return 0;
    }
}
