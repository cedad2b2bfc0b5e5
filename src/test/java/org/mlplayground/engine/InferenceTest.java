package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link Inference} computes the same forward pass as {@link Network#forward} in buffers of its own. */
class InferenceTest {
    private static final NetworkSpec SPEC = NetworkSpec.input(3)
            .dense(6, Activation.tanh())
            .dense(5, Activation.relu())
            .dense(4, Activation.softmax())
            .loss(Loss.SOFTMAX_CROSS_ENTROPY);

    private static DMatrixRMaj randomBatch(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.set(i, 3 * random.nextGaussian());
        return m;
    }

    @Test
    void inferenceOutputIsBitIdenticalToNetworkForward() {
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 0.1, 3);
        DMatrixRMaj x = randomBatch(3, 50, 4);

        DMatrixRMaj expected = net.forward(x).copy();
        Inference inference = new Inference(SPEC);
        DMatrixRMaj o = inference.run(net, x);

        assertSameEntries(expected, o, "o");
        for (int l = 1; l <= net.depth(); l++) assertSameEntries(net.layer(l).h(), inference.h(l), "h_" + l);
    }

    @Test
    void inferenceLeavesTheNetworksCachedPassUntouched() {
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 0.1, 5);
        DMatrixRMaj x = randomBatch(3, 8, 6);
        DMatrixRMaj y = new DMatrixRMaj(4, 8);
        for (int c = 0; c < 8; c++) y.set(c % 4, c, 1);
        net.backprop(x, y);
        List<DMatrixRMaj> before = cachedPass(net);

        // A different batch size as well, so a shared buffer would be reshaped, not only overwritten.
        new Inference(SPEC).run(net, randomBatch(3, 21, 7));

        List<DMatrixRMaj> after = cachedPass(net);
        for (int k = 0; k < before.size(); k++) assertSameEntries(before.get(k), after.get(k), "cached matrix " + k);
    }

    /** Same shape and bit-identical entries. */
    private static void assertSameEntries(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, "rows of " + what);
        assertEquals(expected.numCols, actual.numCols, "columns of " + what);
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertEquals(Double.doubleToLongBits(expected.get(i)), Double.doubleToLongBits(actual.get(i)),
                    what + " entry " + i);
        }
    }

    /** Copies of h_0 and every layer's a, h, Φ', δ, ∂L/∂W and ∂L/∂b. */
    private static List<DMatrixRMaj> cachedPass(Network net) {
        List<DMatrixRMaj> all = new ArrayList<>();
        all.add(net.input().copy());
        for (int l = 1; l <= net.depth(); l++) {
            DenseLayer layer = net.layer(l);
            for (DMatrixRMaj m : List.of(layer.hPrev(), layer.a(), layer.h(), layer.phiPrime(), layer.delta(),
                    layer.dLdW(), layer.dLdb())) {
                all.add(m.copy());
            }
        }
        return all;
    }
}
