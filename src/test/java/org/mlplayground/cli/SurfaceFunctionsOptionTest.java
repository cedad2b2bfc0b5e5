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

/** {@code surface --fn …} with every lab surface, and the second-order {@code --optimizer newton|cg|bfgs|lbfgs}. */
class SurfaceFunctionsOptionTest {

    private record Result(int code, List<String> out, List<String> err) {
        /** Row k of the CSV as numbers {step, x, y, loss}. */
        double[] row(int k) {
            String[] cells = out.get(k + 1).split(",");
            assertEquals(4, cells.length, out.get(k + 1));
            double[] values = new double[4];
            for (int i = 0; i < 4; i++) values[i] = Double.parseDouble(cells[i]);
            return values;
        }

        double[] last() {
            return row(out.size() - 2);
        }
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
    void bfgsOnRosenbrockStartsAtTheClassicPointAndEndsNearOneOne() {
        Result r = run("surface --fn rosenbrock --optimizer bfgs --steps 100");
        assertEquals(0, r.code(), r.err().toString());
        assertEquals(List.of(), r.err());
        assertEquals("step,x,y,loss", r.out().get(0));
        assertEquals(102, r.out().size());
        double[] first = r.row(0), last = r.last();
        assertEquals(-1.2, first[1], 0);
        assertEquals(1, first[2], 0);
        assertEquals(24.2, first[3], 1e-12); // (1 + 1.2)² + 100 (1 − 1.44)²
        assertEquals(100, last[0], 0);
        assertEquals(1, last[1], 1e-6);
        assertEquals(1, last[2], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bowl", "circle", "stretched", "saddle", "rosenbrock", "beale", "cliff", "two-minima", "plateau"})
    void everySurfaceRunsWithEveryKindOfOptimizer(String fn) {
        for (String optimizer : new String[] {"sgd --lr 0.001", "adam", "newton", "newton --damping 3", "cg", "bfgs", "lbfgs",
            "lbfgs --m 2"}) {
            Result r = run("surface --fn " + fn + " --steps 3 --optimizer " + optimizer);
            assertEquals(0, r.code(), fn + " " + optimizer + ": " + r.err());
            if (r.err().isEmpty()) {
                assertEquals(5, r.out().size(), fn + " " + optimizer);
            } else {
                // plain Newton in the cliff's valley: ∂²L/∂x² underflows to 0 there, the step is infinite
                assertEquals("cliff newton", fn + " " + optimizer);
                assertTrue(r.err().get(0).startsWith("note: diverged at step 1"), r.err().toString());
            }
            for (int k = 0; k < r.out().size() - 1; k++) assertEquals(k, r.row(k)[0], 0);
        }
    }

    @Test
    void theLecturePairAreTheirFormulas() {
        // sgd γ = 0.1 from (1, 1): x² + y² → (0.8, 0.8), L = 1.28; x² + 4y² → (0.8, 0.2), L = 0.64 + 0.16
        double[] circle = run("surface --fn circle --steps 1 --lr 0.1").row(1);
        assertEquals(0.8, circle[1], 1e-15);
        assertEquals(1.28, circle[3], 1e-15);
        double[] stretched = run("surface --fn stretched --steps 1 --lr 0.1").row(1);
        assertEquals(0.2, stretched[2], 1e-15);
        assertEquals(0.8, stretched[3], 1e-15);
    }

    @Test
    void newtonLandsOnTheBowlsMinimumAndDampingShortensTheStep() {
        Result plain = run("surface --optimizer newton --steps 1");
        assertEquals("1,0.0,0.0,0.0", plain.out().get(2));
        // ½(x² + 4y²), λ = 1 from (1, 1): x − 1/(1 + 1) = 0.5, y − 4/(4 + 1) = 0.2
        double[] damped = run("surface --optimizer newton --damping 1 --steps 1").row(1);
        assertEquals(0.5, damped[1], 1e-15);
        assertEquals(0.2, damped[2], 1e-15);
    }

    @Test
    void newtonOnTheSaddleWalksToTheSaddlePoint() {
        Result r = run("surface --fn saddle --optimizer newton --start 0.7,-1.3 --steps 1");
        assertEquals("1,0.0,0.0,0.0", r.out().get(2));
    }

    @Test
    void conjugateGradientsFinishTheTurnedBowlInTwoSteps() {
        double[] w2 = run("surface --optimizer cg --a 3 --b 80 --angle 25 --start -1,2 --steps 2").row(2);
        assertEquals(0, w2[1], 1e-10);
        assertEquals(0, w2[2], 1e-10);
    }

    @Test
    void lbfgsMemoryChangesThePathButBothSolveRosenbrock() {
        Result one = run("surface --fn rosenbrock --optimizer lbfgs --m 1 --steps 200");
        Result five = run("surface --fn rosenbrock --optimizer lbfgs --m 5 --steps 100");
        for (Result r : List.of(one, five)) {
            assertEquals(1, r.last()[1], 1e-6);
            assertEquals(1, r.last()[2], 1e-6);
        }
        // the first step uses no memory; from the third on the kept pairs differ
        assertEquals(one.out().get(2), five.out().get(2));
        assertNotEquals(one.out().subList(3, 10), five.out().subList(3, 10));
    }

    @Test
    void theSurfacesOwnStartIsTheDefault() {
        assertEquals("0,1.0,1.0,2.5", run("surface --steps 0").out().get(1));
        double[] saddle = run("surface --fn saddle --steps 0").row(0);
        assertEquals(1.5 * 1.5 - 0.05 * 0.05, saddle[3], 1e-15);
        assertEquals(0, run("surface --fn cliff --steps 0 --start 2,0").row(0)[2], 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "surface --optimizer bfgs --lr 0.1", "surface --optimizer cg --schedule exp:0.1", "surface --optimizer newton --clip-norm 1",
        "surface --optimizer lbfgs --clip-value 1", "surface --optimizer bfgs --m 3", "surface --optimizer sgd --damping 1",
        "surface --optimizer lbfgs --m 0", "surface --optimizer lbfgs --m x", "surface --optimizer newton --damping -1",
        "surface --fn rosenbrock --a 2", "surface --fn circle --angle 30", "surface --optimizer newtons"})
    void impossibleSecondOrderCommandLinesAreOneErrorLine(String commandLine) {
        Result r = run(commandLine);
        assertNotEquals(0, r.code());
        assertEquals(List.of(), r.out());
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).startsWith("error: "), r.err().get(0));
    }

    @Test
    void errorsSayWhatASecondOrderMethodTakes() {
        assertEquals("error: --lr does not apply to --optimizer bfgs (a second-order method chooses its own step length)",
                run("surface --optimizer bfgs --lr 0.1").err().get(0));
        assertEquals("error: --m does not apply to --optimizer newton (it takes --damping)",
                run("surface --optimizer newton --m 3").err().get(0));
        assertEquals("error: --a applies only to --fn bowl; rosenbrock has no parameters",
                run("surface --fn rosenbrock --a 2").err().get(0));
        assertTrue(run("surface --optimizer foo").err().get(0).endsWith("delta-bar-delta, newton, cg, bfgs, lbfgs"));
    }
}
