package org.mlplayground.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Network;
import org.mlplayground.train.Trainer;

/** The norms and the update ratio against sums written out by hand from the engine's matrices. */
class GradientHealthUpdateRatioTest {

    private static double sumOfSquares(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) s += m.data[i] * m.data[i];
        return s;
    }

    @Test
    void updateRatioOfPlainGradientDescentIsGammaTimesGradientOverWeights() {
        Trainer trainer = HealthPreset.TANH_XAVIER.trainer();
        double gamma = trainer.learningRate();
        assertEquals(0.03, gamma);
        for (int k = 0; k < 3; k++) {
            Network net = trainer.network();
            List<double[]> before = GradientHealth.weightsOf(net);
            trainer.step();
            GradientHealth health = GradientHealth.measure(net, trainer.stepCount(), before);
            for (int l = 1; l <= net.depth(); l++) {
                // ‖ΔW‖/‖W‖ = ‖γ ∂L/∂W‖/‖W‖ for w ← w − γ ∂L/∂W, with W before the step.
                double w2 = 0;
                for (double w : before.get(l - 1)) w2 += w * w;
                double expected = gamma * Math.sqrt(sumOfSquares(net.layer(l).dLdW())) / Math.sqrt(w2);
                assertEquals(expected, health.layer(l).updateToWeight(), 1e-12 * expected, "layer " + l);
                assertEquals(Math.sqrt(w2), health.layer(l).weightNorm(), 1e-12 * Math.sqrt(w2));
            }
        }
    }

    @Test
    void gradientAndDeltaNormsAreFrobeniusNormsWithDeltaOverRootB() {
        Trainer trainer = HealthPreset.RELU_HE.trainer();
        trainer.step();
        GradientHealth health = GradientHealth.measure(trainer.network(), trainer.stepCount());
        for (int l = 1; l <= health.depth(); l++) {
            DenseLayer layer = trainer.network().layer(l);
            double dLdW = Math.sqrt(sumOfSquares(layer.dLdW()));
            double delta = Math.sqrt(sumOfSquares(layer.delta()) / 10);   // B = 10
            assertEquals(dLdW, health.layer(l).dLdWNorm(), 1e-14 * dLdW);
            assertEquals(delta, health.layer(l).deltaNorm(), 1e-14 * delta);
            assertTrue(Double.isNaN(health.layer(l).updateToWeight()), "no weights before the step: no ratio");
        }
    }

    @Test
    void aTracedStepMeasuresAsTheStepItself() {
        Trainer traced = HealthPreset.SIGMOID_SMALL_GAUSSIAN_BATCH_NORM.trainer();
        Trainer plain = HealthPreset.SIGMOID_SMALL_GAUSSIAN_BATCH_NORM.trainer();
        List<double[]> before = GradientHealth.weightsOf(plain.network());
        plain.step();
        GradientHealth expected = GradientHealth.measure(plain.network(), plain.stepCount(), before);
        GradientHealth fromTrace = GradientHealth.of(traced.traceStep());
        assertEquals(expected.step(), fromTrace.step());
        for (int l = 1; l <= expected.depth(); l++) {
            GradientHealth.LayerHealth want = expected.layer(l), got = fromTrace.layer(l);
            assertEquals(want.dLdWNorm(), got.dLdWNorm(), 1e-15 * want.dLdWNorm());
            assertEquals(want.deltaNorm(), got.deltaNorm(), 1e-15 * want.deltaNorm());
            assertEquals(want.updateToWeight(), got.updateToWeight(), 1e-12 * want.updateToWeight());
            assertEquals(want.saturation(), got.saturation());
            assertEquals(want.a(), got.a(), "the batch-norm layer's histogram is of z_l");
            assertEquals(want.h(), got.h());
            assertEquals(want.phiPrime(), got.phiPrime());
        }
    }

    @Test
    void normsOfHugeValuesStayFinite() {
        double[] v = {3e200, 4e200};
        assertEquals(5e200, GradientHealth.norm(v, 2), 1e186);
        assertEquals(0, GradientHealth.norm(new double[] {0, 0}, 2));
        assertTrue(Double.isNaN(GradientHealth.norm(new double[] {1, Double.NaN}, 2)));
    }
}
