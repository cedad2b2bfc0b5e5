package org.mlplayground.surface;

import java.util.ArrayList;
import java.util.List;

/**
 * A trajectory being built point by point: w_0 at construction, then one {@link #add} per step until the
 * number of steps is reached or a point stops being finite (the run has diverged).
 */
final class Path {
    private final Surface surface;
    private final int steps;
    private final List<Trajectory.Point> points;
    private boolean diverged;

    /** @throws IllegalArgumentException if steps is negative or the start is not finite */
    Path(Surface surface, double x0, double y0, int steps) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be ≥ 0, got " + steps);
        if (!(Double.isFinite(x0) && Double.isFinite(y0))) {
            throw new IllegalArgumentException("start point must be finite, got (" + x0 + ", " + y0 + ")");
        }
        this.surface = surface;
        this.steps = steps;
        this.points = new ArrayList<>(steps + 1);
        add(x0, y0);
    }

    /** True while there are steps left and the run has not diverged. */
    boolean more() {
        return !diverged && points.size() <= steps;
    }

    /** Appends w_k = (x, y) with its loss. */
    void add(double x, double y) {
        Trajectory.Point p = new Trajectory.Point(points.size(), x, y, surface.value(x, y));
        points.add(p);
        if (!p.finite()) diverged = true;
    }

    /** Repeats w_k = (x, y) for all remaining steps: for a method whose state can no longer change. */
    void stayUntilTheEnd(double x, double y) {
        double loss = surface.value(x, y);
        while (more()) points.add(new Trajectory.Point(points.size(), x, y, loss));
    }

    Trajectory trajectory() {
        return new Trajectory(points, diverged);
    }
}
