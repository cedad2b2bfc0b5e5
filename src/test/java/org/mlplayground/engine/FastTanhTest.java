package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastTanhTest {

    /** The table has a point every 1/64; the largest |d| = 1/128 is where the series is weakest. */
    @Test
    void tanhIsWithinAFewUlpsOfMathTanhAtEveryTableCellEdgeAndCentre() {
        double worst = 0;
        for (int i = -20 * 64 - 5; i <= 20 * 64 + 5; i++) {
            for (double offset : new double[] {0, 1.0 / 128, -1.0 / 128, 1.0 / 128 - 1e-12, 1.0 / 256}) {
                double v = i / 64.0 + offset;
                worst = Math.max(worst, Math.abs(FastTanh.tanh(v) - Math.tanh(v)));
            }
        }
        assertTrue(worst <= 5e-16, "largest deviation " + worst);
    }

    @Test
    void tanhIsOddAndExactAtZero() {
        for (double v = 0; v < 25; v += 0.0137) assertEquals(-FastTanh.tanh(v), FastTanh.tanh(-v), 0.0);
        assertEquals(0.0, FastTanh.tanh(0.0), 0.0);
        assertEquals(1e-300, FastTanh.tanh(1e-300), 0.0);
    }

    @Test
    void sigmoidAgreesWithOneOverOnePlusExpMinusV() {
        double worst = 0;
        for (double v = -40; v <= 40; v += 1e-4) {
            worst = Math.max(worst, Math.abs(Activation.sigmoid(v) - 1 / (1 + Math.exp(-v))));
        }
        assertTrue(worst <= 1e-15, "largest deviation " + worst);
    }
}
