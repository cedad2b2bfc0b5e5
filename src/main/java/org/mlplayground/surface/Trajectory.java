package org.mlplayground.surface;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Objective;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.Schedule;

/**
 * The path an optimizer takes across a surface: the points w_0 (the start), w_1, …, each with its loss.
 * Step k uses the schedule's rate γ_k and the clipped gradient, exactly as
 * {@code optimizer.step(params, clipping.wrap(objective, params), schedule.rate(k))} trains a network.
 *
 * @param points   w_0 … w_n in order; {@code points.get(k).step() == k}
 * @param diverged true if the run stopped early because x, y or L stopped being finite; the last point is
 *                 then the first non-finite one
 */
public record Trajectory(List<Point> points, boolean diverged) {

    /** w_k = (x, y) after {@code step} steps, and L(w_k). */
    public record Point(int step, double x, double y, double loss) {
        boolean finite() {
            return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(loss);
        }
    }

    public Trajectory {
        points = List.copyOf(points);
    }

    /** The last point reached. */
    public Point last() {
        return points.get(points.size() - 1);
    }

    /**
     * Runs {@code optimizer} for up to {@code steps} steps from (startX, startY). The optimizer is
     * {@link Optimizer#reset() reset} first, so its state starts fresh.
     *
     * @throws IllegalArgumentException if steps is negative or the start is not finite
     */
    public static Trajectory run(Surface surface, double startX, double startY, int steps, Optimizer optimizer,
            Schedule schedule, Clipping clipping) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be ≥ 0, got " + steps);
        if (!(Double.isFinite(startX) && Double.isFinite(startY))) {
            throw new IllegalArgumentException("start point must be finite, got (" + startX + ", " + startY + ")");
        }
        Parameter point = new Parameter("w", 1, true, new double[] {startX, startY}, new double[2], 2);
        List<Parameter> params = List.of(point);
        Objective objective = clipping.wrap(surface.objective(point), params);
        optimizer.reset();

        List<Point> points = new ArrayList<>(steps + 1);
        Point current = new Point(0, startX, startY, surface.value(startX, startY));
        points.add(current);
        for (int k = 0; k < steps && current.finite(); k++) {
            optimizer.step(params, objective, schedule.rate(k));
            double x = point.value()[0], y = point.value()[1];
            current = new Point(k + 1, x, y, surface.value(x, y));
            points.add(current);
        }
        return new Trajectory(points, !current.finite());
    }
}
