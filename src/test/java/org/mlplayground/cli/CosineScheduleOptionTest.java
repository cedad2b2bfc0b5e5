package org.mlplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --schedule cosine:PERIOD}: the cyclic cosine schedule on the command line. */
class CosineScheduleOptionTest {

    private static List<String> run(String commandLine, StringWriter err) {
        StringWriter out = new StringWriter();
        int code = Main.run(commandLine.split(" "), new PrintWriter(out), new PrintWriter(err));
        String text = out.toString();
        return code == 0 ? List.of(text.split("\\R")) : List.of("exit " + code);
    }

    @Test
    void sgdOnTheLectureBowlFollowsTheCyclicRate() {
        // T = 2, γ_0 = 0.1: γ_0 = 0.1, γ_1 = 0.05 · (1 + cos(π/2)) = 0.05, γ_2 = 0.1 (restart).
        // On ½(x² + 4y²): x ← x(1 − γ), y ← y(1 − 4γ) from (1, 1):
        // (0.9, 0.6), (0.855, 0.48), (0.7695, 0.288).
        StringWriter err = new StringWriter();
        List<String> rows = run("surface --start 1,1 --steps 3 --optimizer sgd --lr 0.1 --schedule cosine:2", err);
        assertEquals("", err.toString());
        assertEquals(5, rows.size());
        double[][] expected = {{1, 1}, {0.9, 0.6}, {0.855, 0.48}, {0.7695, 0.288}};
        for (int k = 0; k <= 3; k++) {
            String[] row = rows.get(k + 1).split(",");
            assertEquals(expected[k][0], Double.parseDouble(row[1]), 1e-15, "x_" + k);
            assertEquals(expected[k][1], Double.parseDouble(row[2]), 1e-15, "y_" + k);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosine", "cosine:0", "cosine:-3", "cosine:x", "cosine:1.5", "cosine:2:3"})
    void badPeriodsGiveOneErrorLineThatNamesTheForm(String spec) {
        StringWriter err = new StringWriter();
        List<String> out = run("surface --schedule " + spec, err);
        assertNotEquals(List.of(), out);
        assertTrue(out.get(0).startsWith("exit "), out.toString());
        String[] lines = err.toString().split("\\R");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("error: ") && (lines[0].contains("cosine") || lines[0].contains("period")), lines[0]);
    }

    @Test
    void helpListsTheCosineSchedule() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"surface", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertTrue(out.toString().contains("cosine:PERIOD"), out.toString());
    }
}
