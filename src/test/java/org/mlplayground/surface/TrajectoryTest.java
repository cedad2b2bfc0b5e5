package org.mlplayground.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.PolyakAverage;
import org.mlplayground.optim.Schedule;

class TrajectoryTest {
    private final Surface lecture = new EllipticalBowl(1, 4, 0);

    @Test
    void gradientDescentOnTheLectureBowlShrinksEachCoordinateByItsOwnFactor() {
        // w ← w − 0.1 (x, 4y): x_k = 0.9^k, y_k = (1 − 0.4)^k = 0.6^k, L_k = ½(x_k² + 4 y_k²)
        Trajectory t = Trajectory.run(lecture, 1, 1, 3, Optimizer.create("sgd"), new Schedule.Constant(0.1),
                new Clipping.None());
        assertEquals(4, t.points().size());
        assertFalse(t.diverged());
        for (int k = 0; k <= 3; k++) {
            Trajectory.Point p = t.points().get(k);
            double x = Math.pow(0.9, k), y = Math.pow(0.6, k);
            assertEquals(k, p.step());
            assertEquals(x, p.x(), 1e-15);
            assertEquals(y, p.y(), 1e-15);
            assertEquals(0.5 * (x * x + 4 * y * y), p.loss(), 1e-15);
        }
    }

    @Test
    void momentumFollowsItsVelocity() {
        // β = 0.5, γ = 0.1 on ½(x² + 4y²) from (1, 1):
        // v1 = −0.1·(1, 4) = (−0.1, −0.4), w1 = (0.9, 0.6)
        // v2 = 0.5·v1 − 0.1·(0.9, 2.4) = (−0.05 − 0.09, −0.2 − 0.24) = (−0.14, −0.44), w2 = (0.76, 0.16)
        Trajectory t = Trajectory.run(lecture, 1, 1, 2, new Momentum(new Momentum.Settings(0.5)),
                new Schedule.Constant(0.1), new Clipping.None());
        assertEquals(0.76, t.last().x(), 1e-15);
        assertEquals(0.16, t.last().y(), 1e-15);
    }

    @Test
    void clippingAndScheduleAreApplied() {
        // the gradient (1, 4) at (1, 1) clipped to [−0.5, 0.5] is (0.5, 0.5); γ_0 = 0.1 → w1 = (0.95, 0.95)
        // the second step uses γ_1 = 0.1·0.5 (step decay every step): g = (0.95, 3.8) → (0.5, 0.5)
        // w2 = (0.95 − 0.025, 0.95 − 0.025) = (0.925, 0.925)
        Trajectory t = Trajectory.run(lecture, 1, 1, 2, Optimizer.create("sgd"), new Schedule.StepDecay(0.1, 0.5, 1),
                Clipping.ByValue.symmetric(0.5));
        assertEquals(0.95, t.points().get(1).x(), 1e-15);
        assertEquals(0.95, t.points().get(1).y(), 1e-15);
        assertEquals(0.925, t.last().x(), 1e-15);
        assertEquals(0.925, t.last().y(), 1e-15);
    }

    @Test
    void aRotatedBowlGivesTheRotatedPath() {
        // gradient descent commutes with rotations: from R(θ)ᵀ·start on the bowl turned by θ, every iterate is
        // R(θ)ᵀ times the iterate on the unturned bowl (R maps the plane into the bowl's axes)
        double theta = Math.toRadians(30), c = Math.cos(theta), s = Math.sin(theta);
        Trajectory plain = Trajectory.run(lecture, 1, 1, 20, Optimizer.create("sgd"), new Schedule.Constant(0.1),
                new Clipping.None());
        Trajectory turned = Trajectory.run(new EllipticalBowl(1, 4, 30), c - s, s + c, 20, Optimizer.create("sgd"),
                new Schedule.Constant(0.1), new Clipping.None());
        for (int k = 0; k <= 20; k++) {
            Trajectory.Point p = plain.points().get(k), q = turned.points().get(k);
            assertEquals(c * p.x() - s * p.y(), q.x(), 1e-12);
            assertEquals(s * p.x() + c * p.y(), q.y(), 1e-12);
            assertEquals(p.loss(), q.loss(), 1e-12);
        }
    }

    @Test
    void divergenceStopsTheRunAtTheFirstNonFinitePoint() {
        // γ = 1e200: w1 = (1 − 1e200, 1 − 4e200), whose loss overflows to ∞
        Trajectory t = Trajectory.run(lecture, 1, 1, 50, Optimizer.create("sgd"), new Schedule.Constant(1e200),
                new Clipping.None());
        assertTrue(t.diverged());
        assertEquals(2, t.points().size());
        assertEquals(Double.POSITIVE_INFINITY, t.last().loss());
    }

    @Test
    void zeroStepsRecordOnlyTheStart() {
        Trajectory t = Trajectory.run(lecture, 2, -1, 0, Optimizer.create("adam"), new Schedule.Constant(0.1),
                new Clipping.None());
        assertEquals(List.of(new Trajectory.Point(0, 2, -1, 4)), t.points());
    }

    @Test
    void objectiveWritesTheAnalyticGradientIntoThePoint() {
        Parameter point = new Parameter("w", 1, true, new double[] {3, -2}, new double[2], 2);
        assertEquals(12.5, lecture.objective(point).evaluate(), 0);
        assertEquals(3, point.gradient()[0], 0);
        assertEquals(-8, point.gradient()[1], 0);
    }

    @Test
    void impossibleRunsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Trajectory.run(lecture, 1, 1, -1, Optimizer.create("sgd"),
                new Schedule.Constant(0.1), new Clipping.None()));
        assertThrows(IllegalArgumentException.class, () -> Trajectory.run(lecture, Double.NaN, 1, 3,
                Optimizer.create("sgd"), new Schedule.Constant(0.1), new Clipping.None()));
    }
    @Test
    void polyakAveragedPathIsTheRunningMeanOfTheIterates() {
        // w_k = (0.9^k, 0.6^k); uniform mean of w_1..w_3: x = (0.9 + 0.81 + 0.729)/3 = 0.813,
        // y = (0.6 + 0.36 + 0.216)/3 = 0.392
        Trajectory t = Trajectory.run(lecture, 1, 1, 3, Optimizer.create("sgd"), new Schedule.Constant(0.1), new Clipping.None());
        Trajectory mean = t.averaged(lecture, PolyakAverage.uniform());
        assertEquals(4, mean.points().size());
        assertEquals(t.points().get(0), mean.points().get(0));
        assertEquals(0.9, mean.points().get(1).x(), 1e-15);
        assertEquals(0.813, mean.last().x(), 1e-15);
        assertEquals(0.392, mean.last().y(), 1e-15);
        assertEquals(0.5 * (0.813 * 0.813 + 4 * 0.392 * 0.392), mean.last().loss(), 1e-15);
        // exponential, β = 0.5: 0.9, then 0.5·0.81 + 0.5·0.9 = 0.855, then 0.5·0.729 + 0.5·0.855 = 0.792
        Trajectory ema = t.averaged(lecture, PolyakAverage.exponential(0.5));
        assertEquals(0.855, ema.points().get(2).x(), 1e-15);
        assertEquals(0.792, ema.last().x(), 1e-15);
        assertFalse(ema.diverged());
    }

    @Test
    void theAverageOfADivergedPathDivergesToo() {
        Trajectory t = Trajectory.run(lecture, 1, 1, 50, Optimizer.create("sgd"), new Schedule.Constant(1e200), new Clipping.None());
        assertTrue(t.diverged());
        assertTrue(t.averaged(lecture, PolyakAverage.uniform()).diverged());
    }
}
