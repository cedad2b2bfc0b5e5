package org.mlplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private record Result(int code, List<String> out, List<String> err) {
    }

    private static Result run(String commandLine) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(commandLine.split(" "), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, lines(out), lines(err));
    }

    private static List<String> lines(StringWriter w) {
        String text = w.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    @Test
    void sgdOnTheLectureBowlPrintsTheHandWorkedRows() {
        Result r = run("surface --fn bowl --a 1 --b 4 --start 1,1 --steps 5 --optimizer sgd --lr 0.1");
        assertEquals(0, r.code());
        assertEquals(List.of(), r.err());
        assertEquals("step,x,y,loss", r.out().get(0));
        assertEquals(7, r.out().size());
        for (int k = 0; k <= 5; k++) {
            // w ← w − 0.1 (x, 4y): x_k = 0.9^k, y_k = 0.6^k, L_k = ½(x_k² + 4 y_k²)
            String[] row = r.out().get(k + 1).split(",");
            double x = Math.pow(0.9, k), y = Math.pow(0.6, k);
            assertEquals(4, row.length);
            assertEquals(k, Integer.parseInt(row[0]));
            assertEquals(x, Double.parseDouble(row[1]), 1e-15);
            assertEquals(y, Double.parseDouble(row[2]), 1e-15);
            assertEquals(0.5 * (x * x + 4 * y * y), Double.parseDouble(row[3]), 1e-15);
        }
    }

    @Test
    void threeStepsPrintTheHeaderAndFourRowsInFullPrecision() {
        Result r = run("surface --fn bowl --a 1 --b 4 --start 1,1 --steps 3 --optimizer sgd --lr 0.1");
        assertEquals(List.of(
                "step,x,y,loss",
                "0,1.0,1.0,2.5",
                "1,0.9,0.6,1.125",
                "2,0.81,0.36,0.58725",
                "3,0.7290000000000001,0.216,0.3590325000000001"), r.out());
    }

    @Test
    void defaultsAreTheLectureBowlFromOneOneWithTheOptimizersOwnRate() {
        // sgd's default γ; 100 steps from (1, 1) on ½(x² + 4y²)
        Result r = run("surface --steps 100");
        assertEquals(0, r.code());
        assertEquals(102, r.out().size());
        assertEquals("0,1.0,1.0,2.5", r.out().get(1));
    }

    @Test
    void everyOptimizerRunsWithItsOwnOptions() {
        String[] commandLines = {
            "--optimizer momentum --momentum 0.5", "--optimizer nesterov --momentum 0.5",
            "--optimizer adagrad --eps 1e-6", "--optimizer rmsprop --rho 0.8 --eps 1e-6",
            "--optimizer rmsprop-nesterov --momentum 0.5 --rho 0.8 --eps 1e-6",
            "--optimizer adadelta --rho 0.9 --eps 1e-5", "--optimizer adam --beta1 0.8 --beta2 0.99 --eps 1e-7",
            "--optimizer delta-bar-delta", "--optimizer sgd --schedule exp:0.1 --clip-norm 1",
            "--optimizer sgd --schedule inverse:0.5 --clip-value -0.5,2", "--optimizer adam --schedule step:0.5:2 --clip-norm unit",
            "--angle 30 --a 2 --b 50 --start -1,2"};
        for (String options : commandLines) {
            Result r = run("surface --steps 4 " + options);
            assertEquals(0, r.code(), options + ": " + r.err());
            assertEquals(6, r.out().size(), options);
        }
    }

    @Test
    void optimizerOptionsChangeThePath() {
        // momentum β = 0.5, γ = 0.1: w2 = (0.76, 0.16) (worked out in TrajectoryTest)
        Result r = run("surface --steps 2 --optimizer momentum --momentum 0.5 --lr 0.1");
        String[] row = r.out().get(3).split(",");
        assertEquals(0.76, Double.parseDouble(row[1]), 1e-15);
        assertEquals(0.16, Double.parseDouble(row[2]), 1e-15);
    }

    @Test
    void divergenceEndsTheCsvAndSaysSoOnOneLine() {
        Result r = run("surface --steps 50 --lr 1e200");
        assertEquals(0, r.code());
        assertEquals(3, r.out().size());
        assertTrue(r.out().get(2).endsWith(",Infinity"));
        assertEquals(1, r.err().size());
        assertTrue(r.err().get(0).contains("diverged at step 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "surface --optimizer foo", "surface --lr -1", "surface --steps abc", "surface --start 1", "surface --fn himmelblau",
        "surface --beta1 0.9", "surface --optimizer sgd --beta1 0.9", "surface --optimizer momentum --rho 0.9",
        "surface --optimizer adam --momentum 0.9", "surface --momentum 1.5 --optimizer nesterov", "surface --a 0",
        "surface --b -4", "surface --angle NaN", "surface --steps -1", "surface --start 1,x", "surface --lr abc",
        "surface --schedule exp", "surface --schedule exp:-1", "surface --schedule step:2:1", "surface --schedule step:0.5:x",
        "surface --schedule cosine", "surface --clip-value -1", "surface --clip-value 1,2", "surface --clip-norm 0",
        "surface --clip-value 1 --clip-norm 1", "surface --unknown", "surface extra", "surface --lr", "nothing", ""})
    void badCommandLinesGiveOneLineAndANonZeroExit(String commandLine) {
        Result r = run(commandLine);
        assertNotEquals(0, r.code());
        assertEquals(List.of(), r.out());
        assertEquals(1, r.err().size(), () -> "stderr: " + r.err());
        String line = r.err().get(0);
        assertTrue(line.startsWith("error: "), line);
        assertFalse(line.contains("Exception"), line);
        assertFalse(line.contains("at org."), line);
    }

    @Test
    void errorsNameTheOptionAndTheKnownChoices() {
        assertEquals("error: --lr must be a positive number, got -1", run("surface --lr -1").err().get(0));
        assertTrue(run("surface --optimizer foo").err().get(0).contains("sgd, momentum, nesterov, adagrad, rmsprop, "
                + "rmsprop-nesterov, adadelta, adam, delta-bar-delta"));
        assertEquals("error: unknown surface 'himmelblau' for --fn; known surfaces: bowl, circle, stretched, saddle, rosenbrock, "
                + "beale, cliff, two-minima, plateau", run("surface --fn himmelblau").err().get(0));
        assertEquals("error: --beta1 does not apply to --optimizer sgd (it takes no optimizer options)",
                run("surface --optimizer sgd --beta1 0.9").err().get(0));
        assertEquals("error: --rho does not apply to --optimizer momentum (it takes --momentum)",
                run("surface --optimizer momentum --rho 0.9").err().get(0));
        assertTrue(run("surface --steps abc").err().get(0).contains("--steps"));
        assertTrue(run("surface --start 1").err().get(0).contains("--start"));
    }

    @Test
    void helpGoesToStandardOutputWithExitZero() {
        Result r = run("surface --help");
        assertEquals(0, r.code());
        assertTrue(r.out().stream().anyMatch(line -> line.contains("--optimizer")));
        assertEquals(List.of(), r.err());
    }
}
