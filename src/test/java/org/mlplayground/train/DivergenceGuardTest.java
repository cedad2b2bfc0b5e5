package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Learning rate 10 on a 2-8-8-1 net with sigmoid hidden layers, an identity output and MSE: the output
 * weights overshoot further every step until the numbers overflow. (With a sigmoid output too the
 * network only saturates: its gradients vanish before anything overflows.) The guard must stop that
 * without a crash and keep the weights from before the bad step.
 */
class DivergenceGuardTest {
    private static final int MAX_STEPS = 10_000;

    private static List<double[]> weights(Network net) {
        List<double[]> copy = new ArrayList<>();
        for (Parameter p : net.parameters()) copy.add(Arrays.copyOf(p.value(), p.size()));
        return copy;
    }

    @Test
    void learningRate10WithSigmoidLayersTripsTheGuardAndKeepsTheLastFiniteWeights() {
        Dataset train = Generators.circle(500, 0.0, 1).split(0.5, 1).train();
        NetworkSpec spec = NetworkSpec.input(2)
                .dense(8, Activation.sigmoid())
                .dense(8, Activation.sigmoid())
                .dense(1, Activation.identity())
                .loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 1);
        Trainer trainer = new Trainer(net, train, 10, 10.0, 1);

        List<double[]> before = weights(net);
        long beforeSteps = 0;
        while (trainer.divergence().isEmpty() && trainer.stepCount() < MAX_STEPS) {
            before = weights(net);
            beforeSteps = trainer.stepCount();
            trainer.step();
        }

        Divergence report = trainer.divergence().orElseThrow(() -> new AssertionError("no divergence in " + MAX_STEPS + " steps"));
        System.out.println("divergence guard: " + report.message());
        assertEquals(beforeSteps + 1, report.step(), "the report names the step that went bad");
        assertEquals(beforeSteps, trainer.stepCount(), "the bad step is undone");
        assertTrue(report.where().matches("[Wb][123]|h[123]|loss"), report.where());
        List<double[]> kept = weights(net);
        for (int b = 0; b < kept.size(); b++) {
            for (double w : kept.get(b)) assertTrue(Double.isFinite(w), "kept weight not finite in block " + b);
            assertArrayEquals(before.get(b), kept.get(b), "block " + b + " holds the weights from before the bad step");
        }

        assertTrue(report.message().contains("Reset"), "the kept weights overflow already: " + report.message());

        IllegalStateException refused = assertThrows(IllegalStateException.class, trainer::step);
        assertTrue(refused.getMessage().contains("step " + report.step()), refused.getMessage());

        trainer.acknowledgeDivergence();
        assertTrue(trainer.divergence().isEmpty(), "acknowledged");
        trainer.setLearningRate(1e-3);
        assertDoesNotThrow(trainer::step, "after acknowledging, the trainer steps again (the guard may trip again)");
    }
}
