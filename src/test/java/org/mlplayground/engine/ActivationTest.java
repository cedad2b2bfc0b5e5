package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Φ against its definition (COURSE.md §1) and each Φ' against a difference quotient of Φ. */
class ActivationTest {
    private static final double EXACT = 1e-15;

    static Stream<Named<Activation>> elementwise() {
        return Activation.elementwiseChoices().stream().map(phi -> Named.of(phi.name(), phi));
    }

    // ---------------------------------------------------------------------------------------------
    // Φ at hand-computed points.

    @Test
    void identityReturnsItsArgument() {
        Activation phi = Activation.identity();
        assertEquals(2.5, phi.phi(2.5));
        assertEquals(-7.0, phi.phi(-7.0));
    }

    @Test
    void signIsMinusOneZeroOrOne() {
        Activation phi = Activation.sign();
        assertEquals(-1.0, phi.phi(-3.2));
        assertEquals(0.0, phi.phi(0.0));
        assertEquals(1.0, phi.phi(1e-9));
    }

    @Test
    void sigmoidOfZeroIsHalfAndOfLogThreeIsThreeQuarters() {
        Activation phi = Activation.sigmoid();
        assertEquals(0.5, phi.phi(0.0), EXACT);
        assertEquals(0.75, phi.phi(Math.log(3)), EXACT);    // 1 / (1 + 1/3)
        assertEquals(0.25, phi.phi(-Math.log(3)), EXACT);   // 1 / (1 + 3)
    }

    @Test
    void tanhOfLogTwoIsThreeFifths() {
        Activation phi = Activation.tanh();
        assertEquals(0.6, phi.phi(Math.log(2)), EXACT);     // (4 − 1) / (4 + 1)
        assertEquals(-0.6, phi.phi(-Math.log(2)), EXACT);
        assertEquals(0.0, phi.phi(0.0), EXACT);
    }

    @Test
    void reluKeepsPositivesAndZeroesNegatives() {
        Activation phi = Activation.relu();
        assertEquals(3.0, phi.phi(3.0));
        assertEquals(0.0, phi.phi(-2.0));
        assertEquals(0.0, phi.phi(0.0));
    }

    @Test
    void leakyReluScalesNegativesByItsSlope() {
        assertEquals(-0.02, Activation.leakyRelu().phi(-2.0), EXACT);   // default slope 0.01
        assertEquals(3.0, Activation.leakyRelu().phi(3.0));
        assertEquals(-0.5, Activation.leakyRelu(0.25).phi(-2.0), EXACT);
    }

    @Test
    void eluOfMinusLogTwoIsMinusHalf() {
        assertEquals(-0.5, Activation.elu().phi(-Math.log(2)), EXACT);  // 1·(e^−ln 2 − 1)
        assertEquals(2.0, Activation.elu().phi(2.0));
        assertEquals(-1.5, new Activation.Elu(2.0).phi(-Math.log(4)), EXACT); // 2·(¼ − 1)
    }

    @Test
    void hardTanhClipsToMinusOneOne() {
        Activation phi = Activation.hardTanh();
        assertEquals(0.3, phi.phi(0.3));
        assertEquals(1.0, phi.phi(2.0));
        assertEquals(-1.0, phi.phi(-5.0));
    }

    @Test
    void softplusOfZeroIsLogTwoAndOfLogThreeIsLogFour() {
        Activation phi = Activation.softplus();
        assertEquals(Math.log(2), phi.phi(0.0), EXACT);
        assertEquals(Math.log(4), phi.phi(Math.log(3)), EXACT);   // log(1 + 3)
        assertEquals(Math.log(4.0 / 3), phi.phi(-Math.log(3)), EXACT); // log(1 + 1/3)
    }

