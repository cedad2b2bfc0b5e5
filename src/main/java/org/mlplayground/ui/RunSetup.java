package org.mlplayground.ui;

import java.util.SplittableRandom;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingSettings;

/**
 * Everything that fixes a training run: the network, its data, the hyperparameters and the seeds. Two
 * runs with equal setups produce the same numbers, step for step.
 *
 * @param dataName        what the data set is called, e.g. "circle"
 * @param weightSeed      seeds the initial weights, so Reset always returns to the same start
 * @param shuffleSeed     seeds the trainer's reshuffling of the examples every epoch
 * @param epochsPerSecond how fast Play trains: slow enough to watch the boundary move
 */
record RunSetup(NetworkSpec spec, Initializer init, String dataName, Dataset.Split data, int batchSize,
        double learningRate, long weightSeed, long shuffleSeed, double epochsPerSecond) {

    RunSetup {
        if (!(epochsPerSecond > 0)) {
            throw new IllegalArgumentException("training speed must be positive, got " + epochsPerSecond + " epochs/s");
        }
    }

    /**
     * The first lesson: a 2-4-2-1 tanh net with MSE on ±1 labels learns TensorFlow Playground's circle
     * (500 points, no noise, half for training), batch 10, learning rate 0.03, Xavier weights. Every seed
     * is drawn from one generator seeded with {@code seed}.
     */
    static RunSetup circle(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset points = Generators.circle(500, 0.0, random.nextLong());
        Dataset.Split split = points.split(0.5, random.nextLong());
        NetworkSpec spec = NetworkSpec.input(2)
                .dense(4, Activation.tanh())
                .dense(2, Activation.tanh())
                .dense(1, Activation.tanh())
                .loss(Loss.MSE);
        return new RunSetup(spec, Initializer.XAVIER_UNIFORM, points.name(), split, 10, 0.03, random.nextLong(),
                random.nextLong(), 40);
    }

    /** A trainer over fresh weights: the state a run starts in, and returns to on Reset. */
    Trainer freshTrainer() {
        Network network = Network.create(spec, init, weightSeed);
        return new Trainer(network, data.train(), data.test(), TrainingSettings.gradientDescent(learningRate, batchSize),
                shuffleSeed);
    }

    /** Mini-batches per epoch; the last batch of an epoch may be smaller. */
    int stepsPerEpoch() {
        return (data.train().size() + batchSize - 1) / batchSize;
    }
}
