package org.mlplayground.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/** ∂ℓ/∂w_1 = x · Π Φ'(a_i) w_{i+1} · δ_L, checked against backprop's own ∂L/∂w_1. */
class GradientHealthChainTest {

    private static Network chain(int inputs, Activation phi, Activation out, Loss loss, Initializer init) {
        NetworkSpec.Builder b = NetworkSpec.input(inputs);
        for (int i = 0; i < 5; i++) b.dense(1, phi);
        return Network.create(b.dense(1, out).loss(loss), init, 0.1, 7);
    }

    @Test
    void theProductEqualsBackpropsGradientOverTheFactorsOutsideTheChain() {
        for (Activation phi : List.of(Activation.sigmoid(), Activation.tanh(), Activation.relu())) {
            for (boolean fused : new boolean[] {true, false}) {
                Network net = fused ? chain(2, phi, Activation.sigmoid(), Loss.SIGMOID_CROSS_ENTROPY, Initializer.LARGE_GAUSSIAN)
                        : chain(2, phi, Activation.tanh(), Loss.MSE, Initializer.LARGE_GAUSSIAN);
                DMatrixRMaj x = new DMatrixRMaj(2, 1, true, 0.7, -1.3);
                net.backprop(x, new DMatrixRMaj(1, 1, true, fused ? 1 : -1));
                Chain c = Chain.of(net, 0);
                double deltaL = net.outputLayer().delta().get(0, 0);
                for (int j = 0; j < 2; j++) {
                    double backprop = net.layer(1).dLdW().get(0, j) / (x.get(j, 0) * deltaL);
                    assertEquals(backprop, c.product(), 1e-12 * Math.abs(backprop), phi.name() + " input " + j);
                }
                assertEquals(10, c.factors().size());
                assertEquals("Φ'(a_1)", c.factors().get(0).symbol());
                assertEquals(net.layer(6).W().get(0, 0), c.factors().get(9).value(), 0.0);
                assertEquals("w_6", c.factors().get(9).symbol());
            }
        }
    }

    @Test
    void overABatchBackpropsGradientIsTheMeanOfTheExamplesChains() {
        Network net = chain(1, Activation.tanh(), Activation.sigmoid(), Loss.SIGMOID_CROSS_ENTROPY, Initializer.LARGE_GAUSSIAN);
        net.backprop(new DMatrixRMaj(1, 3, true, 0.5, -0.2, 1.5), new DMatrixRMaj(1, 3, true, 1, 0, 1));
        double mean = 0;
        for (int n = 0; n < 3; n++) mean += Chain.of(net, n).dldw1(0) / 3;
        double backprop = net.layer(1).dLdW().get(0, 0);
        assertEquals(backprop, mean, 1e-12 * Math.abs(backprop));
    }

    @Test
    void aSigmoidChainShrinksByAtLeastAQuarterPerLayer() {
        Network net = chain(1, Activation.sigmoid(), Activation.sigmoid(), Loss.SIGMOID_CROSS_ENTROPY, Initializer.LARGE_GAUSSIAN);
        net.backprop(new DMatrixRMaj(1, 1, true, 1.0), new DMatrixRMaj(1, 1, true, 1));
        Chain c = Chain.of(net, 0);
        double bound = 1;
        for (double w : c.w()) bound *= 0.25 * Math.abs(w);
        assertTrue(Math.abs(c.product()) <= bound, c.product() + " vs " + bound);
        double[] partial = c.partialProducts();
        assertEquals(c.product(), partial[partial.length - 1], 0.0);
    }

    @Test
    void aWideLayerHasNoChain() {
        Network net = Network.create(NetworkSpec.input(1).dense(2, Activation.tanh()).dense(1, Activation.tanh())
                .loss(Loss.MSE), Initializer.XAVIER_UNIFORM, 1);
        net.backprop(new DMatrixRMaj(1, 1, true, 1.0), new DMatrixRMaj(1, 1, true, 1));
        assertThrows(IllegalArgumentException.class, () -> Chain.of(net, 0));
    }
}
