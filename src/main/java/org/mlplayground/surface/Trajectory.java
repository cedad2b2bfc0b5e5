package org.mlplayground.surface;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Objective;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.PolyakAverage;
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
     * The path of the Polyak average of this path's iterates (COURSE.md §5), computed by {@code average}
     * exactly as it averages a network's weights: point 0 is w_0 (nothing averaged yet), point k ≥ 1 the
     * average of w_1 … w_k (uniform mean, or the exponential one). {@code average} is reset first. The loss
     * is L at the averaged point; a non-finite iterate makes the averaged path diverge at the same step.
     */
    public Trajectory averaged(Surface surface, PolyakAverage average) {
        Parameter iterate = new Parameter("w", 1, true, new double[2], new double[2], 2);
        Parameter mean = new Parameter("w̄", 1, true, new double[2], new double[2], 2);
        List<Parameter> iterates = List.of(iterate), means = List.of(mean);
        average.reset();
        List<Point> averaged = new ArrayList<>(points.size());
        averaged.add(points.get(0));
        for (int k = 1; k < points.size(); k++) {
            Point p = points.get(k);
            iterate.value()[0] = p.x();
            iterate.value()[1] = p.y();
            average.update(iterates);
            average.copyInto(means);
            double x = mean.value()[0], y = mean.value()[1];
            averaged.add(new Point(k, x, y, surface.value(x, y)));
        }
        return new Trajectory(averaged, diverged || !averaged.get(averaged.size() - 1).finite());
    }

    /**
     * Runs {@code optimizer} for up to {@code steps} steps from (startX, startY). The optimizer is
     * {@link Optimizer#reset() reset} first, so its state starts fresh.
     *
     * @throws IllegalArgumentException if steps is negative or the start is not finite
     */
    public static Trajectory run(Surface surface, double startX, double startY, int steps, Optimizer optimizer,
            Schedule schedule, Clipping clipping) {
        Path path = new Path(surface, startX, startY, steps);
        Parameter point = new Parameter("w", 1, true, new double[] {startX, startY}, new double[2], 2);
        List<Parameter> params = List.of(point);
        Objective objective = clipping.wrap(surface.objective(point), params);
        optimizer.reset();
        for (int k = 0; path.more(); k++) {
            optimizer.step(params, objective, schedule.rate(k));
            path.add(point.value()[0], point.value()[1]);
        }
        return path.trajectory();
    }
}
