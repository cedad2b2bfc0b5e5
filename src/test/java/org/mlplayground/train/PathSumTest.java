package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/**
 * The lecture's sum over all paths equals backprop's ∂ℓ/∂w_{l,ij} for every weight of a 2-2-2-2 network, and
 * each path's product is the course's h · Φ' · w ⋯ ∂ℓ/∂o, checked against numbers worked out by hand and against
 * finite differences.
 */
class PathSumTest {
    private static final double[] X = {0.8, -0.5};

    private static Network net(Activation hidden, Activation out, Loss loss, int outputs, long seed) {
        NetworkSpec spec = NetworkSpec.input(2).dense(2, hidden).dense(2, hidden).dense(outputs, out).loss(loss);
        return Network.create(spec, Initializer.XAVIER_UNIFORM, 0.2, seed);
    }

    private static void assertSumIsBackpropForEveryWeight(Network net, double[] y, String what) {
        for (int l = 1; l <= net.depth(); l++) {
            for (int i = 1; i <= net.layer(l).size(); i++) {
                for (int j = 1; j <= net.layer(l).inputSize(); j++) {
                    PathSum paths = PathSum.of(net, X, y, l, i, j);
                    String w = what + " w_{" + l + "," + i + j + "}";
                    assertEquals(PathSum.pathCount(net, l), paths.paths().size(), w);
                    assertTrue(Math.abs(paths.backprop()) > 1e-6, w + " is too small to test");
                    assertEquals(paths.backprop(), paths.sum(), 1e-12 * Math.abs(paths.backprop()), w);
                    assertEquals(finiteDifference(net, y, l, i, j), paths.sum(), 1e-8, w + " by finite differences");
                }
            }
        }
    }

    /** ∂ℓ/∂w_{l,ij} of the one example by a central difference, for an independent check. */
    private static double finiteDifference(Network net, double[] y, int l, int i, int j) {
        Network copy = net.copy();
        DMatrixRMaj x = new DMatrixRMaj(2, 1, true, X), t = new DMatrixRMaj(y.length, 1, true, y);
        double h = 1e-5, w = copy.layer(l).W().get(i - 1, j - 1);
        copy.layer(l).W().set(i - 1, j - 1, w + h);
        double plus = copy.loss(x, t);
        copy.layer(l).W().set(i - 1, j - 1, w - h);
        double minus = copy.loss(x, t);
        return (plus - minus) / (2 * h);
    }

    @Test
    void pathsSumToBackpropInATanhNetworkWithSquaredError() {
        assertSumIsBackpropForEveryWeight(net(Activation.tanh(), Activation.tanh(), Loss.MSE, 2, 3), new double[] {1, -1}, "tanh/MSE");
    }

