package org.mlplayground.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The race behind the view: paths, L − L*, the table's numbers and the Polyak average, worked out by hand. */
class RaceTest {
    /** ½(x² + y²): SGD with γ = ½ halves w every step. */
    private static final LabSurface CIRCLE = LabSurface.bowl(1, 1, 0);

    @Test
    void sgdOnTheCircleHalvesTheStartEveryStep() {
        Race race = Race.compute(CIRCLE, 1, 1, 5, List.of(RowSettings.of(Method.SGD, 0.5)));
        Race.Run run = race.runs().get(0);
        assertEquals(6, run.n());
        for (int k = 0; k <= 5; k++) {
            assertEquals(Math.pow(0.5, k), run.x()[k], 0);
            assertEquals(Math.pow(0.5, k), run.y()[k], 0);
            assertEquals(Math.pow(0.25, k), run.gap()[k], 1e-15, "L = ½ · 2 · (½ᵏ)² = ¼ᵏ");
        }
    }

    @Test
    void stepsToTheToleranceIsTheFirstStepBelowOneMillionth() {
        // L_k = ¼ᵏ: ¼⁹ = 3.8e-6, ¼¹⁰ = 9.5e-7
        Race race = Race.compute(CIRCLE, 1, 1, 30, List.of(RowSettings.of(Method.SGD, 0.5)));
        assertEquals(10, race.runs().get(0).stepsToTolerance());
        Race tooShort = Race.compute(CIRCLE, 1, 1, 9, List.of(RowSettings.of(Method.SGD, 0.5)));
        assertEquals(-1, tooShort.runs().get(0).stepsToTolerance());
        assertEquals("—", ResultsTable.Line.of(tooShort.runs().get(0), tooShort).steps());
        assertEquals("not there yet", ResultsTable.Line.of(tooShort.runs().get(0), tooShort).status());
    }

    @Test
    void thePolyakPathIsTheRunningMeanOfTheIterates() {
        Race race = Race.compute(CIRCLE, 1, 1, 3, List.of(RowSettings.of(Method.SGD, 0.5)));
        Race.Run run = race.runs().get(0);
        // (1 + ½ + ¼ + ⅛)/4 = 15/32
        assertEquals(15.0 / 32, run.avgX()[3], 1e-15);
        assertEquals(1.5 / 2, run.avgY()[1], 1e-15);
    }

    @Test
    void aSettingTheOptimizerRefusesStopsOnlyItsOwnRow() {
        Race race = Race.compute(CIRCLE, 1, 1, 5,
                List.of(RowSettings.of(Method.RMSPROP, 0.1).withEpsilon(-1), RowSettings.of(Method.SGD, 0.5)));
        assertNotNull(race.runs().get(0).error());
        assertTrue(race.runs().get(0).error().contains("ε"), race.runs().get(0).error());
        assertNull(race.runs().get(1).error());
        assertEquals(6, race.runs().get(1).n());
    }

    @Test
    void switchedOffRowsAreLeftOutButKeepTheirColour() {
        Race race = Race.compute(CIRCLE, 1, 1, 5,
                List.of(RowSettings.of(Method.SGD, 0.5).withEnabled(false), RowSettings.of(Method.ADAM, 0.1)));
        assertEquals(1, race.runs().size());
        assertEquals(1, race.runs().get(0).row());
    }

    @Test
    void theSaddleHasNoMinimumSoTheTableDoesNotClaimConvergence() {
        LabSurface saddle = LabSurface.of("saddle");
        Race race = Race.compute(saddle, 1.5, 0.05, 50, List.of(RowSettings.of(Method.SGD, 0.1)));
        assertTrue(!race.bounded());
        ResultsTable.Line line = ResultsTable.Line.of(race.runs().get(0), race);
        assertEquals("—", line.steps());
        assertEquals("L unbounded below", line.status());
    }

    @Test
    void numbersAreShownShortAndReadBack() {
        assertEquals("0.18", LabFormat.number(0.18));
        assertEquals("2", LabFormat.number(2));
        assertEquals("5e-4", LabFormat.number(5e-4));
        assertEquals("1e-8", LabFormat.number(1e-8));
        assertEquals("1.23e+5", LabFormat.number(123456));
        assertEquals(5e-4, LabFormat.parse("γ", LabFormat.number(5e-4)));
    }
}
