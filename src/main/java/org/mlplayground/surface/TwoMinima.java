package org.mlplayground.surface;

import java.util.Arrays;
import java.util.List;

/**
 * A tilted double well, a bowl with two dips: the start decides which minimum descent ends in, and momentum
 * can roll through the shallower one (COURSE.md §5).
 * <pre>
 * L = (x² − 1)² + x/2 + y²
 * ∇L  = (4x(x² − 1) + ½,  2y)
 * ∇²L = [[12x² − 4, 0], [0, 2]]
 * </pre>
 * The critical points lie on y = 0 at the three roots of 4x³ − 4x + ½ = 0 (Viète's trigonometric form):
 * x ≈ −1.0575 the global minimum (L ≈ −0.515), x ≈ 0.1271 a saddle (the pass between the wells, L ≈ 1.032)
 * and x ≈ 0.9304 a local minimum (L ≈ 0.483). The tilt x/2 makes the left well the deeper one.
 */
public record TwoMinima() implements Surface {
    private static final double TILT = 0.5;
    /** The roots of x³ − x + TILT/4 = 0, ascending: global minimum, saddle, local minimum. */
    private static final double[] ROOTS = roots();

    /** x_j = (2/√3) cos(⅓ arccos(−(3·TILT/8)√3) − 2πj/3), j = 0, 1, 2, sorted. */
    private static double[] roots() {
        double phi = Math.acos(-3 * TILT / 8 * Math.sqrt(3)) / 3, r = 2 / Math.sqrt(3);
        double[] x = new double[3];
        for (int j = 0; j < 3; j++) x[j] = r * Math.cos(phi - 2 * Math.PI * j / 3);
        Arrays.sort(x);
        return x;
    }

    @Override
    public double value(double x, double y) {
        double u = x * x - 1;
        return u * u + TILT * x + y * y;
    }

    @Override
    public void gradient(double x, double y, double[] into) {
        into[0] = 4 * x * (x * x - 1) + TILT;
        into[1] = 2 * y;
    }

    @Override
    public void hessian(double x, double y, double[][] into) {
        into[0][0] = 12 * x * x - 4;
        into[0][1] = 0;
        into[1][0] = 0;
        into[1][1] = 2;
    }

    @Override
    public String id() {
        return "two-minima";
    }

    @Override
    public String formula() {
        return "(x² − 1)² + x/2 + y²";
    }

    @Override
    public String tex() {
        return "(x^2 - 1)^2 + \\frac{x}{2} + y^2";
    }

    @Override
    public double[] window() {
        return new double[] {-2, 2, -1.5, 1.5};
    }

    /** On the side of the shallow well: gradient descent stays in it. */
    @Override
    public double[] start() {
        return new double[] {1.8, 1.2};
    }

    @Override
    public List<Critical> criticalPoints() {
        return List.of(new Critical(ROOTS[0], 0, Critical.Kind.MINIMUM), new Critical(ROOTS[2], 0, Critical.Kind.MINIMUM),
                new Critical(ROOTS[1], 0, Critical.Kind.SADDLE));
    }

    @Override
    public double minimumValue() {
        return value(ROOTS[0], 0);
    }
}
