package org.mlplayground.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SecondOrderTest {

    /** A bowl with a, b log-uniform in [0.1, 1000] and any angle. */
    private static EllipticalBowl randomBowl(SplittableRandom random) {
        double a = Math.pow(10, -1 + 4 * random.nextDouble()), b = Math.pow(10, -1 + 4 * random.nextDouble());
        return Surfaces.bowl(a, b, 360 * random.nextDouble());
    }

    @Test
    void newtonLandsOnTheMinimumOfAnyBowlInOneStep() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n = 0; n < 500; n++) {
            EllipticalBowl bowl = randomBowl(random);
            double x0 = -2 + 4 * random.nextDouble(), y0 = -2 + 4 * random.nextDouble();
            Trajectory t = SecondOrder.newton(bowl, x0, y0, 1);
            assertEquals(2, t.points().size());
            assertEquals(0, t.last().x(), 1e-9, bowl::toString);
            assertEquals(0, t.last().y(), 1e-9, bowl::toString);
        }
    }

    @Test
    void newtonWalksOntoTheSaddleInOneStepAndStaysThere() {
        // w − H⁻¹∇L = (x − 2x/2, y − (−2y)/(−2)) = (0, 0) from anywhere
        SplittableRandom random = new SplittableRandom(2);
        for (int n = 0; n < 100; n++) {
            double x0 = -2 + 4 * random.nextDouble(), y0 = -2 + 4 * random.nextDouble();
            Trajectory t = SecondOrder.newton(new Saddle(), x0, y0, 3);
            for (int k = 1; k <= 3; k++) {
                assertEquals(0, t.points().get(k).x(), 0);
                assertEquals(0, t.points().get(k).y(), 0);
            }
            assertFalse(t.diverged());
        }
    }

    @Test
    void dampingBlendsNewtonWithAShortGradientStep() {
        // ½(x² + 4y²), λ = 1 from (1, 1): (H + I)⁻¹∇L = (1/2, 4/5), so w1 = (0.5, 0.2)
        Trajectory t = SecondOrder.dampedNewton(Surfaces.bowl(1, 4, 0), 1, 1, 1, 1);
        assertEquals(0.5, t.last().x(), 1e-15);
        assertEquals(0.2, t.last().y(), 1e-15);
    }

    @Test
    void onTheSaddleSmallDampingStillSeeksTheSaddleAndLargeDampingEscapes() {
        // each step multiplies x by λ/(λ + 2) and y by λ/(λ − 2)
        Trajectory drawnIn = SecondOrder.dampedNewton(new Saddle(), 1, 0.5, 1, 0.5);
        assertEquals(0.2, drawnIn.last().x(), 1e-15); // 0.5/2.5
        assertEquals(-1.0 / 6, drawnIn.last().y(), 1e-15); // 0.5 · 0.5/(−1.5)
        Trajectory escapes = SecondOrder.dampedNewton(new Saddle(), 1, 0.5, 2, 4);
        assertEquals(4.0 / 9, escapes.last().x(), 1e-15); // (4/6)²
        assertEquals(2, escapes.last().y(), 1e-15); // 0.5 · 2²
    }

    @Test
    void aSingularNewtonMatrixEndsTheRunAsDiverged() {
        // λ = 2 on the saddle: H + λI = diag(4, 0)
        Trajectory t = SecondOrder.dampedNewton(new Saddle(), 1, 0.5, 5, 2);
        assertTrue(t.diverged());
        assertEquals(2, t.points().size());
    }

    @Test
    void conjugateGradientsFinishAnyTwoDimensionalBowlInTwoSteps() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 500; n++) {
            EllipticalBowl bowl = randomBowl(random);
            double x0 = -2 + 4 * random.nextDouble(), y0 = -2 + 4 * random.nextDouble();
            Trajectory t = SecondOrder.conjugateGradient(bowl, x0, y0, 2);
            assertEquals(3, t.points().size());
            assertEquals(0, t.last().x(), 1e-9, bowl::toString);
            assertEquals(0, t.last().y(), 1e-9, bowl::toString);
        }
    }

    @Test
    void onTheCircleTheFirstConjugateGradientStepIsAlreadyExact() {
        // −∇L points at the centre; α = gᵀg/(gᵀHg) = 1/2 for H = 2I
        Trajectory t = SecondOrder.conjugateGradient(EllipticalBowl.circle(), 1, -0.7, 1);
        assertEquals(0, t.last().x(), 1e-15);
        assertEquals(0, t.last().y(), 1e-15);
    }

    @Test
    void bfgsSolvesRosenbrockFromTheClassicStart() {
        Trajectory t = SecondOrder.bfgs(new Rosenbrock(), -1.2, 1, 100);
        assertFalse(t.diverged());
        assertEquals(1, t.last().x(), 1e-6);
        assertEquals(1, t.last().y(), 1e-6);
    }

    @Test
    void lbfgsWithFivePairsSolvesRosenbrockToo() {
        Trajectory t = SecondOrder.lbfgs(new Rosenbrock(), -1.2, 1, 100, 5);
        assertFalse(t.diverged());
        assertEquals(1, t.last().x(), 1e-6);
        assertEquals(1, t.last().y(), 1e-6);
    }

    @Test
    void lineSearchMethodsNeverIncreaseTheLoss() {
        for (String id : new String[] {"rosenbrock", "beale", "two-minima", "plateau", "cliff", "bowl"}) {
            Surface s = Surfaces.of(id);
            double[] w0 = s.start();
            Trajectory[] runs = {SecondOrder.conjugateGradient(s, w0[0], w0[1], 200), SecondOrder.bfgs(s, w0[0], w0[1], 200),
                SecondOrder.lbfgs(s, w0[0], w0[1], 200, 1), SecondOrder.lbfgs(s, w0[0], w0[1], 200, 7)};
            for (Trajectory t : runs) {
                assertFalse(t.diverged(), id);
                assertEquals(201, t.points().size(), id);
                for (int k = 1; k < t.points().size(); k++) {
                    assertTrue(t.points().get(k).loss() <= t.points().get(k - 1).loss(), id + " step " + k);
                }
            }
        }
    }

    @Test
    void quasiNewtonMethodsReachTheNearbyMinimum() {
        // from each surface's own start (Beale (½, ½), the cliff up the valley): the minimum it lists first
        for (String id : new String[] {"beale", "cliff", "plateau"}) {
            Surface s = Surfaces.of(id);
            double[] w0 = s.start();
            Surface.Critical min = s.criticalPoints().get(0);
            for (Trajectory t : new Trajectory[] {SecondOrder.bfgs(s, w0[0], w0[1], 300), SecondOrder.lbfgs(s, w0[0], w0[1], 300, 5)}) {
                assertEquals(min.x(), t.last().x(), 1e-6, id);
                assertEquals(min.y(), t.last().y(), 1e-6, id);
            }
        }
    }

    @Test
    void plainNewtonOnBealeSettlesOnASaddleWhileBfgsFindsTheMinimum() {
        // from (½, ½) Newton's quadratic models lead to the critical point (0, 1), a saddle with L = 14.203125
        Surface beale = new Beale();
        Trajectory newton = SecondOrder.newton(beale, 0.5, 0.5, 100);
        assertEquals(0, newton.last().x(), 1e-9);
        assertEquals(1, newton.last().y(), 1e-9);
        assertEquals(14.203125, newton.last().loss(), 1e-9);
        Trajectory bfgs = SecondOrder.bfgs(beale, 0.5, 0.5, 100);
        assertEquals(3, bfgs.last().x(), 1e-6);
        assertEquals(0.5, bfgs.last().y(), 1e-6);
    }

    @Test
    void startedOnTheMinimumEveryMethodStaysThereForAllItsSteps() {
        Surface s = new Rosenbrock();
        Trajectory[] runs = {SecondOrder.newton(s, 1, 1, 7), SecondOrder.dampedNewton(s, 1, 1, 7, 2),
            SecondOrder.conjugateGradient(s, 1, 1, 7), SecondOrder.bfgs(s, 1, 1, 7), SecondOrder.lbfgs(s, 1, 1, 7, 3)};
        for (Trajectory t : runs) {
            assertEquals(8, t.points().size());
            for (int k = 0; k <= 7; k++) assertEquals(new Trajectory.Point(k, 1, 1, 0), t.points().get(k));
        }
    }

    @Test
    void impossibleSettingsAreRefused() {
        Surface s = new Rosenbrock();
        assertThrows(IllegalArgumentException.class, () -> SecondOrder.newton(s, 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> SecondOrder.bfgs(s, Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SecondOrder.dampedNewton(s, 0, 0, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> SecondOrder.lbfgs(s, 0, 0, 1, 0));
    }
}
