package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** The same seed and settings give the same run, bit for bit; another seed gives another run. */
class ReproducibilityTest {
    private static final NetworkSpec SPEC = NetworkSpec.input(2)
            .dense(8, Activation.tanh())
            .dense(8, Activation.relu())
            .dense(1, Activation.tanh())
            .loss(Loss.MSE);
    private static final Dataset TRAIN = Generators.circle(500, 0.1, 7).split(0.5, 7).train();
    private static final int EPOCHS = 3;

    /** Weights after training and the loss of every step. */
    private record Run(List<double[]> parameters, double[] losses) {
    }

    private static Run train(long initSeed, long shuffleSeed) {
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, initSeed);
        Trainer trainer = new Trainer(net, TRAIN, 10, 0.03, shuffleSeed);
        double[] losses = new double[EPOCHS * 25];
        for (int s = 0; s < losses.length; s++) losses[s] = trainer.step();
        List<double[]> parameters = new ArrayList<>();
        for (Parameter p : net.parameters()) parameters.add(Arrays.copyOf(p.value(), p.size()));
        return new Run(parameters, losses);
    }

    @Test
    void sameSeedsGiveBitIdenticalWeightsAndLosses() {
        Run first = train(42, 42), second = train(42, 42);

        // assertArrayEquals on double[] compares bit patterns (doubleToLongBits), not within a tolerance.
        assertArrayEquals(first.losses(), second.losses());
        assertEquals(first.parameters().size(), second.parameters().size());
        for (int k = 0; k < first.parameters().size(); k++) {
            assertArrayEquals(first.parameters().get(k), second.parameters().get(k), "parameter block " + k);
        }
    }

    @Test
    void anotherInitialisationSeedGivesOtherWeights() {
        Run first = train(42, 42), second = train(43, 42);

        assertFalse(Arrays.equals(first.parameters().get(0), second.parameters().get(0)));
        assertFalse(Arrays.equals(first.losses(), second.losses()));
    }

    @Test
    void anotherShuffleSeedGivesOtherWeightsFromTheSameStart() {
        Run first = train(42, 42), second = train(42, 43);

        assertFalse(Arrays.equals(first.parameters().get(0), second.parameters().get(0)));
    }
}