    @Test
    void softmaxOfAColumnIsItsNormalisedExponentials() {
        // Column 0: logits (0, ln 2, ln 5) → (1, 2, 5)/8; column 1: three equal logits → ⅓ each.
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{0, 7}, {Math.log(2), 7}, {Math.log(5), 7}});
        DMatrixRMaj o = new DMatrixRMaj(1, 1);

        Activation.softmax().phi(a, o);

        assertEquals(1.0 / 8, o.get(0, 0), EXACT);
        assertEquals(2.0 / 8, o.get(1, 0), EXACT);
        assertEquals(5.0 / 8, o.get(2, 0), EXACT);
        for (int r = 0; r < 3; r++) assertEquals(1.0 / 3, o.get(r, 1), EXACT);
    }

    // ---------------------------------------------------------------------------------------------
    // Φ' against (Φ(v + h) − Φ(v − h)) / 2h.

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void derivativeMatchesCentralDifferenceAtSmoothPoints(Activation phi) {
        // Away from every kink (0 for relu/leaky-relu/elu/sign, ±1 for hard tanh).
        double[] points = {-4.1, -2.3, -1.4, -0.7, -0.2, 0.3, 0.8, 1.6, 2.2, 5.0};
        double h = 1e-5;   // central error h²Φ'''/6 ≈ 2e-11, rounding ε/h ≈ 2e-11
        for (double v : points) {
            double quotient = (phi.phi(v + h) - phi.phi(v - h)) / (2 * h);
            assertEquals(quotient, phi.phiPrime(v, phi.phi(v)), 1e-9, phi.name() + "' at " + v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void matrixFormAgreesWithScalarForm(Activation phi) {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-3, -0.5, 0.25}, {0.9, 1.7, 40}});
        DMatrixRMaj h = new DMatrixRMaj(1, 1), prime = new DMatrixRMaj(1, 1);

        phi.phi(a, h);
        phi.phiPrime(a, h, prime);

        for (int i = 0; i < a.getNumElements(); i++) {
            assertEquals(phi.phi(a.get(i)), h.get(i), "Φ at " + a.get(i));
            assertEquals(phi.phiPrime(a.get(i), phi.phi(a.get(i))), prime.get(i), "Φ' at " + a.get(i));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The fast formulas against the library ones.

    @Test
    void fastTanhStaysWithin1e12OfMathTanhAcrossMinus30To30() {
        double worst = 0;
        for (int k = -3_000_000; k <= 3_000_000; k++) {
            double v = k * 1e-5;
            worst = Math.max(worst, Math.abs(Activation.tanh().phi(v) - Math.tanh(v)));
        }
        assertTrue(worst < 1e-12, "largest deviation " + worst);
    }

    @Test
    void fastTanhIsExactEnoughAtTheExtremes() {
        double[] extremes = {1e-300, -1e-300, 1e-8, -1e-8, 19, -19, 19.999, 20, -20, 20.001, 21, -21, 1000, -1000,
                Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double v : extremes) {
            assertEquals(Math.tanh(v), Activation.tanh().phi(v), 1e-12, "tanh " + v);
        }
        assertEquals(1.0, Activation.tanh().phi(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Activation.tanh().phi(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Activation.tanh().phi(Double.NaN)), "tanh NaN is NaN");
    }

    @Test
    void sigmoidStaysWithin1e12OfHalfPlusHalfTanhOfHalf() {
        // σ(v) = (1 + tanh(v/2)) / 2: an independent formula, through the library's tanh.
        double worst = 0;
        for (int k = -1_000_000; k <= 1_000_000; k++) {
            double v = k * 5e-5;
            worst = Math.max(worst, Math.abs(Activation.sigmoid().phi(v) - 0.5 * (1 + Math.tanh(v / 2))));
        }
        assertTrue(worst < 1e-12, "largest deviation " + worst);
        assertEquals(1.0, Activation.sigmoid().phi(1000), 1e-12);
        assertEquals(0.0, Activation.sigmoid().phi(-1000), 1e-12);
    }

    @Test
    void sigmoidDerivativePeaksAtAQuarterAtZero() {
        Activation sigmoid = Activation.sigmoid();
        assertEquals(0.25, sigmoid.phiPrime(0, sigmoid.phi(0)), EXACT);
        for (int k = -20_000; k <= 20_000; k++) {
            double v = k * 1e-3;
            assertTrue(sigmoid.phiPrime(v, sigmoid.phi(v)) <= 0.25, "σ' above ¼ at " + v);
        }
    }

    @Test
    void softplusIsFiniteAndExactForHugeArguments() {
        Activation softplus = Activation.softplus();
        assertEquals(1000.0, softplus.phi(1000), 1e-12);   // 1000 + log(1 + e^−1000)
        assertEquals(0.0, softplus.phi(-1000), 1e-12);     // log(1 + e^−1000) ≈ e^−1000
        assertEquals(Math.log1p(Math.exp(3.7)), softplus.phi(3.7), 1e-14);
        assertEquals(Math.log1p(Math.exp(-3.7)), softplus.phi(-3.7), 1e-14);
    }

    // ---------------------------------------------------------------------------------------------
    // Names and parameters.

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void byNameFindsEveryActivationByItsName(Activation phi) {
        assertEquals(phi, Activation.byName(phi.name()));
    }

    @Test
    void unknownActivationNameIsRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.byName("swish"));
        assertTrue(e.getMessage().contains("swish") && e.getMessage().contains("tanh"), e.getMessage());
    }

    @Test
    void leakyReluSlopeOfOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(1.0));
        assertTrue(e.getMessage().contains("slope"), e.getMessage());
    }
}
