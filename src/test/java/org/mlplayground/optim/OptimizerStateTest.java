package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplayground.engine.Parameter;

/** State, reset, switching and settings: what a student's slider and menu do to an optimizer. */
class OptimizerStateTest {

    static Stream<String> ids() {
        return Hyperparameters.IDS.stream();
    }

    private static double[] firstStepFrom(String id, double x, double y) {
        Bowl bowl = new Bowl(1, 4, x, y);
        Optimizer.create(id).step(bowl.params(), bowl, 0.1);
        return bowl.point.value().clone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void resetMakesTheNextStepBehaveLikeTheFirst(String id) {
        Bowl bowl = Bowl.lecture();
        Optimizer optimizer = Optimizer.create(id);
        for (int k = 0; k < 3; k++) optimizer.step(bowl.params(), bowl, 0.1);
        optimizer.reset();
        bowl.moveTo(1, 1);
        optimizer.step(bowl.params(), bowl, 0.1);
        assertArrayEquals(firstStepFrom(id, 1, 1), bowl.point.value(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void withoutResetTheStateCarriesOver(String id) {
        Bowl bowl = Bowl.lecture();
        Optimizer optimizer = Optimizer.create(id);
        for (int k = 0; k < 3; k++) optimizer.step(bowl.params(), bowl, 0.1);
        bowl.moveTo(1, 1);
        optimizer.step(bowl.params(), bowl, 0.1);
        // Gradient descent has no state, so only it repeats its first step.
        assertEquals(id.equals("sgd"), Arrays.equals(firstStepFrom(id, 1, 1), bowl.point.value()),
                "same step as a fresh optimizer");
    }

    @ParameterizedTest(name = "switch to {0}")
    @MethodSource("ids")
    void aNewOptimizerMidRunLeavesTheWeightsAndStartsFromThem(String id) {
        Bowl bowl = Bowl.lecture();
        Optimizer old = new Momentum();
        for (int k = 0; k < 5; k++) old.step(bowl.params(), bowl, 0.1);
        double[] reached = bowl.point.value().clone();
        Optimizer next = Optimizer.create(id);
        old.reset();
        assertArrayEquals(reached, bowl.point.value(), 0);
        next.step(bowl.params(), bowl, 0.1);
        assertArrayEquals(firstStepFrom(id, reached[0], reached[1]), bowl.point.value(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void blocksOfANewSizeGetFreshState(String id) {
        Optimizer optimizer = Optimizer.create(id);
        Bowl bowl = Bowl.lecture();
        for (int k = 0; k < 3; k++) optimizer.step(bowl.params(), bowl, 0.1);
        Parameter one = new Parameter("w", 1, true, new double[] {2}, new double[1], 1);
        Objective square = () -> {
            one.gradient()[0] = one.value()[0];
            return 0.5 * one.value()[0] * one.value()[0];
        };
        optimizer.step(List.of(one), square, 0.1);
        Parameter fresh = new Parameter("w", 1, true, new double[] {2}, new double[1], 1);
        Optimizer.create(id).step(List.of(fresh), () -> {
            fresh.gradient()[0] = fresh.value()[0];
            return 0;
        }, 0.1);
        assertEquals(fresh.value()[0], one.value()[0], 0);
    }

    @Test
    void onlyTheFirstSizeEntriesOfABlockAreStepped() {
        Parameter p = new Parameter("W1", 1, true, new double[] {1, 1, 7}, new double[] {1, 1, 1}, 2);
        for (String id : Hyperparameters.IDS) Optimizer.create(id).step(List.of(p), () -> 0, 0.1);
        assertEquals(7, p.value()[2], 0);
    }

    @Test
    void retuningMomentumKeepsTheVelocity() {
        // Two steps with β = 0.9, γ = 0.1 reach w = (0.72, 0), v = (−0.18, −0.6) (see FirstThreeStepsTest).
        // Then β = 0.5: v = (0.5·−0.18 − 0.1·0.72, 0.5·−0.6 − 0) = (−0.162, −0.3); w = (0.558, −0.3).
        Bowl bowl = Bowl.lecture();
        Momentum momentum = new Momentum();
        momentum.step(bowl.params(), bowl, 0.1);
        momentum.step(bowl.params(), bowl, 0.1);
        momentum.retune(new Momentum.Settings(0.5));
        momentum.step(bowl.params(), bowl, 0.1);
        assertArrayEquals(new double[] {0.558, -0.3}, bowl.point.value(), 1e-12);
        assertEquals(new Momentum.Settings(0.5), momentum.hyperparameters());
    }

    @Test
    void retuningWithAnotherOptimizersSettingsIsRefused() {
        Optimizer momentum = new Momentum();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> momentum.retune(Adam.Settings.DEFAULTS));
        assertTrue(e.getMessage().contains("Adam"), e.getMessage());
        assertEquals(Momentum.Settings.DEFAULTS, momentum.hyperparameters());
    }

    @Test
    void theFactoryKnowsEveryIdAndTheDefaultsAreTheStandardOnes() {
        for (String id : Hyperparameters.IDS) {
            Optimizer optimizer = Optimizer.create(id);
            assertEquals(id, optimizer.id());
            assertFalse(optimizer.name().isBlank());
            assertTrue(optimizer.hyperparameters().defaultLearningRate() > 0, id);
        }
        assertEquals(new Momentum.Settings(0.9), Hyperparameters.defaults("momentum"));
        assertEquals(new Nesterov.Settings(0.9), Hyperparameters.defaults("nesterov"));
        assertEquals(new AdaGrad.Settings(1e-8), Hyperparameters.defaults("adagrad"));
        assertEquals(new RmsProp.Settings(0.9, 1e-8), Hyperparameters.defaults("rmsprop"));
        assertEquals(new RmsPropNesterov.Settings(0.9, 0.9, 1e-8), Hyperparameters.defaults("rmsprop-nesterov"));
        assertEquals(new Adadelta.Settings(0.95, 1e-6), Hyperparameters.defaults("adadelta"));
        assertEquals(1.0, Hyperparameters.defaults("adadelta").defaultLearningRate());
        assertEquals(new Adam.Settings(0.9, 0.999, 1e-8), Hyperparameters.defaults("adam"));
        assertEquals(new DeltaBarDelta.Settings(0.05, 0.1, 0.7), Hyperparameters.defaults("delta-bar-delta"));
    }

    @Test
    void anUnknownIdIsRefusedWithTheListOfKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.create("lbfgs"));
        assertTrue(e.getMessage().contains("lbfgs"), e.getMessage());
        for (String id : Hyperparameters.IDS) assertTrue(e.getMessage().contains(id), e.getMessage());
    }

    @ParameterizedTest(name = "γ = {0}")
    @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void anImpossibleLearningRateIsRefusedBeforeAnythingMoves(double gamma) {
        for (String id : Hyperparameters.IDS) {
            Bowl bowl = Bowl.lecture();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Optimizer.create(id).step(bowl.params(), bowl, gamma));
            assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
            assertArrayEquals(new double[] {1, 1}, bowl.point.value(), 0);
            assertEquals(0, bowl.evaluatedAt.size());
        }
    }

    static Stream<Arguments> impossibleSettings() {
        return Stream.of(
                Arguments.of("momentum β", (Supplier<?>) () -> new Momentum.Settings(1.0)),
                Arguments.of("momentum β", (Supplier<?>) () -> new Nesterov.Settings(-0.1)),
                Arguments.of("AdaGrad ε", (Supplier<?>) () -> new AdaGrad.Settings(0)),
                Arguments.of("RMSProp ρ", (Supplier<?>) () -> new RmsProp.Settings(1.0, 1e-8)),
                Arguments.of("RMSProp ε", (Supplier<?>) () -> new RmsProp.Settings(0.9, -1e-8)),
                Arguments.of("momentum β", (Supplier<?>) () -> new RmsPropNesterov.Settings(1.5, 0.9, 1e-8)),
                Arguments.of("RMSProp ρ", (Supplier<?>) () -> new RmsPropNesterov.Settings(0.9, Double.NaN, 1e-8)),
                Arguments.of("Adadelta ρ", (Supplier<?>) () -> new Adadelta.Settings(-0.5, 1e-6)),
                Arguments.of("Adadelta ε", (Supplier<?>) () -> new Adadelta.Settings(0.95, 0)),
                Arguments.of("Adam β1", (Supplier<?>) () -> new Adam.Settings(1.0, 0.999, 1e-8)),
                Arguments.of("Adam β2", (Supplier<?>) () -> new Adam.Settings(0.9, 1.0, 1e-8)),
                Arguments.of("Adam ε", (Supplier<?>) () -> new Adam.Settings(0.9, 0.999, Double.POSITIVE_INFINITY)),
                Arguments.of("delta-bar-delta κ", (Supplier<?>) () -> new DeltaBarDelta.Settings(-1e-4, 0.1, 0.7)),
                Arguments.of("delta-bar-delta φ", (Supplier<?>) () -> new DeltaBarDelta.Settings(0.05, 1.0, 0.7)),
                Arguments.of("delta-bar-delta θ", (Supplier<?>) () -> new DeltaBarDelta.Settings(0.05, 0.1, 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleSettings")
    void anImpossibleSettingIsRefusedWithItsName(String setting, Supplier<?> settings) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, settings::get);
        assertTrue(e.getMessage().startsWith(setting + " must be"), e.getMessage());
    }

    @Test
    void theEdgesOfEveryRangeAreAccepted() {
        assertDoesNotThrow(() -> new Momentum.Settings(0));
        assertDoesNotThrow(() -> new RmsProp.Settings(0, Double.MIN_VALUE));
        assertDoesNotThrow(() -> new Adam.Settings(0, 0.999999, 1e-300));
        assertDoesNotThrow(() -> new DeltaBarDelta.Settings(0, 0, 0));
    }
}
