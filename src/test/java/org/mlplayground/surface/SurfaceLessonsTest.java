package org.mlplayground.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.Schedule;

/** Each designed surface shows its phenomenon from its default start, with the optimizers that train networks. */
class SurfaceLessonsTest {

    private static Trajectory run(Surface s, Optimizer optimizer, double gamma, Clipping clipping, int steps) {
        double[] w0 = s.start();
        return Trajectory.run(s, w0[0], w0[1], steps, optimizer, new Schedule.Constant(gamma), clipping);
    }

    private static double longestStep(Trajectory t) {
        double longest = 0;
        List<Trajectory.Point> p = t.points();
        for (int k = 1; k < p.size(); k++) {
            longest = Math.max(longest, Math.hypot(p.get(k).x() - p.get(k - 1).x(), p.get(k).y() - p.get(k - 1).y()));
        }
        return longest;
    }

    @Test
    void theCliffThrowsGradientDescentBackAndClippingKeepsItAtTheFoot() {
        Surface cliff = Surfaces.of("cliff");
        double foot = cliff.criticalPoints().get(0).x();
        Trajectory plain = run(cliff, Optimizer.create("sgd"), 0.1, new Clipping.None(), 1000);
        // on the wall ∂L/∂x ≈ 1 − 50, so one step of γ = 0.1 jumps about 4.9 back up the valley
        assertTrue(longestStep(plain) > 4, "longest step " + longestStep(plain));
        Trajectory clipped = run(cliff, Optimizer.create("sgd"), 0.1, new Clipping.ByNorm(1), 1000);
        assertTrue(longestStep(clipped) <= 0.1 + 1e-12);
        int nearFoot = 0;
        for (Trajectory.Point p : clipped.points().subList(900, 1001)) if (Math.abs(p.x() - foot) < 0.1) nearFoot++;
        assertTrue(nearFoot == 101, nearFoot + " of the last 101 points at the foot");
    }

    @Test
    void onThePlateauGradientDescentCrawlsWhileMomentumAndAdamEscape() {
        Surface plateau = Surfaces.of("plateau");
        assertTrue(run(plateau, Optimizer.create("sgd"), 0.1, new Clipping.None(), 150).last().loss() > 0.95);
        assertTrue(run(plateau, new Momentum(new Momentum.Settings(0.9)), 0.1, new Clipping.None(), 150).last().loss() < 1e-3);
        assertTrue(run(plateau, Optimizer.create("adam"), 0.1, new Clipping.None(), 150).last().loss() < 1e-3);
    }

    @Test
    void onTheTwoMinimaTheStartDecidesAndMomentumRollsThroughTheShallowWell() {
        Surface s = Surfaces.of("two-minima");
        double global = s.criticalPoints().get(0).x(), local = s.criticalPoints().get(1).x();
        Trajectory fromRight = run(s, Optimizer.create("sgd"), 0.1, new Clipping.None(), 500);
        assertEquals(local, fromRight.last().x(), 1e-9);
        Trajectory fromLeft = Trajectory.run(s, -1.8, 1.2, 500, Optimizer.create("sgd"), new Schedule.Constant(0.1), new Clipping.None());
        assertEquals(global, fromLeft.last().x(), 1e-9);
        Trajectory rolling = run(s, new Momentum(new Momentum.Settings(0.9)), 0.01, new Clipping.None(), 1000);
        assertEquals(global, rolling.last().x(), 1e-6);
    }

    @Test
    void gradientDescentVisitsTheSaddleBeforeEscapingAlongY() {
        Surface s = Surfaces.of("saddle");
        Trajectory t = run(s, Optimizer.create("sgd"), 0.1, new Clipping.None(), 60);
        double closest = Double.POSITIVE_INFINITY;
        for (Trajectory.Point p : t.points()) closest = Math.min(closest, Math.hypot(p.x(), p.y()));
        assertTrue(closest < 0.35, "closest " + closest);
        // y grows by 1 + 2γ = 1.2 per step: 0.05 · 1.2⁶⁰ ≈ 2.8e3
        assertEquals(0.05 * Math.pow(1.2, 60), t.last().y(), 1e-9 * t.last().y());
    }
}
