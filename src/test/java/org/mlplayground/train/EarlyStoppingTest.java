package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;

/**
 * Early stopping (COURSE.md §6) against a run without it: the same seed trains identically until the stop,
 * so the reference run's validation losses tell, by the rule applied by hand, where it must stop and which
 * epoch's weights it must restore.
 */
class EarlyStoppingTest {
    private static final NetworkSpec SPEC = NetworkSpec.input(2).dense(8, Activation.tanh()).dense(8, Activation.tanh())
            .dense(1, Activation.tanh()).loss(Loss.MSE);

    private static TrainingData data() {
        Dataset.Split split = Generators.circle(240, 0.35, 21).split(0.5, 21);
        Dataset.Split trainVal = split.train().split(0.5, 22);
        return TrainingData.of(trainVal.train(), trainVal.test(), split.test());
    }

    private static double[] weights(Network net) {
        List<Double> all = new ArrayList<>();
        for (Parameter p : net.parameters()) for (int i = 0; i < p.size(); i++) all.add(p.value()[i]);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void stopsWhereTheRuleSaysAndRestoresTheBestEpochsWeights() {
        int patience = 4;
        double minDelta = 1e-3;
        int epochs = 150;
        TrainingSettings plain = TrainingSettings.gradientDescent(0.05, 10);

        Trainer reference = new Trainer(Network.create(SPEC, Initializer.XAVIER_UNIFORM, 3), data(), plain, 3);
        List<double[]> weightsAfter = new ArrayList<>();
        weightsAfter.add(weights(reference.network()));
        for (int e = 1; e <= epochs; e++) {
            reference.runEpoch();
            weightsAfter.add(weights(reference.network()));
        }
        List<EpochMetrics> points = reference.history().points();
        assertEquals(epochs, points.size(), "one history point per epoch");

        // The rule by hand: best so far improves only by more than minDelta; stop after `patience` epochs without.
        int best = -1, stop = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (EpochMetrics m : points) {
            if (best < 0 || m.validationLoss() < bestLoss - minDelta) {
                best = m.epoch();
                bestLoss = m.validationLoss();
            } else if (m.epoch() - best >= patience) {
                stop = m.epoch();
                break;
            }
        }
        assertTrue(stop > 0, "the reference run never stalls for " + patience + " epochs; the test needs one that does");

        Trainer trainer = new Trainer(Network.create(SPEC, Initializer.XAVIER_UNIFORM, 3), data(),
                plain.withEarlyStopping(new EarlyStopping(patience, minDelta)), 3);
        for (int e = 1; e <= epochs && trainer.earlyStop().isEmpty(); e++) trainer.runEpoch();

        EarlyStopping.Stop result = trainer.earlyStop().orElseThrow();
        assertEquals(stop, result.epoch());
        assertEquals(best, result.bestEpoch());
        assertEquals(bestLoss, result.bestValidationLoss(), 0.0);
        assertArrayEquals(weightsAfter.get(best), weights(trainer.network()), 0.0, "weights of the best epoch");
        assertTrue(result.message().contains("epoch " + best), result.message());
        IllegalStateException refused = assertThrows(IllegalStateException.class, trainer::step);
        assertEquals(result.message(), refused.getMessage());

        trainer.continueAfterEarlyStop();
        trainer.step();
        assertFalse(trainer.earlyStop().isPresent());
    }

    @Test
    void earlyStoppingWithoutAValidationSetSaysWhatIsMissing() {
        Dataset train = Generators.circle(50, 0, 1);
        Trainer trainer = new Trainer(Network.create(SPEC, Initializer.XAVIER_UNIFORM, 1), train, null,
                TrainingSettings.gradientDescent(0.05, 10), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.setEarlyStopping(new EarlyStopping(5, 0)));
        assertEquals("early stopping needs a validation split; set a validation share first", e.getMessage());
        assertEquals(null, trainer.settings().earlyStopping(), "nothing was posted");
    }

    @Test
    void theRuleRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3, -1e-3));
    }
}
