package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Where each optimizer evaluates the gradient: at w, or at Nesterov's look-ahead point w + βv. */
class LookAheadTest {

    @Test
    void nesterovEvaluatesAtWPlusBetaVAndUpdatesFromTheRestoredW() {
        // γ = 0.1, β = 0.9 on ½(x² + 4y²) (worked out in FirstThreeStepsTest): look-ahead points
        // (1, 1), (0.9 − 0.09, 0.6 − 0.36) = (0.81, 0.24), (0.729 − 0.1539, 0.144 − 0.4104) = (0.5751, −0.2664).
        // Had w not been restored, step 2 would end at p + v = (0.81 − 0.171, …) = 0.639 instead of 0.729.
        Bowl bowl = Bowl.lecture();
        Nesterov nesterov = new Nesterov();
        double[][] after = {{0.9, 0.6}, {0.729, 0.144}, {0.51759, -0.15984}};
        for (double[] w : after) {
            nesterov.step(bowl.params(), bowl, 0.1);
            assertArrayEquals(w, bowl.point.value(), 1e-12);
        }
        double[][] lookAhead = {{1, 1}, {0.81, 0.24}, {0.5751, -0.2664}};
        assertEquals(3, bowl.evaluatedAt.size());
        for (int k = 0; k < 3; k++) assertArrayEquals(lookAhead[k], bowl.evaluatedAt.get(k), 1e-12, "evaluation " + (k + 1));
    }

    @Test
    void rmsPropWithNesterovEvaluatesAtTheLookAheadPoint() {
        // Step 1 gives w = (0.683772249794549, 0.683772234971374) and v = w − (1, 1); the second evaluation
        // is at w + 0.9v = (0.399167274609643, 0.399167246445610) (see FirstThreeStepsTest).
        Bowl bowl = Bowl.lecture();
        RmsPropNesterov optimizer = new RmsPropNesterov();
        optimizer.step(bowl.params(), bowl, 0.1);
        optimizer.step(bowl.params(), bowl, 0.1);
        assertArrayEquals(new double[] {1, 1}, bowl.evaluatedAt.get(0), 0);
        assertArrayEquals(new double[] {0.39916727460964344540, 0.39916724644561027884}, bowl.evaluatedAt.get(1), 1e-12);
    }

    @Test
    void aFailingObjectiveLeavesTheWeightsWhereTheyWereBeforeTheLookAhead() {
        Bowl bowl = Bowl.lecture();
        Nesterov nesterov = new Nesterov();
        nesterov.step(bowl.params(), bowl, 0.1);
        Objective failing = () -> {
            throw new IllegalStateException("backward pass failed");
        };
        assertThrows(IllegalStateException.class, () -> nesterov.step(bowl.params(), failing, 0.1));
        assertArrayEquals(new double[] {0.9, 0.6}, bowl.point.value(), 0);
    }

    static Stream<String> plainOptimizers() {
        return Hyperparameters.IDS.stream().filter(id -> !id.contains("nesterov"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainOptimizers")
    void everyOtherOptimizerEvaluatesOnceAtTheCurrentWeights(String id) {
        Bowl bowl = Bowl.lecture();
        Optimizer optimizer = Optimizer.create(id);
        double gamma = optimizer.hyperparameters().defaultLearningRate();
        for (int k = 0; k < 5; k++) {
            double[] before = bowl.point.value().clone();
            optimizer.step(bowl.params(), bowl, gamma);
            assertEquals(k + 1, bowl.evaluatedAt.size(), "evaluations after step " + (k + 1));
            assertArrayEquals(before, bowl.evaluatedAt.get(k), 0, "evaluated at step " + (k + 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.mlplayground.optim.OptimizerStateTest#ids")
    void theLossReturnedIsTheOneTheObjectiveComputed(String id) {
        Bowl bowl = Bowl.lecture();
        double[] computed = new double[1];
        Objective objective = () -> computed[0] = bowl.evaluate();
        Optimizer optimizer = Optimizer.create(id);
        for (int k = 0; k < 3; k++) {
            double loss = optimizer.step(List.of(bowl.point), objective, 0.05);
            assertEquals(computed[0], loss, 0);
        }
    }
}
