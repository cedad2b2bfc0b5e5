package org.mlplayground.ui.lab;

import org.mlplayground.surface.Surface;
import org.mlplayground.surface.Trajectory;

/** The second-order methods of the surface package, by the row's method and its λ and m. */
final class SecondOrderRuns {
    private SecondOrderRuns() {
    }

    static Trajectory run(RowSettings s, Surface surface, double x0, double y0, int steps) {
        throw new UnsupportedOperationException(s.method().label + " is not available yet");
    }
}
