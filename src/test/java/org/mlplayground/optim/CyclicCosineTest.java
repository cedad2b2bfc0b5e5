package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** γ_k = γ_0/2 · (1 + cos(π · (k mod T)/T)), the snapshot ensembles' schedule, at hand-worked steps. */
class CyclicCosineTest {

    @Test
    void theRateFallsAlongHalfACosineAndRestartsEveryPeriod() {
        // γ_0 = 0.2, T = 10.
        Schedule s = new Schedule.CyclicCosine(0.2, 10);
        assertEquals(0.2, s.rate(0), 0);                      // cos 0 = 1
        // cos(3π/10) = √(10 − 2√5)/4 = 0.5877852522924731: γ_3 = 0.1 · 1.5877852522924731
        assertEquals(0.15877852522924732, s.rate(3), 1e-16);
        assertEquals(0.1, s.rate(5), 1e-16);                  // k = T/2: cos(π/2) = 0, half the rate
        // k = T − 1: 0.1 · (1 − cos(π/10)) = 0.2 · sin²(π/20), sin 9° = 0.15643446504023087
        assertEquals(0.004894348370484647, s.rate(9), 1e-17);
        assertEquals(0.2, s.rate(10), 0);                     // k = T: restart at γ_0
        assertEquals(0.1, s.rate(25), 1e-16);                 // 25 mod 10 = 5
        assertEquals(0.004894348370484647, s.rate(10 * 1_000_000_000L + 9), 1e-17);
    }

    @Test
    void aPeriodOfOneStepIsAConstantRate() {
        Schedule s = new Schedule.CyclicCosine(0.3, 1);
        assertEquals(0.3, s.rate(0), 0);
        assertEquals(0.3, s.rate(7), 0);
    }

    @Test
    void aNewInitialRateKeepsThePeriod() {
        Schedule s = new Schedule.CyclicCosine(0.2, 10).withInitialRate(1);
        assertEquals(new Schedule.CyclicCosine(1, 10), s);
        assertEquals(0.5, s.rate(5), 1e-16);
        assertEquals(1, s.initialRate(), 0);
    }

    @Test
    void impossiblePeriodsRatesAndStepsAreRefused() {
        IllegalArgumentException period = assertThrows(IllegalArgumentException.class, () -> new Schedule.CyclicCosine(0.1, 0));
        assertTrue(period.getMessage().contains("period"), period.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Schedule.CyclicCosine(-0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.CyclicCosine(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.CyclicCosine(0.1, 10).rate(-1));
    }
}
