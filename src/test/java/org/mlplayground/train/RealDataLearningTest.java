package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.RealDataset;
import org.mlplayground.data.Standardizer;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/**
 * The shipped data sets load from the classpath with their default pair of inputs and three named species,
 * and a small softmax network learns them: both pairs are the textbook well-separated ones (a few iris
 * flowers overlap, so 100 % is impossible there).
 */
class RealDataLearningTest {

    @ParameterizedTest
    @EnumSource(RealDataset.class)
    void aSoftmaxNetworkLearnsTheSpeciesFromTheDefaultInputs(RealDataset which) {
        Dataset all = which.load();
        assertEquals(2, all.inputSize());
        assertEquals(3, all.classNames().size());
        assertEquals(which == RealDataset.IRIS ? 150 : 342, all.size());
        assertTrue(which.table().inputNames().size() == 4, "all four measurements stay available to pick from");

        Dataset.Split split = all.split(0.6, 1);
        Standardizer standardizer = Standardizer.fit(split.train(), List.of(new int[] {0, 1}));
        NetworkSpec spec = NetworkSpec.input(2).dense(8, Activation.tanh()).dense(3, Activation.softmax())
                .loss(Loss.SOFTMAX_CROSS_ENTROPY);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 1);
        Trainer trainer = new Trainer(net, new TrainingData(split.train(), null, split.test(), standardizer),
                TrainingSettings.gradientDescent(0.1, 10), 1);
        for (int e = 0; e < 100; e++) trainer.runEpoch();
        double accuracy = trainer.history().latest().testAccuracy();
        assertTrue(accuracy >= 0.9, which.title() + ": test accuracy " + accuracy);
    }
}
