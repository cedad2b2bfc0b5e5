package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.mlplayground.render.HeatColors;

/**
 * The heatmap colours, now computed without JavaFX so the command line can paint them, are those the window
 * computed with JavaFX's own colour arithmetic before: the point colours lifted 30 % toward white.
 */
class HeatColorsTest {

    private static int lifted(String web) {
        Color c = Color.web(web).interpolate(Color.WHITE, 0.3);
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void sureOutputsAreThePointColoursLiftedTowardWhite() {
        assertEquals(lifted("#f59322"), HeatColors.argb(-1));
        assertEquals(lifted("#0877bd"), HeatColors.argb(1));
        assertEquals(lifted("#f59322"), HeatColors.argb(-7), "clamped at −1");
    }

    @Test
    void anUndecidedOutputIsTheNeutralGrey() {
        assertEquals(0xffe8eaeb, HeatColors.argb(0));
        assertEquals(0xff808080, HeatColors.argb(Double.NaN));
    }

    @Test
    void halfwayIsTheMeanOfNeutralAndTheEnd() {
        int end = lifted("#0877bd"), mid = HeatColors.argb(0.5);
        assertEquals(Math.round((0xe8 + (end >> 16 & 0xff)) / 2.0), mid >> 16 & 0xff, 0.5);
        assertEquals(Math.round((0xea + (end >> 8 & 0xff)) / 2.0), mid >> 8 & 0xff, 0.5);
        assertEquals(Math.round((0xeb + (end & 0xff)) / 2.0), mid & 0xff, 0.5);
    }

    @Test
    void aSureClassIsItsHueLiftedTowardWhite() {
        String[] hues = {"#f59322", "#0877bd", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"};
        for (int k = 0; k < hues.length; k++) {
            assertEquals(lifted(hues[k]), Palette.argbClass(k, 1, 3), "class " + k);
        }
        assertEquals(0xffe8eaeb, Palette.argbClass(2, 1 / 3.0, 3), "p = 1/K: the network cannot tell");
    }
}
