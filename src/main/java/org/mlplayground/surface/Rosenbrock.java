package org.mlplayground.surface;

import java.util.List;

/**
 * Rosenbrock's banana valley L = (1−x)² + 100(y−x²)² (Rosenbrock 1960), the classic test of a method's
 * patience: the minimum L = 0 at (1, 1) lies at the end of a long, curved, nearly flat valley with steep
 * walls.
 * <pre>
 * ∇L  = (−2(1−x) − 400x(y−x²),  200(y−x²))
 * ∇²L = [[2 − 400y + 1200x², −400x], [−400x, 200]]
 * </pre>
 */
public record Rosenbrock() implements Surface {

    @Override
    public double value(double x, double y) {
        double u = 1 - x, v = y - x * x;
        return u * u + 100 * v * v;
    }

    @Override
    public void gradient(double x, double y, double[] into) {
        double v = y - x * x;
        into[0] = -2 * (1 - x) - 400 * x * v;
        into[1] = 200 * v;
    }

    @Override
    public void hessian(double x, double y, double[][] into) {
        into[0][0] = 2 - 400 * y + 1200 * x * x;
        into[0][1] = -400 * x;
        into[1][0] = -400 * x;
        into[1][1] = 200;
    }

    @Override
    public String id() {
        return "rosenbrock";
    }

    @Override
    public String formula() {
        return "(1−x)² + 100(y−x²)²";
    }

    @Override
    public String tex() {
        return "(1-x)^2 + 100\\,(y-x^2)^2";
    }

    @Override
    public double[] window() {
        return new double[] {-2, 2, -1, 3};
    }

    /** (−1.2, 1), the standard start since Rosenbrock's paper. */
    @Override
    public double[] start() {
        return new double[] {-1.2, 1};
    }

    @Override
    public List<Critical> criticalPoints() {
        return List.of(new Critical(1, 1, Critical.Kind.MINIMUM));
    }

    @Override
    public double minimumValue() {
        return 0;
    }
}
