package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The known rates on a quadratic with eigenvalues λ1 = 1 and λn = 100, κ = 100 (Goh, "Why Momentum Really
 * Works", Distill 2017; COURSE.md §5), on the bowl L = ½(x² + 100y²) from (1, 1).
 */
class ConvergenceRateTest {

    private static final double LAMBDA_1 = 1, LAMBDA_N = 100, KAPPA = LAMBDA_N / LAMBDA_1;

    @Test
    void gradientDescentWithOptimalRateShrinksTheDistanceByKappaMinusOneOverKappaPlusOneEachStep() {
        // γ = 2/(1 + 100) = 2/101. Per axis the iterate is multiplied by 1 − γλ: x by 1 − 2/101 = 99/101,
        // y by 1 − 200/101 = −99/101. Both have size (κ − 1)/(κ + 1) = 99/101, so the distance shrinks by
        // exactly that factor at every step.
        double gamma = 2 / (LAMBDA_1 + LAMBDA_N), rate = (KAPPA - 1) / (KAPPA + 1);
        Bowl bowl = new Bowl(LAMBDA_1, LAMBDA_N, 1, 1);
        Optimizer gd = new Sgd();
        for (int k = 1; k <= 200; k++) {
            double before = bowl.distance();
            gd.step(bowl.params(), bowl, gamma);
            assertEquals(rate, bowl.distance() / before, 1e-12, "step " + k);
        }
    }

    @Test
    void momentumWithDistillsOptimalSettingsReachesRootKappaRate() {
        // γ = (2/(√1 + √100))² = (2/11)² = 4/121, β = ((10 − 1)/(10 + 1))² = 81/121; the promised rate is
        // (√κ − 1)/(√κ + 1) = 9/11 ≈ 0.818, against 99/101 ≈ 0.980 for gradient descent.
        // Both axes are then critically damped (double root ±9/11), so d_k ≈ (A + Bk)(9/11)^k: the linear
        // factor is why the rate is measured over the 200 steps k = 100 … 300, not from k = 0.
        double sqrtKappa = Math.sqrt(KAPPA);
        double gamma = Math.pow(2 / (Math.sqrt(LAMBDA_1) + Math.sqrt(LAMBDA_N)), 2);
        double beta = Math.pow((sqrtKappa - 1) / (sqrtKappa + 1), 2);
        double rate = (sqrtKappa - 1) / (sqrtKappa + 1);
        Bowl bowl = new Bowl(LAMBDA_1, LAMBDA_N, 1, 1);
        Optimizer momentum = new Momentum(new Momentum.Settings(beta));
        for (int k = 0; k < 100; k++) momentum.step(bowl.params(), bowl, gamma);
        double d100 = bowl.distance();
        for (int k = 100; k < 300; k++) momentum.step(bowl.params(), bowl, gamma);
        double measured = Math.pow(bowl.distance() / d100, 1.0 / 200);
        assertEquals(rate, measured, 0.02 * rate);
    }
}
