package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Parameter;

/** Polyak averages against their closed forms, and their use for evaluation while training goes on. */
class PolyakAverageTest {

    private static Parameter values(double... w) {
        return new Parameter("W1", 1, true, w.clone(), new double[w.length], w.length);
    }

    private static void show(PolyakAverage average, Parameter p, double... w) {
        System.arraycopy(w, 0, p.value(), 0, w.length);
        average.update(List.of(p));
    }

    @Test
    void uniformAverageIsTheArithmeticMeanOfTheIterates() {
        // Iterates (1, −2), (4, 0), (−2, 5), (5, 1): mean = ((1 + 4 − 2 + 5)/4, (−2 + 0 + 5 + 1)/4) = (2, 1).
        PolyakAverage average = PolyakAverage.uniform();
        Parameter p = values(0, 0);
        show(average, p, 1, -2);
        assertArrayEquals(new double[] {1, -2}, average.average(0), 0);
        show(average, p, 4, 0);
        show(average, p, -2, 5);
        show(average, p, 5, 1);
        assertEquals(4, average.count());
        assertArrayEquals(new double[] {2, 1}, average.average(0), 1e-15);
    }

    @Test
    void exponentialAverageWeighsTheOldAverageByBeta() {
        // β = 0.8, iterates 10, 0, 5: w_av = 10; then 0.2·0 + 0.8·10 = 8; then 0.2·5 + 0.8·8 = 1 + 6.4 = 7.4.
        // Closed form: β² w_1 + (1 − β)β w_2 + (1 − β) w_3 = 0.64·10 + 0.16·0 + 0.2·5 = 7.4.
        PolyakAverage average = PolyakAverage.exponential(0.8);
        Parameter p = values(0);
        show(average, p, 10);
        show(average, p, 0);
        assertArrayEquals(new double[] {8}, average.average(0), 1e-15);
        show(average, p, 5);
        assertArrayEquals(new double[] {7.4}, average.average(0), 1e-15);
    }

    @Test
    void theAveragedWeightsEvaluateWhileTheRawOnesTrain() {
        // Gradient descent with γ = 2 on L = ½x² (a = 1, b = 1 on both axes) bounces x_k = (−1)^k forever;
        // the uniform mean of an even number of iterates is exactly 0, the minimum.
        Bowl bowl = new Bowl(1, 1, 1, 1);
        PolyakAverage average = PolyakAverage.uniform();
        Sgd gd = new Sgd();
        for (int k = 0; k < 10; k++) {
            gd.step(bowl.params(), bowl, 2);
            average.update(bowl.params());
        }
        assertArrayEquals(new double[] {1, 1}, bowl.point.value(), 0);
        Bowl evaluation = new Bowl(1, 1, 7, 7);
        average.copyInto(evaluation.params());
        assertArrayEquals(new double[] {0, 0}, evaluation.point.value(), 1e-15);
        assertArrayEquals(new double[] {1, 1}, bowl.point.value(), 0);
    }

    @Test
    void resetStartsANewAverageAndMisuseIsReported() {
        PolyakAverage average = PolyakAverage.uniform();
        Parameter p = values(3);
        assertThrows(IllegalStateException.class, () -> average.copyInto(List.of(p)));
        average.update(List.of(p));
        assertThrows(IllegalArgumentException.class, () -> average.copyInto(List.of(values(1, 2))));
        average.reset();
        assertEquals(0, average.count());
        show(average, p, 9);
        assertArrayEquals(new double[] {9}, average.average(0), 0);
        assertThrows(IllegalArgumentException.class, () -> PolyakAverage.exponential(1));
    }
}
