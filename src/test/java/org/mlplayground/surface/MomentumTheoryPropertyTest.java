package org.mlplayground.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** BowlTheory's closed forms against EJML's general eigenvalue solver, on random settings. */
class MomentumTheoryPropertyTest {

    /** The spectral radius of momentum's iteration matrix [[1 + β − γλ, −β], [1, 0]] (acting on (e_k, e_{k−1})). */
    private static double spectralRadius(double gamma, double beta, double lambda) {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1 + beta - gamma * lambda, -beta}, {1, 0}});
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2, false);
        if (!eig.decompose(m)) throw new AssertionError("EJML could not decompose " + m);
        double radius = 0;
        for (int i = 0; i < 2; i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            radius = Math.max(radius, z.getMagnitude());
        }
        return radius;
    }

    @Property(tries = 3000, seed = "20261123")
    void momentumRateIsTheIterationMatrixsSpectralRadius(@ForAll @Scale(9) @DoubleRange(min = 0, max = 0.999) double beta,
            @ForAll @Scale(9) @DoubleRange(min = 1e-3, max = 10) double gamma, @ForAll @Scale(9) @DoubleRange(min = 1e-3, max = 1) double lambda) {
        assertEquals(spectralRadius(gamma, beta, lambda), BowlTheory.momentumRate(gamma, beta, lambda), 1e-6);
    }

    @Property(tries = 3000, seed = "20261124")
    void momentumConvergesExactlyWhenTheRateIsBelowOne(@ForAll @Scale(9) @DoubleRange(min = 0, max = 0.99) double beta,
            @ForAll @Scale(9) @DoubleRange(min = 1e-3, max = 5) double gammaLambda) {
        if (Math.abs(gammaLambda - (2 + 2 * beta)) < 1e-9) return; // the boundary itself, rate exactly 1
        boolean converges = BowlTheory.momentumConverges(gammaLambda, beta, 1);
        assertEquals(spectralRadius(gammaLambda, beta, 1) < 1, converges, "γλ = " + gammaLambda + ", β = " + beta);
    }

    @Property(tries = 1000, seed = "20261125")
    void withoutMomentumTheRateIsGradientDescents(@ForAll @Scale(9) @DoubleRange(min = 0.1, max = 1000) double a,
            @ForAll @Scale(9) @DoubleRange(min = 0.1, max = 1000) double b, @ForAll @Scale(9) @DoubleRange(min = 1e-5, max = 0.05) double gamma) {
        BowlTheory theory = BowlTheory.of(Surfaces.bowl(a, b, 0));
        assertEquals(theory.gdRate(gamma), theory.momentumRate(gamma, 0), 1e-12);
    }
}