    @Test
    void pathsSumToBackpropInASigmoidNetworkWithCrossEntropy() {
        NetworkSpec spec = NetworkSpec.input(2).dense(2, Activation.sigmoid()).dense(2, Activation.sigmoid())
                .dense(1, Activation.sigmoid()).loss(Loss.SIGMOID_CROSS_ENTROPY);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.2, 5);
        assertSumIsBackpropForEveryWeight(net, new double[] {1}, "sigmoid/CE");
        assertSumIsBackpropForEveryWeight(net(Activation.sigmoid(), Activation.sigmoid(), Loss.MSE, 2, 8),
                new double[] {0.9, 0.1}, "sigmoid/MSE");
    }

    @Test
    void softmaxPathsGoThroughTheWholeJacobian() {
        Network net = net(Activation.tanh(), Activation.softmax(), Loss.SOFTMAX_CROSS_ENTROPY, 2, 4);
        assertSumIsBackpropForEveryWeight(net, new double[] {0, 1}, "softmax/CE");
        PathSum last = PathSum.of(net, X, new double[] {0, 1}, 3, 1, 2);
        assertEquals(2, last.paths().size(), "a_{1,3} reaches the loss through o_1 and o_2");
        List<PathSum.Factor> factors = last.paths().get(1).factors();
        assertEquals("\\partial o_{2}/\\partial a_{1,3}", factors.get(1).symbol());
        assertEquals("\\partial L/\\partial o_{2}", factors.get(2).symbol());
    }

    @Test
    void onePathsFactorsAreTheCoursesWorkedOutByHand() {
        Network net = net(Activation.tanh(), Activation.tanh(), Loss.MSE, 2, 3);
        double[] y = {1, -1};
        // Forward by hand: a_l = W_l h_{l−1} + b_l, h_l = tanh a_l.
        double[][] h = new double[4][], a = new double[4][];
        h[0] = X;
        for (int l = 1; l <= 3; l++) {
            a[l] = new double[2];
            h[l] = new double[2];
            for (int i = 0; i < 2; i++) {
                a[l][i] = net.layer(l).b().get(i, 0);
                for (int j = 0; j < 2; j++) a[l][i] += net.layer(l).W().get(i, j) * h[l - 1][j];
                h[l][i] = Math.tanh(a[l][i]);
            }
        }
        // The path w_{1,21} → neuron 2 of layer 1 → neuron 1 of layer 2 → o_2.
        PathSum sum = PathSum.of(net, X, y, 1, 2, 1);
        assertEquals(4, sum.paths().size());
        PathSum.Path path = sum.paths().get(1);
        assertEquals(List.of(2, 1, 2), path.neurons());
        double[] expected = {
            h[0][0],                                  // h_{1,0} = x_1
            1 - h[1][1] * h[1][1],                    // Φ'_1(a_{2,1})
            net.layer(2).W().get(0, 1),               // w_{2,12}
            1 - h[2][0] * h[2][0],                    // Φ'_2(a_{1,2})
            net.layer(3).W().get(1, 0),               // w_{3,21}
            1 - h[3][1] * h[3][1],                    // Φ'_3(a_{2,3})
            h[3][1] - y[1],                           // ∂ℓ/∂o_2 = o_2 − y_2
        };
        double[] actual = path.factors().stream().mapToDouble(PathSum.Factor::value).toArray();
        assertArrayEquals(expected, actual, 1e-15);
        assertEquals(List.of("h_{1,0}", "\\Phi'_{1}(a_{2,1})", "w_{2,12}", "\\Phi'_{2}(a_{1,2})", "w_{3,21}",
                "\\Phi'_{3}(a_{2,3})", "\\partial L/\\partial o_{2}"), path.factors().stream().map(PathSum.Factor::symbol).toList());
        double product = 1;
        for (double f : expected) product *= f;
        assertEquals(product, path.product(), 1e-15);
    }

    @Test
    void refusesNetworksWithTooManyPaths() {
        NetworkSpec spec = NetworkSpec.input(2).dense(30, Activation.tanh()).dense(30, Activation.tanh())
                .dense(30, Activation.tanh()).dense(30, Activation.tanh()).dense(1, Activation.tanh()).loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathSum.of(net, X, new double[] {1}, 1, 1, 1));
        assertTrue(e.getMessage().contains("27000 paths"), e.getMessage());
        assertEquals(30, PathSum.of(net, X, new double[] {1}, 3, 1, 1).paths().size(), "the last layers are few enough");
    }

    @Test
    void refusesBatchNormAndWeightsTheNetworkLacks() {
        NetworkSpec spec = NetworkSpec.input(2).dense(2, Activation.tanh()).batchNorm().dense(1, Activation.tanh()).loss(Loss.MSE);
        Network bn = Network.create(spec, Initializer.XAVIER_UNIFORM, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PathSum.of(bn, X, new double[] {1}, 2, 1, 1))
                .getMessage().contains("batch normalisation"));
        Network net = net(Activation.tanh(), Activation.tanh(), Loss.MSE, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> PathSum.of(net, X, new double[] {1, 1}, 1, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> PathSum.of(net, X, new double[] {1, 1}, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PathSum.of(net, X, new double[] {1}, 1, 1, 1));
    }
}
