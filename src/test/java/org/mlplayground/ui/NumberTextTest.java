package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the window reads and writes the rate λ. */
class NumberTextTest {

    @Test
    void aDecimalCommaIsReadAsAPoint() {
        assertEquals(0.03, NumberText.parseRate(" 0,03 "));
        assertEquals(0.03, NumberText.parseRate("0.03"));
        assertEquals(0.0, NumberText.parseRate("0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-0.1", "NaN", "Infinity", "", "1.000,5"})
    void whatIsNotARateIsRefusedNamingTheSetting(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumberText.parseRate(typed));
        assertEquals("Rate λ needs a number ≥\u00a00, got '" + typed + "'", e.getMessage());
    }

    @Test
    void ratesShowAsTheShortestDecimal() {
        assertEquals("0", NumberText.format(0.0));
        assertEquals("0.003", NumberText.format(0.003));
        assertEquals("3", NumberText.format(3.0));
        assertEquals("10", NumberText.format(10));
    }

    @Test
    void tinyHyperparametersShowInShortScientificForm() {
        assertEquals("1e-8", NumberText.compact(1e-8));
        assertEquals("2.5e-7", NumberText.compact(2.5e-7));
        assertEquals(1e-8, Double.parseDouble(NumberText.compact(1e-8)));
        assertEquals("0.9", NumberText.compact(0.9), "ordinary values stay plain decimals");
        assertEquals("0.999", NumberText.compact(0.999));
    }
}
