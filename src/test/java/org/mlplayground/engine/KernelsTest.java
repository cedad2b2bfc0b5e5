package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's own products must give exactly what EJML's reference operations give. */
class KernelsTest {

    private static final java.util.Random RANDOM = new java.util.Random(11);

    private static DMatrixRMaj random(int rows, int cols) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -3, 3, RANDOM);
    }

    @ParameterizedTest(name = "W {0}×{1}, batch {2}")
    @CsvSource({"1,1,1", "8,2,10", "8,8,10", "1,8,7", "5,3,3", "16,16,33", "3,7,4", "2,1,10000"})
    void affineIsWTimesHPlusBiasExactlyAsEjml(int n, int m, int cols) {
        DMatrixRMaj W = random(n, m), h = random(m, cols), b = random(n, 1);
        DMatrixRMaj expected = new DMatrixRMaj(n, cols);
        CommonOps_DDRM.mult(W, h, expected);
        for (int i = 0; i < n; i++) for (int j = 0; j < cols; j++) expected.add(i, j, b.get(i));

        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        Kernels.affine(W, h, b, a);
        assertArrayEquals(expected.data, a.data, 0.0);

        CommonOps_DDRM.mult(W, h, expected);
        Kernels.affine(W, h, null, a);
        assertArrayEquals(expected.data, a.data, 0.0);
    }

    @ParameterizedTest(name = "W {0}×{1}, batch {2}")
    @CsvSource({"1,1,1", "8,8,10", "1,8,10", "8,2,5", "16,16,33", "3,7,4"})
    void multTransAIsWTransposedTimesDeltaExactlyAsEjml(int n, int m, int cols) {
        DMatrixRMaj W = random(n, m), d = random(n, cols);
        DMatrixRMaj expected = new DMatrixRMaj(m, cols);
        CommonOps_DDRM.multTransA(W, d, expected);
        DMatrixRMaj t = new DMatrixRMaj(1, 1);
        Kernels.multTransA(W, d, t);
        assertArrayEquals(expected.data, t.data, 0.0);
    }

    @ParameterizedTest(name = "δ {0}×{2}, h {1}×{2}")
    @CsvSource({"1,1,1", "8,8,10", "8,2,10", "1,8,10", "16,16,33", "3,7,4", "5,9,1"})
    void multTransBIsScaledOuterProductSumExactlyAsEjml(int n, int m, int cols) {
        DMatrixRMaj d = random(n, cols), h = random(m, cols);
        double alpha = 1.0 / cols;
        DMatrixRMaj expected = new DMatrixRMaj(n, m);
        CommonOps_DDRM.multTransB(alpha, d, h, expected);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        Kernels.multTransB(alpha, d, h, g);
        assertArrayEquals(expected.data, g.data, 0.0);
    }

    @ParameterizedTest(name = "mismatch {0}")
    @CsvSource({"affine", "transA", "transB"})
    void mismatchedShapesAreRejected(String which) {
        DMatrixRMaj W = random(3, 4), wrong = random(5, 6), out = new DMatrixRMaj(1, 1);
        assertThrows(IllegalArgumentException.class, () -> {
            switch (which) {
                case "affine" -> Kernels.affine(W, wrong, null, out);
                case "transA" -> Kernels.multTransA(W, wrong, out);
                default -> Kernels.multTransB(1.0, W, wrong, out);
            }
        });
    }

}
