package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * {@link BackpropTrace#ofExample}: one example through a copy of the network, its update one plain
 * gradient-descent step; the live network is left exactly as it was.
 */
class BackpropTraceExampleTest {
    private static final NetworkSpec TANH = NetworkSpec.input(2).dense(4, Activation.tanh()).dense(3, Activation.tanh())
            .dense(1, Activation.tanh()).loss(Loss.MSE);

    private static List<double[]> values(Network net) {
        List<double[]> copy = new ArrayList<>();
        for (Parameter p : net.parameters()) copy.add(Arrays.copyOf(p.value(), p.size()));
        return copy;
    }

    @Test
    void theUpdateIsOneGradientDescentStepOfATrainerOnThatExampleAlone() {
        for (NetworkSpec spec : List.of(TANH, NetworkSpec.input(2).dense(4, Activation.sigmoid())
                .dense(3, Activation.softmax()).loss(Loss.SOFTMAX_CROSS_ENTROPY))) {
            Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.1, 4);
            double[] x = {0.7, -1.2};
            double label = spec.loss() == Loss.MSE ? -1 : 2;
            BackpropTrace trace = BackpropTrace.ofExample(net, new Dataset("one", new double[][] {x}, new double[] {label}), 0, 0.3);

            // Independently: a trainer with plain gradient descent, B = 1, on a data set of that one example.
            Network trained = net.copy();
            new Trainer(trained, new Dataset("one", new double[][] {x}, new double[] {label}), 1, 0.3, 1).step();
            List<double[]> expected = values(trained), actual = values(trace.after());
            for (int b = 0; b < expected.size(); b++) assertArrayEquals(expected.get(b), actual.get(b), spec.loss() + " block " + b);
            assertEquals(0, trace.step());
            assertEquals(1, trace.batchSize());
            assertArrayEquals(new int[] {0}, trace.examples());
            assertEquals("Gradient descent", trace.optimizer());
            assertTrue(trace.maxRelativeError() < 1e-6, "gradient check " + trace.maxRelativeError());
        }
    }

    @Test
    void theGradientOfALinearNeuronIsWorkedOutByHand() {
        // o = a = w1 x1 + w2 x2 + b, ℓ = ½(o − y)²: ∂ℓ/∂w_j = (o − y) x_j, ∂ℓ/∂b = o − y.
        NetworkSpec spec = NetworkSpec.input(2).dense(1, Activation.identity()).loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0, 1);
        net.layer(1).W().set(0, 0, 0.5);
        net.layer(1).W().set(0, 1, -2);
        net.layer(1).b().set(0, 0, 0.25);
        BackpropTrace trace = BackpropTrace.ofExample(net, new double[] {3, 1}, new double[] {1}, 0.1);
        double o = 0.5 * 3 - 2 * 1 + 0.25;   // −0.25
        assertEquals(o, trace.layer(1).a().get(0, 0), 0.0);
        assertEquals(0.5 * (o - 1) * (o - 1), trace.loss(), 1e-15);
        assertArrayEquals(new double[] {(o - 1) * 3, (o - 1) * 1}, trace.gradients().get(0), 1e-15);
        assertArrayEquals(new double[] {o - 1}, trace.gradients().get(1), 1e-15);
        assertEquals(0.5 - 0.1 * (o - 1) * 3, trace.after().layer(1).W().get(0, 0), 1e-15);
        assertEquals(0.25 - 0.1 * (o - 1), trace.after().layer(1).b().get(0, 0), 1e-15);
        assertEquals(0.5, trace.before().layer(1).W().get(0, 0), 0.0);
        assertEquals(0, trace.examples().length);
    }

    @Test
    void theLiveNetworkIsNotTouched() {
        Network net = Network.create(TANH, Initializer.XAVIER_UNIFORM, 0.1, 4);
        net.setDropout(1, 0.5);
        Dataset data = Generators.circle(20, 0.1, 2);
        net.drawDropoutMasks(20, new java.util.SplittableRandom(1));
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(2, 20), y = new org.ejml.data.DMatrixRMaj(1, 20);
        Batches.gatherInputs(data, Batches.identityOrder(20), 0, 20, x);
        Batches.gatherTargets(data, Batches.identityOrder(20), 0, 20, Loss.MSE, 1, y);
        net.backprop(x, y);   // a cached pass that a view may be showing
        List<double[]> weights = values(net);
        double[] a = net.layer(2).a().data.clone(), delta = net.layer(1).delta().data.clone(), mask = net.layer(1).dropoutMask().data.clone();
        double lastLoss = net.lastLoss();

        BackpropTrace trace = BackpropTrace.ofExample(net, data, 3, 0.5);

        List<double[]> after = values(net);
        for (int b = 0; b < weights.size(); b++) assertArrayEquals(weights.get(b), after.get(b));
        assertArrayEquals(a, net.layer(2).a().data);
        assertArrayEquals(delta, net.layer(1).delta().data);
        assertArrayEquals(mask, net.layer(1).dropoutMask().data);
        assertEquals(lastLoss, net.lastLoss(), 0.0);
        assertEquals(0.5, net.layer(1).dropoutRate());
        // The example's pass ran without dropout; the copies keep the network's rate.
        assertEquals(null, trace.layer(1).mask());
        assertEquals(0.5, trace.before().layer(1).dropoutRate());
        assertEquals(0.5, trace.after().layer(1).dropoutRate());
        assertEquals(data.y()[3], trace.y().get(0, 0), 0.0);
    }

    @Test
    void theTargetIsTheOneTheLossSees() {
        NetworkSpec spec = NetworkSpec.input(2).dense(2, Activation.tanh()).dense(1, Activation.sigmoid())
                .loss(Loss.SIGMOID_CROSS_ENTROPY);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 2);
        Dataset data = new Dataset("two", new double[][] {{1, 2}, {3, 4}}, new double[] {-1, 1});
        assertEquals(0, BackpropTrace.ofExample(net, data, 0, 0.1).y().get(0, 0), 0.0);
        assertEquals(1, BackpropTrace.ofExample(net, data, 1, 0.1).y().get(0, 0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> BackpropTrace.ofExample(net, data, 2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> BackpropTrace.ofExample(net, new double[] {1}, new double[] {1}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> BackpropTrace.ofExample(net, new double[] {1, 2}, new double[] {1}, -1));
    }
}
