package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Parameter;

/** Closed forms for the adaptive optimizers under a constant or sign-flipping gradient. */
class AdaptiveStepTest {

    /** One block with the given gradient written by every evaluation, whatever the weights. */
    private static Parameter block(double... gradient) {
        return new Parameter("w", 1, true, new double[gradient.length], gradient.clone(), gradient.length);
    }

    private static Objective constant(Parameter p, double... gradient) {
        return () -> {
            System.arraycopy(gradient, 0, p.gradient(), 0, gradient.length);
            return 0;
        };
    }

    @Test
    void adamsBiasCorrectionMakesEveryStepUnderAConstantGradientGammaLong() {
        // Under a constant g, f_k = (1 − β1^k) g and a_k = (1 − β2^k) g², so the corrected f̂ = g and â = g²
        // at every k, and each step is −γ g/(|g| + ε) ≈ −γ·sign(g) whatever |g|. Without the correction the
        // first step would be γ·0.1g/(√0.001|g|) ≈ 3.16γ.
        double gamma = 0.01, eps = 1e-8;
        double[] g = {1e-3, -50, 7};
        Parameter p = block(g);
        Objective objective = constant(p, g);
        Adam adam = new Adam();
        for (int k = 1; k <= 10; k++) {
            double[] before = p.value().clone();
            adam.step(List.of(p), objective, gamma);
            for (int i = 0; i < g.length; i++) {
                double expected = -gamma * g[i] / (Math.abs(g[i]) + eps);
                assertEquals(expected, p.value()[i] - before[i], 1e-15, "step " + k + ", coordinate " + i);
            }
        }
        assertEquals(10, adam.stepCount());
    }

    @Test
    void adamsFirstStepMovesEachCoordinateByAboutGammaTimesTheSignOfTheGradient() {
        double gamma = 0.001;
        double[] g = {1e-3, -50, 7, 1e6};
        Parameter p = block(g);
        new Adam().step(List.of(p), constant(p, g), gamma);
        // |Δw_i| = γ |g|/(|g| + ε) differs from γ by γε/|g| ≤ γ·1e-5 for the smallest g = 1e-3.
        assertArrayEquals(new double[] {-gamma, gamma, -gamma, -gamma}, p.value(), gamma * 1e-5);
    }

    @Test
    void adaGradsStepUnderAConstantGradientShrinksLikeGammaOverRootK() {
        // a_k = k c², so step k is γ c/(√k |c| + ε) = γ/(√k + ε/c) for c > 0.
        double gamma = 0.5, c = 3, eps = 1e-8;
        Parameter p = block(c);
        Objective objective = constant(p, c);
        AdaGrad adaGrad = new AdaGrad();
        for (int k = 1; k <= 100; k++) {
            double before = p.value()[0];
            adaGrad.step(List.of(p), objective, gamma);
            assertEquals(-gamma / (Math.sqrt(k) + eps / c), p.value()[0] - before, 1e-14, "step " + k);
        }
    }

    @Test
    void rmsPropsStepUnderAConstantGradientSettlesAtGamma() {
        // a_k = (1 − ρ^k) c², so step k is γ c/√((1 − ρ^k)c² + ε) → γ: unlike AdaGrad the rate does not decay.
        double gamma = 0.1, c = 2, rho = 0.9, eps = 1e-8;
        Parameter p = block(c);
        Objective objective = constant(p, c);
        RmsProp rmsProp = new RmsProp();
        for (int k = 1; k <= 50; k++) {
            double before = p.value()[0];
            rmsProp.step(List.of(p), objective, gamma);
            double expected = -gamma * c / Math.sqrt((1 - Math.pow(rho, k)) * c * c + eps);
            assertEquals(expected, p.value()[0] - before, 1e-14, "step " + k);
        }
    }

    @Test
    void deltaBarDeltaRateGrowsByKappaWhileTheSignHoldsAndShrinksByPhiWhileItFlips() {
        // Block 0 sees a constant gradient +1: no change at step 1 (δ̄ = 0), then +κ per step: m_n = 1 + κ(n − 1).
        // Block 1 sees (−1)^(k+1): δ̄_k = 0.3 g_k + 0.7 δ̄_{k−1} keeps the sign of g_k (0.3 > 0.7·0.3/1.7), so
        // every step from the second flips: m_n = 0.9^(n − 1).
        double kappa = 0.05, phi = 0.1;
        Parameter steady = block(1), flipping = block(1);
        int[] k = {0};
        Objective objective = () -> {
            k[0]++;
            steady.gradient()[0] = 1;
            flipping.gradient()[0] = k[0] % 2 == 1 ? 1 : -1;
            return 0;
        };
        DeltaBarDelta optimizer = new DeltaBarDelta();
        double gamma = 0.1;
        for (int n = 1; n <= 20; n++) {
            double steadyBefore = steady.value()[0], flippingBefore = flipping.value()[0];
            optimizer.step(List.of(steady, flipping), objective, gamma);
            double steadyGain = 1 + kappa * (n - 1), flippingGain = Math.pow(1 - phi, n - 1);
            assertEquals(steadyGain, optimizer.gains(0)[0], 1e-12, "steady gain after step " + n);
            assertEquals(flippingGain, optimizer.gains(1)[0], 1e-12, "flipping gain after step " + n);
            assertEquals(-gamma * steadyGain, steady.value()[0] - steadyBefore, 1e-12, "steady step " + n);
            assertEquals(-gamma * flippingGain * flipping.gradient()[0], flipping.value()[0] - flippingBefore, 1e-12,
                    "flipping step " + n);
        }
    }
}
