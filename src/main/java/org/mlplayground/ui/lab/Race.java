package org.mlplayground.ui.lab;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.PolyakAverage;
import org.mlplayground.surface.Trajectory;

/**
 * All rows run from one start point on one surface: an immutable snapshot the plot, the chart and the table
 * draw from. Computing it is cheap (six rows × 1000 steps take about a millisecond), so it is recomputed
 * whole on every change.
 *
 * @param floor L* used for L − L*, {@link LabSurface#floor()}
 */
record Race(LabSurface surface, double x0, double y0, int steps, double floor, List<Run> runs) {

    /** False on a surface unbounded below (the saddle): there L − L* has no minimum to reach. */
    boolean bounded() {
        return Double.isFinite(surface.minimumValue());
    }

    /** Below this L − L* counts as "reached the minimum". */
    static final double TOLERANCE = 1e-6;

    /**
     * One row's path: w_k = (x[k], y[k]) for k = 0 … n−1 and gap[k] = L(w_k) − L*. When {@code diverged} the
     * path stops at the last finite point and {@code divergedAt} is the step that left the finite numbers.
     *
     * @param row    index of the row (its colour)
     * @param trajectory the run as the surface package returned it (null with an error)
     * @param avgX   Polyak's uniform average of w_0 … w_k (the same {@link PolyakAverage} the trainer uses), or
     *               null when the Polyak path is not shown
     * @param error  why the row could not run (a setting the optimizer refused), or null
     */
    record Run(int row, Method method, RowSettings settings, Trajectory trajectory, double[] x, double[] y, double[] gap, int n,
            boolean diverged, int divergedAt, double[] avgX, double[] avgY, String error) {

        /** The first k with L(w_k) − L* &lt; 10⁻⁶, or −1. */
        int stepsToTolerance() {
            for (int k = 0; k < n; k++) if (gap[k] < TOLERANCE) return k;
            return -1;
        }

        double finalGap() {
            return n == 0 ? Double.NaN : gap[n - 1];
        }
    }

    /**
     * Runs every enabled row for {@code steps} steps from (x0, y0). A row whose settings the optimizer refuses
     * gets an empty run with the message, so one bad row never stops the others.
     */
    static Race compute(LabSurface surface, double x0, double y0, int steps, List<RowSettings> rows) {
        return compute(surface, x0, y0, steps, rows, true);
    }

    /** As {@link #compute(LabSurface, double, double, int, List)}; without {@code polyak} avgX and avgY are null. */
    static Race compute(LabSurface surface, double x0, double y0, int steps, List<RowSettings> rows, boolean polyak) {
        double floor = surface.floor();
        List<Run> runs = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            RowSettings s = rows.get(r);
            if (!s.enabled()) continue;
            Trajectory t;
            try {
                t = s.method().firstOrder()
                        ? Trajectory.run(surface.surface(), x0, y0, steps, s.hyperparameters().create(), s.rates(), s.clipping())
                        : SecondOrderRuns.run(s, surface.surface(), x0, y0, steps);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                runs.add(new Run(r, s.method(), s, null, new double[0], new double[0], new double[0], 0, false, -1, new double[0],
                        new double[0], e.getMessage()));
                continue;
            }
            runs.add(toRun(r, s, t, floor, polyak));
        }
        return new Race(surface, x0, y0, steps, floor, List.copyOf(runs));
    }

    private static Run toRun(int row, RowSettings s, Trajectory t, double floor, boolean polyak) {
        List<Trajectory.Point> points = t.points();
        int n = points.size();
        if (t.diverged()) n--; // the last point is the first non-finite one
        double[] x = new double[n], y = new double[n], gap = new double[n], ax = new double[n], ay = new double[n];
        Parameter w = new Parameter("w", 1, true, new double[2], new double[2], 2);
        List<Parameter> params = List.of(w);
        PolyakAverage average = PolyakAverage.uniform();
        for (int k = 0; k < n; k++) {
            Trajectory.Point p = points.get(k);
            x[k] = p.x();
            y[k] = p.y();
            gap[k] = p.loss() - floor;
            if (!polyak) continue;
            w.value()[0] = x[k];
            w.value()[1] = y[k];
            average.update(params);
            double[] av = average.average(0);
            ax[k] = av[0];
            ay[k] = av[1];
        }
        int divergedAt = t.diverged() ? t.last().step() : -1;
        return new Run(row, s.method(), s, t, x, y, gap, n, t.diverged(), divergedAt, polyak ? ax : null, polyak ? ay : null, null);
    }
}
