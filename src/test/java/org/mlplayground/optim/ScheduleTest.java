package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Learning-rate schedules at given steps k against their closed forms. */
class ScheduleTest {

    @Test
    void constantIsTheSameAtEveryStep() {
        Schedule s = new Schedule.Constant(0.3);
        assertEquals(0.3, s.rate(0), 0);
        assertEquals(0.3, s.rate(1_000_000_000L), 0);
    }

    @Test
    void exponentialDecayIsGammaZeroTimesEToTheMinusAlphaK() {
        // γ_0 = 0.5, α = 0.1: γ_10 = 0.5·e^{−1} = 0.18393972058572117, γ_20 = 0.5·e^{−2} = 0.06766764161830635.
        Schedule s = new Schedule.Exponential(0.5, 0.1);
        assertEquals(0.5, s.rate(0), 0);
        assertEquals(0.18393972058572117, s.rate(10), 1e-16);
        assertEquals(0.06766764161830635, s.rate(20), 1e-16);
    }

    @Test
    void inverseDecayIsGammaZeroOverOnePlusAlphaK() {
        // γ_0 = 0.5, α = 0.1: γ_10 = 0.5/2 = 0.25, γ_30 = 0.5/4 = 0.125, γ_5 = 0.5/1.5 = 1/3.
        Schedule s = new Schedule.Inverse(0.5, 0.1);
        assertEquals(0.5, s.rate(0), 0);
        assertEquals(0.25, s.rate(10), 1e-16);
        assertEquals(0.125, s.rate(30), 1e-16);
        assertEquals(1.0 / 3, s.rate(5), 1e-16);
    }

    @Test
    void stepDecayMultipliesByTheFactorEveryInterval() {
        // γ_0 = 0.8, factor 0.5 every 10 steps: k = 0 … 9 → 0.8, 10 … 19 → 0.4, 25 → 0.2, 39 → 0.1, 40 → 0.05.
        Schedule s = new Schedule.StepDecay(0.8, 0.5, 10);
        assertEquals(0.8, s.rate(0), 0);
        assertEquals(0.8, s.rate(9), 0);
        assertEquals(0.4, s.rate(10), 0);
        assertEquals(0.2, s.rate(25), 0);
        assertEquals(0.1, s.rate(39), 0);
        assertEquals(0.05, s.rate(40), 0);
    }

    @Test
    void aNewInitialRateKeepsTheDecay() {
        Schedule s = new Schedule.Inverse(0.5, 0.1).withInitialRate(2);
        assertEquals(new Schedule.Inverse(2, 0.1), s);
        assertEquals(1, s.rate(10), 1e-16);
    }

    @Test
    void impossibleSchedulesAndStepsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule.Constant(-1));
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class, () -> new Schedule.Exponential(0.1, -0.5));
        assertTrue(alpha.getMessage().contains("α"), alpha.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Schedule.Inverse(0.1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.StepDecay(0.1, 1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.StepDecay(0.1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.Constant(0.1).rate(-1));
    }
}
