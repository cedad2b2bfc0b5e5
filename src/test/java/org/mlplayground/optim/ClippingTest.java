package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Parameter;

/** Clipping bounds against their closed forms; the norm runs over all blocks together. */
class ClippingTest {

    private static Parameter gradient(double... g) {
        return new Parameter("W1", 1, true, new double[g.length], g.clone(), g.length);
    }

    @Test
    void byValueClampsEveryComponentAndLeavesTheOthers() {
        Parameter w = gradient(-5, -0.5, 0, 0.25, 3), b = gradient(2, -2);
        new Clipping.ByValue(-1, 0.5).apply(List.of(w, b));
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.25, 0.5}, w.gradient(), 0);
        assertArrayEquals(new double[] {0.5, -1}, b.gradient(), 0);
    }

    @Test
    void byNormRescalesTheWholeGradientToTheThresholdKeepingItsDirection() {
        // g = (3, 0 | 4): ‖g‖ = √(9 + 16) = 5 over both blocks; c = 2 → g·2/5 = (1.2, 0 | 1.6).
        Parameter w = gradient(3, 0), b = gradient(4);
        new Clipping.ByNorm(2).apply(List.of(w, b));
        assertArrayEquals(new double[] {1.2, 0}, w.gradient(), 1e-15);
        assertArrayEquals(new double[] {1.6}, b.gradient(), 1e-15);
        assertEquals(2, Clipping.norm(List.of(w, b)), 1e-15);

        // Just above the cap: ‖(3, 4)‖ = 5 > c = 4.5 → (3, 4)·0.9 = (2.7, 3.6).
        Parameter g = gradient(3, 4);
        new Clipping.ByNorm(4.5).apply(List.of(g));
        assertArrayEquals(new double[] {2.7, 3.6}, g.gradient(), 1e-15);
    }

    @Test
    void byNormLeavesAShortGradientAlone() {
        Parameter w = gradient(0.3, -0.4);
        new Clipping.ByNorm(0.5).apply(List.of(w));
        assertArrayEquals(new double[] {0.3, -0.4}, w.gradient(), 0);
    }

    @Test
    void unitNormScalesEveryNonZeroGradientToLengthOne() {
        Parameter small = gradient(0.03, -0.04), large = gradient(1e200, 1e200), zero = gradient(0, 0);
        Clipping unit = new Clipping.UnitNorm();
        unit.apply(List.of(small));
        assertArrayEquals(new double[] {0.6, -0.8}, small.gradient(), 1e-15);
        // ‖(1e200, 1e200)‖ = √2·1e200 overflows if squared naively; the result is (1/√2, 1/√2).
        unit.apply(List.of(large));
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, large.gradient(), 1e-15);
        unit.apply(List.of(zero));
        assertArrayEquals(new double[] {0, 0}, zero.gradient(), 0);
    }

    @Test
    void aNonFiniteGradientStaysNonFiniteForTheDivergenceGuard() {
        Parameter w = gradient(Double.NaN, 1);
        new Clipping.ByNorm(1).apply(List.of(w));
        assertTrue(Double.isNaN(w.gradient()[0]));
        assertTrue(Double.isNaN(Clipping.norm(List.of(gradient(1, Double.NaN, 2)))));
    }

    @Test
    void wrapClipsWhatTheOptimizerSeesAlsoAtTheLookAheadPoint() {
        // On ½(x² + 4y²) from (1, 1) with gradients clipped to norm 1: step 1 of gradient descent with γ = 0.1
        // uses (1, 4)/√17, so w = (1 − 0.1/√17, 1 − 0.4/√17) = (0.975746…, 0.902985…).
        Bowl bowl = Bowl.lecture();
        Clipping unit = new Clipping.UnitNorm();
        double loss = new Sgd().step(bowl.params(), unit.wrap(bowl, bowl.params()), 0.1);
        assertEquals(2.5, loss, 0);
        assertArrayEquals(new double[] {1 - 0.1 / Math.sqrt(17), 1 - 0.4 / Math.sqrt(17)}, bowl.point.value(), 1e-15);

        Bowl nesterovBowl = Bowl.lecture();
        Clipping tight = Clipping.ByValue.symmetric(0.5);
        Nesterov nesterov = new Nesterov();
        for (int k = 0; k < 5; k++) {
            nesterov.step(nesterovBowl.params(), tight.wrap(nesterovBowl, nesterovBowl.params()), 0.1);
            for (double g : nesterovBowl.point.gradient()) assertTrue(Math.abs(g) <= 0.5, "clipped look-ahead gradient " + g);
        }
    }

    @Test
    void noClippingHandsBackTheObjectiveItself() {
        Bowl bowl = Bowl.lecture();
        assertSame(bowl, new Clipping.None().wrap(bowl, bowl.params()));
    }

    @Test
    void impossibleBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Clipping.ByValue(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Clipping.ByValue(0.5, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Clipping.ByNorm(0));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Clipping.ByNorm(Double.NaN));
    }
}
