package org.mlplayground.optim;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.engine.Parameter;

/**
 * The elliptical bowl L = ½(a x² + b y²), ∇L = (a x, b y), as one parameter block of size 2: the 2-D
 * point an optimizer steps on a loss surface. Records every point it was evaluated at.
 */
final class Bowl implements Objective {
    final double a, b;
    final Parameter point;
    final List<double[]> evaluatedAt = new ArrayList<>();

    Bowl(double a, double b, double x, double y) {
        this.a = a;
        this.b = b;
        this.point = new Parameter("w", 1, true, new double[] {x, y}, new double[2], 2);
    }

    /** The course's lecture bowl ½(x² + 4y²) from (1, 1). */
    static Bowl lecture() {
        return new Bowl(1, 4, 1, 1);
    }

    List<Parameter> params() {
        return List.of(point);
    }

    double x() {
        return point.value()[0];
    }

    double y() {
        return point.value()[1];
    }

    void moveTo(double x, double y) {
        point.value()[0] = x;
        point.value()[1] = y;
    }

    /** Distance to the minimum (0, 0). */
    double distance() {
        return Math.hypot(x(), y());
    }

    @Override
    public double evaluate() {
        double x = x(), y = y();
        evaluatedAt.add(new double[] {x, y});
        point.gradient()[0] = a * x;
        point.gradient()[1] = b * y;
        return 0.5 * (a * x * x + b * y * y);
    }
}
