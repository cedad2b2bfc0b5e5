package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelInferenceTest {

    private static final NetworkSpec SPEC = NetworkSpec.input(2)
            .dense(8, Activation.tanh())
            .dense(5, Activation.relu())
            .dense(1, Activation.tanh())
            .loss(Loss.MSE);

    /** Chunked, parallel evaluation must not change a single bit of any neuron's output. */
    @ParameterizedTest(name = "{0} inputs")
    @ValueSource(ints = {1, ParallelInference.CHUNK - 1, ParallelInference.CHUNK, 2 * ParallelInference.CHUNK + 17, 40_000})
    void everyNeuronMatchesSerialInferenceExactly(int n) {
        Network net = Network.create(SPEC, Initializer.XAVIER_UNIFORM, 0.1, 5);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(2, n, -6, 6, new Random(n));

        Inference serial = new Inference(SPEC);
        serial.run(net, x);
        ParallelInference parallel = new ParallelInference(SPEC);
        parallel.run(net, x);

        for (int l = 1; l <= SPEC.depth(); l++) {
            assertEquals(SPEC.size(l), parallel.h(l).numRows);
            assertEquals(n, parallel.h(l).numCols);
            assertArrayEquals(serial.h(l).data, java.util.Arrays.copyOf(parallel.h(l).data, SPEC.size(l) * n),
                    0.0, "layer " + l);
        }
    }

    @ParameterizedTest(name = "reused for {0} inputs after 5000")
    @ValueSource(ints = {3, 3000})
    void aSmallerSecondRunGivesOnlyItsOwnColumns(int n) {
        Network net = Network.create(SPEC, Initializer.HE_NORMAL, 9);
        ParallelInference parallel = new ParallelInference(SPEC);
        parallel.run(net, RandomMatrices_DDRM.rectangle(2, 5000, -6, 6, new Random(1)));
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(2, n, -6, 6, new Random(2));
        DMatrixRMaj o = parallel.run(net, x);
        for (int c = 0; c < n; c++) {
            assertEquals(net.predict(x.get(0, c), x.get(1, c))[0], o.get(0, c), 0.0);
        }
    }
}
