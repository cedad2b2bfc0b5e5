package org.mlplayground.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.Schedule;

class BowlTheoryTest {

    private static Trajectory sgd(EllipticalBowl bowl, double gamma, int steps) {
        return Trajectory.run(bowl, 1, 0.7, steps, Optimizer.create("sgd"), new Schedule.Constant(gamma), new Clipping.None());
    }

    private static Trajectory momentum(EllipticalBowl bowl, double gamma, double beta, int steps) {
        return Trajectory.run(bowl, 1, 0.7, steps, new Momentum(new Momentum.Settings(beta)), new Schedule.Constant(gamma),
                new Clipping.None());
    }

    @Test
    void theLectureBowlByHand() {
        // ½(x² + 4y²): λ = 1 and 4, κ = 4; γ* = 2/5, rate 3/5;
        // momentum: γ = (2/(2 + 1))² = 4/9, β = ((2 − 1)/(2 + 1))² = 1/9, rate 1/3
        BowlTheory theory = BowlTheory.of(Surfaces.bowl(1, 4, 0));
        assertEquals(1, theory.lambdaMin(), 0);
        assertEquals(4, theory.lambdaMax(), 0);
        assertEquals(4, theory.kappa(), 0);
        assertEquals(0.4, theory.optimalStep(), 1e-15);
        assertEquals(0.6, theory.optimalGdRate(), 1e-15);
        assertEquals(0.6, theory.gdRate(0.4), 1e-15); // |1 − 0.4| = |1 − 1.6|
        assertEquals(0.9, theory.gdRate(0.1), 1e-15); // max(0.9, 0.6)
        assertEquals(1.4, theory.gdRate(0.6), 1e-15); // |1 − 2.4|: diverges
        BowlTheory.GammaBeta best = theory.optimalMomentum();
        assertEquals(4.0 / 9, best.gamma(), 1e-15);
        assertEquals(1.0 / 9, best.beta(), 1e-15);
        assertEquals(1.0 / 3, theory.optimalMomentumRate(), 1e-15);
        // at the optimum both eigenvalues give a double root: t = 1 + 1/9 − 4/9 = 2/3 and −2/3, t² = 4β
        assertEquals(1.0 / 3, theory.momentumRate(4.0 / 9, 1.0 / 9), 1e-7);
        // β = 0.25, γ = 0.5: λ = 1: t = 0.75, t² − 1 < 0, complex, √β = 0.5; λ = 4: t = −0.75, also 0.5
        assertEquals(0.5, theory.momentumRate(0.5, 0.25), 1e-15);
        // β = 0: momentum is gradient descent, roots 1 − γλ
        assertEquals(theory.gdRate(0.1), theory.momentumRate(0.1, 0), 1e-15);
    }

