package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.junit.jupiter.api.Test;

class RecordMetricsTest {

    private static Trainer trainer(boolean record) {
        Dataset train = Generators.circle(100, 0.0, 3).split(0.5, 3).train();
        NetworkSpec spec = NetworkSpec.input(2).dense(4, Activation.tanh()).dense(1, Activation.tanh()).loss(Loss.MSE);
        Trainer trainer = new Trainer(Network.create(spec, Initializer.XAVIER_UNIFORM, 3), train, 10, 0.03, 3);
        trainer.recordMetrics(record);
        return trainer;
    }

    @Test
    void withoutMetricsNoEpochIsRecordedButTheWeightsAreTheSame() {
        Trainer with = trainer(true), without = trainer(false);
        for (int e = 0; e < 4; e++) {
            with.runEpoch();
            without.runEpoch();
        }
        assertEquals(4, with.history().size());
        assertEquals(0, without.history().size());
        for (int b = 0; b < with.network().parameters().size(); b++) {
            assertArrayEquals(with.network().parameters().get(b).value(), without.network().parameters().get(b).value(), 0.0);
        }
    }
}
