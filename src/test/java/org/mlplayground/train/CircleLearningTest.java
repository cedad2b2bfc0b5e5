package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-to-end check that the engine learns: TensorFlow Playground's circle with a 2-8-8-1 tanh net, MSE
 * on ±1 labels, plain mini-batch gradient descent (γ = 0.03, B = 10).
 */
class CircleLearningTest {
    private static final int MAX_EPOCHS = 300;
    private static final double TARGET_ACCURACY = 0.97;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void tanhNetReaches97PercentTestAccuracyOnTheCircleWithin300Epochs(long seed) {
        Dataset.Split split = Generators.circle(500, 0.0, seed).split(0.5, seed);
        NetworkSpec spec = NetworkSpec.input(2)
                .dense(8, Activation.tanh())
                .dense(8, Activation.tanh())
                .dense(1, Activation.tanh())
                .loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, seed);
        Trainer trainer = new Trainer(net, split.train(), 10, 0.03, seed);

        double accuracy = Trainer.evaluate(net, split.test()).accuracy();
        while (accuracy < TARGET_ACCURACY && trainer.epoch() < MAX_EPOCHS) {
            trainer.runEpoch();
            accuracy = Trainer.evaluate(net, split.test()).accuracy();
        }

        System.out.printf(Locale.ROOT, "circle seed %d: test accuracy %.1f %% after %d epochs (%d steps)%n",
                seed, 100 * accuracy, trainer.epoch(), trainer.stepCount());
        assertTrue(accuracy >= TARGET_ACCURACY, String.format(Locale.ROOT,
                "seed %d: test accuracy only %.1f %% after %d epochs", seed, 100 * accuracy, trainer.epoch()));
    }
}