    @Test
    void eigenvectorsAreTheBowlsAxes() {
        EllipticalBowl bowl = Surfaces.bowl(4, 1, 30);
        BowlTheory theory = BowlTheory.of(bowl);
        double[][] h = new double[2][2];
        bowl.hessian(0, 0, h);
        double[][] vectors = {theory.eigenvectorMin(), theory.eigenvectorMax()};
        double[] lambdas = {theory.lambdaMin(), theory.lambdaMax()};
        for (int i = 0; i < 2; i++) {
            double[] v = vectors[i];
            assertEquals(1, Math.hypot(v[0], v[1]), 1e-15);
            assertEquals(lambdas[i] * v[0], h[0][0] * v[0] + h[0][1] * v[1], 1e-14);
            assertEquals(lambdas[i] * v[1], h[1][0] * v[0] + h[1][1] * v[1], 1e-14);
        }
        assertEquals(1, theory.lambdaMin(), 0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 100, 1000})
    void ourGradientDescentAtTheOptimalStepContractsAsPredicted(double kappa) {
        EllipticalBowl bowl = Surfaces.bowl(0.5, 0.5 * kappa, 25);
        BowlTheory theory = BowlTheory.of(bowl);
        double measured = BowlTheory.measuredRate(sgd(bowl, theory.optimalStep(), 1000), 0);
        assertEquals((kappa - 1) / (kappa + 1), theory.optimalGdRate(), 1e-12);
        assertEquals(theory.optimalGdRate(), measured, 0.02 * theory.optimalGdRate());
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 100, 1000})
    void ourMomentumAtTheOptimalGammaAndBetaContractsAsPredicted(double kappa) {
        EllipticalBowl bowl = Surfaces.bowl(2, 2 * kappa, -40);
        BowlTheory theory = BowlTheory.of(bowl);
        BowlTheory.GammaBeta best = theory.optimalMomentum();
        double predicted = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
        assertEquals(predicted, theory.optimalMomentumRate(), 1e-12);
        assertEquals(predicted, theory.momentumRate(best.gamma(), best.beta()), 1e-6);
        double measured = BowlTheory.measuredRate(momentum(bowl, best.gamma(), best.beta(), 1000), 0);
        assertEquals(predicted, measured, 0.02 * predicted);
        // and momentum beats the best gradient descent: √κ instead of κ
        assertTrue(measured < theory.optimalGdRate());
    }

    @Test
    void measuredRatesMatchPredictionsAwayFromTheOptimumToo() {
        EllipticalBowl bowl = Surfaces.bowl(1, 30, 70);
        BowlTheory theory = BowlTheory.of(bowl);
        for (double gamma : new double[] {0.005, 0.02, 0.05, 0.06}) {
            double measured = BowlTheory.measuredRate(sgd(bowl, gamma, 1000), 0);
            assertEquals(theory.gdRate(gamma), measured, 0.02 * theory.gdRate(gamma), "γ = " + gamma);
        }
        double[][] settings = {{0.01, 0.5}, {0.03, 0.8}, {0.002, 0.9}, {0.06, 0.3}};
        for (double[] s : settings) {
            double predicted = theory.momentumRate(s[0], s[1]);
            double measured = BowlTheory.measuredRate(momentum(bowl, s[0], s[1], 1000), 0);
            assertEquals(predicted, measured, 0.02 * predicted, "γ = " + s[0] + ", β = " + s[1]);
        }
    }

    @Test
    void aDivergingRunMeasuresAsGrowth() {
        EllipticalBowl bowl = Surfaces.bowl(1, 4, 0);
        // γ = 0.6: |1 − 4γ| = 1.4 along y
        double measured = BowlTheory.measuredRate(sgd(bowl, 0.6, 200), 0);
        assertEquals(1.4, measured, 0.02 * 1.4);
    }

    @Test
    void measuredRateOfAnExactGeometricSequenceIsItsRatio() {
        // L_k − L* = 3 · 0.8^(2k): the square root shrinks by 0.8 per step
        List<Trajectory.Point> points = new ArrayList<>(), shifted = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            points.add(new Trajectory.Point(k, 0, 0, 3 * Math.pow(0.64, k)));
            shifted.add(new Trajectory.Point(k, 0, 0, 5 + 3 * Math.pow(0.64, k)));
        }
        assertEquals(0.8, BowlTheory.measuredRate(new Trajectory(points, false), 0), 1e-12);
        // with L* = 5 the gaps below ~1e-12 are rounding noise of 5 + gap and are left out
        assertEquals(0.8, BowlTheory.measuredRate(new Trajectory(shifted, false), 5), 1e-5);
        // too few points: no estimate
        assertTrue(Double.isNaN(BowlTheory.measuredRate(new Trajectory(points.subList(0, 3), false), 0)));
    }

    @Test
    void momentumConvergesExactlyWhereTheStabilityConditionSays() {
        int checked = 0;
        for (double lambda : new double[] {0.5, 20}) {
            EllipticalBowl bowl = Surfaces.bowl(lambda, lambda, 0); // every direction has eigenvalue λ
            for (int b = 0; b <= 9; b++) {
                double beta = b / 10.0;
                for (int g = 1; g <= 40; g++) {
                    double gammaLambda = g / 10.0;
                    if (Math.abs(gammaLambda - (2 + 2 * beta)) < 0.1) continue; // the boundary itself
                    Trajectory t = momentum(bowl, gammaLambda / lambda, beta, 3000);
                    double distance = Math.hypot(t.last().x(), t.last().y());
                    boolean converged = !t.diverged() && distance < 1e-6;
                    boolean blewUp = t.diverged() || distance > 1e6;
                    assertTrue(converged || blewUp, "undecided at γλ = " + gammaLambda + ", β = " + beta);
                    assertEquals(converged, BowlTheory.momentumConverges(gammaLambda / lambda, beta, lambda),
                            "γλ = " + gammaLambda + ", β = " + beta);
                    checked++;
                }
            }
        }
        assertTrue(checked > 700);
        // on the lecture bowl (λ = 1, 4) the steep direction decides: γ·4 < 2 + 2β
        BowlTheory lecture = BowlTheory.of(Surfaces.bowl(1, 4, 0));
        assertTrue(lecture.momentumConverges(0.74, 0.5)); // 2.96 < 3
        assertFalse(lecture.momentumConverges(0.76, 0.5)); // 3.04 > 3
        assertFalse(BowlTheory.momentumConverges(0.1, 1, 1)); // β = 1 never settles
        assertFalse(BowlTheory.momentumConverges(0, 0.5, 1)); // γ = 0 never moves
    }
}
