package org.mlplayground.ui.lab;

import org.mlplayground.surface.SecondOrder;
import org.mlplayground.surface.Surface;
import org.mlplayground.surface.Trajectory;

/** The surface package's second-order methods, by the row's method and its λ and m. */
final class SecondOrderRuns {
    private SecondOrderRuns() {
    }

    static Trajectory run(RowSettings s, Surface surface, double x0, double y0, int steps) {
        return switch (s.method()) {
            case NEWTON -> SecondOrder.newton(surface, x0, y0, steps);
            case DAMPED_NEWTON -> SecondOrder.dampedNewton(surface, x0, y0, steps, s.lambda());
            case CONJUGATE_GRADIENT -> SecondOrder.conjugateGradient(surface, x0, y0, steps);
            case BFGS -> SecondOrder.bfgs(surface, x0, y0, steps);
            case LBFGS -> SecondOrder.lbfgs(surface, x0, y0, steps, s.memory());
            default -> throw new IllegalStateException(s.method() + " is a first-order optimizer");
        };
    }
}
