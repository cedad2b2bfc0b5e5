package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Feature;
import org.mlplayground.data.FeatureMap;
import org.mlplayground.data.Generators;
import org.mlplayground.data.InputMap;
import org.mlplayground.data.Standardizer;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/**
 * The feature toggles' point (TensorFlow Playground's lesson): a network without hidden layers draws a
 * straight line in the (x1, x2) plane, so it cannot separate the circle; with x1² and x2² as inputs the
 * circle becomes a straight line in feature space and the same network learns it. The features are
 * standardised on the training split (x1² reaches 25, which would saturate tanh from the start).
 */
class FeatureMapLearningTest {

    private static double testAccuracy(FeatureMap features) {
        Dataset.Split split = Generators.circle(400, 0, 1).split(0.5, 1);
        NetworkSpec spec = NetworkSpec.input(features.outputSize()).dense(1, Activation.tanh()).loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 1);
        InputMap inputs = features.andThen(Standardizer.fit(features.applyTo(split.train())));
        Trainer trainer = new Trainer(net, new TrainingData(split.train(), null, split.test(), inputs),
                TrainingSettings.gradientDescent(0.01, 10), 1);
        for (int e = 0; e < 60; e++) trainer.runEpoch();
        return trainer.history().latest().testAccuracy();
    }

    @Test
    void squaredFeaturesLetALinearNetworkSeparateTheCircle() {
        double raw = testAccuracy(FeatureMap.of(Feature.X1, Feature.X2));
        double squares = testAccuracy(FeatureMap.of(Feature.X1_SQUARED, Feature.X2_SQUARED));
        // A line through the disc of radius 5 can classify at most about 3/4 of the balanced circle set.
        assertTrue(raw < 0.8, "x1, x2 alone: " + raw);
        assertTrue(squares > 0.97, "x1², x2²: " + squares);
    }
}
