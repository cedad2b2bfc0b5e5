package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** COURSE.md §2: with identity activations and no biases the whole net is one matrix W* = W_L ⋯ W_1. */
class IdentityCollapseTest {

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void identityNetWithoutBiasesEqualsTheProductOfItsWeightMatrices(int depth) {
        SplittableRandom random = new SplittableRandom(depth);
        NetworkSpec.Builder builder = NetworkSpec.input(3);
        for (int l = 1; l <= depth; l++) builder.dense(2 + random.nextInt(5), Activation.identity(), false);
        NetworkSpec spec = builder.loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.UNIFORM, depth);

        DMatrixRMaj product = net.layer(1).W().copy();
        for (int l = 2; l <= depth; l++) {
            DMatrixRMaj next = new DMatrixRMaj(1, 1);
            CommonOps_DDRM.mult(net.layer(l).W(), product, next);   // W* ← W_l W*
            product = next;
        }
        DMatrixRMaj x = new DMatrixRMaj(3, 7);
        for (int i = 0; i < x.getNumElements(); i++) x.set(i, 4 * random.nextDouble() - 2);
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(product, x, expected);

        DMatrixRMaj o = net.forward(x);

        assertEquals(expected.numRows, o.numRows);
        assertEquals(expected.numCols, o.numCols);
        for (int i = 0; i < o.getNumElements(); i++) assertEquals(expected.get(i), o.get(i), 1e-12, "entry " + i);
    }
}
