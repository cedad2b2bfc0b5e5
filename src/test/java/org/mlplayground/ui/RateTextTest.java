package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the REGULARISATION panel reads and writes the rate λ. */
class RateTextTest {

    @Test
    void aDecimalCommaIsReadAsAPoint() {
        assertEquals(0.03, RegularizationPanel.parseRate(" 0,03 "));
        assertEquals(0.03, RegularizationPanel.parseRate("0.03"));
        assertEquals(0.0, RegularizationPanel.parseRate("0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-0.1", "NaN", "Infinity", "", "1.000,5"})
    void whatIsNotARateIsRefusedNamingTheSetting(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegularizationPanel.parseRate(typed));
        assertEquals("Rate λ needs a number ≥\u00a00, got '" + typed + "'", e.getMessage());
    }

    @Test
    void ratesShowAsTheShortestDecimal() {
        assertEquals("0", RegularizationPanel.format(0.0));
        assertEquals("0.003", RegularizationPanel.format(0.003));
        assertEquals("3", RegularizationPanel.format(3.0));
        assertEquals("10", RegularizationPanel.format(10));
    }
}
