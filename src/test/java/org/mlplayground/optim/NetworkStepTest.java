package org.mlplayground.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/** The same optimizer objects that step the bowl train a network's blocks W_1, b_1, …, W_L, b_L. */
class NetworkStepTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.mlplayground.optim.OptimizerStateTest#ids")
    void everyOptimizerHalvesTheFullBatchLossOfASmallNetworkOnTheCircle(String id) {
        Dataset data = Generators.circle(200, 0.0, 5);
        int n = data.size();
        DMatrixRMaj X = new DMatrixRMaj(2, n), Y = new DMatrixRMaj(1, n);
        for (int c = 0; c < n; c++) {
            X.set(0, c, data.x()[c][0]);
            X.set(1, c, data.x()[c][1]);
            Y.set(0, c, data.y()[c]);
        }
        NetworkSpec spec = NetworkSpec.input(2).dense(8, new Activation.Tanh()).dense(1, new Activation.Tanh()).loss(Loss.MSE);
        Network network = Network.create(spec, Initializer.XAVIER_UNIFORM, 3);
        Optimizer optimizer = Optimizer.create(id);
        double gamma = optimizer.hyperparameters().defaultLearningRate();
        double first = optimizer.step(network.parameters(), () -> network.backprop(X, Y), gamma);
        for (int k = 0; k < 300; k++) optimizer.step(network.parameters(), () -> network.backprop(X, Y), gamma);
        double last = network.loss(X, Y);
        assertTrue(last < first / 2, id + ": loss " + first + " → " + last);
    }
}
