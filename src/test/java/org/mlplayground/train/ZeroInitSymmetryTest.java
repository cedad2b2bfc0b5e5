package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/**
 * COURSE.md §4: all-zero initial weights make every neuron of a layer identical, and gradient descent never
 * breaks the symmetry, because identical neurons receive identical gradients.
 */
class ZeroInitSymmetryTest {
    private static final NetworkSpec SPEC = NetworkSpec.input(2)
            .dense(4, Activation.tanh())
            .dense(4, Activation.tanh())
            .dense(1, Activation.tanh())
            .loss(Loss.MSE);
    private static final Dataset TRAIN = Generators.circle(500, 0.0, 1).split(0.5, 1).train();

    private static Network trainFromZeroWeights(double biasInit, int steps) {
        Network net = Network.create(SPEC, Initializer.ZEROS, biasInit, 1);
        Trainer trainer = new Trainer(net, TRAIN, 10, 0.03, 1);
        for (int s = 0; s < steps; s++) trainer.step();
        return net;
    }

    @Test
    void zeroInitialisedNeuronsOfALayerStayIdenticalWhileTheyLearn() {
        // Biases start at 0.5, not 0: with tanh(0) = 0 every h_l would be 0 and only the output bias could
        // move (see the next test), which would make "the neurons stay identical" vacuous.
        Network net = trainFromZeroWeights(0.5, 100);

        for (int l = 1; l <= net.depth(); l++) {
            DenseLayer layer = net.layer(l);
            DMatrixRMaj W = layer.W();
            for (int i = 1; i < layer.size(); i++) {
                for (int j = 0; j < layer.inputSize(); j++) {
                    assertEquals(W.get(0, j), W.get(i, j), 0.0, "W_" + l + " row " + i + " differs from row 0");
                }
                assertEquals(layer.b().get(0), layer.b().get(i), 0.0, "b_" + l + " entry " + i + " differs from entry 0");
            }
            // After 100 steps |W_1| is about 1e-3 and |W_3| about 0.1; 1e-6 only asks that they clearly moved.
            assertTrue(maxAbs(W) > 1e-6, "W_" + l + " never left zero: the check above would be vacuous");
        }
    }

    @Test
    void zeroWeightsAndZeroBiasesWithTanhLeaveEveryWeightAtZero() {
        // h_l = tanh(0) = 0 for every hidden layer, so ∂L/∂W_l = δ_l h_{l−1}ᵀ = 0 for l ≥ 2 and
        // δ_l = Φ' ⊙ W_{l+1}ᵀ δ_{l+1} = 0 below the output: only b_L learns.
        Network net = trainFromZeroWeights(0.0, 100);

        for (int l = 1; l <= net.depth(); l++) assertEquals(0.0, maxAbs(net.layer(l).W()), "W_" + l);
        assertEquals(0.0, maxAbs(net.layer(1).b()), "b_1");
        assertEquals(0.0, maxAbs(net.layer(2).b()), "b_2");
        assertTrue(maxAbs(net.layer(3).b()) > 0, "the output bias should have moved");
    }

    private static double maxAbs(DMatrixRMaj m) {
        double max = 0;
        for (int i = 0; i < m.getNumElements(); i++) max = Math.max(max, Math.abs(m.get(i)));
        return max;
    }
}
