package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.optim.Adam;

/** A traced step whose gradient check comes later is the same step, and its check the same numbers. */
class BackpropTraceDeferredTest {
    private static final Dataset TRAIN = Generators.circle(40, 0.1, 3);
    private static final NetworkSpec SPEC = NetworkSpec.input(2).dense(6, Activation.tanh()).dense(4, Activation.sigmoid())
            .dense(1, Activation.sigmoid()).loss(Loss.SIGMOID_CROSS_ENTROPY);

    private static Trainer trainer() {
        TrainingSettings settings = TrainingSettings.of(Adam.Settings.DEFAULTS, 8)
                .withRegularization(Regularization.NONE.withPenalty(new Penalty.L2(0.1)));
        return new Trainer(Network.create(SPEC, Initializer.XAVIER_UNIFORM, 5), TRAIN, null, settings, 9);
    }

    @Test
    void theDeferredCheckGivesTheSameTraceAsTracingAtOnce() {
        Trainer now = trainer(), later = trainer();
        for (int k = 0; k < 6; k++) {
            BackpropTrace a = now.traceStep();
            Trainer.DeferredTrace d = later.traceStepDeferred();
            assertFalse(d.trace().checked(), "no estimates until the check runs");
            assertTrue(d.trace().finiteDifferences().isEmpty());
            BackpropTrace b = d.check().get();
            assertTrue(b.checked());
            assertEquals(a.gradients().size(), b.finiteDifferences().size());
            for (int blk = 0; blk < a.gradients().size(); blk++) {
                assertArrayEquals(a.finiteDifferences().get(blk), b.finiteDifferences().get(blk), 0.0, "estimates, block " + blk);
                assertArrayEquals(a.gradients().get(blk), b.gradients().get(blk), 0.0, "gradients, block " + blk);
                assertArrayEquals(a.after().parameters().get(blk).value(), b.after().parameters().get(blk).value(), 0.0);
            }
            assertTrue(b.maxRelativeError() < 1e-6, "smooth activations: backprop and finite differences agree");
        }
        List<org.mlplayground.engine.Parameter> p = now.network().parameters(), q = later.network().parameters();
        for (int blk = 0; blk < p.size(); blk++) assertArrayEquals(p.get(blk).value(), q.get(blk).value(), 0.0);
    }
}
