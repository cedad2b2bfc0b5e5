package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Schedule;
import org.mlplayground.optim.Sgd;

/**
 * The numbers of a traced step are the course's formulas (COURSE.md §2–3), recomputed here entry by entry with
 * plain loops from the trace's own inputs: a_l = W_l h_{l−1} + b_l, h_l = Φ_l(a_l), the next layer's input
 * m ⊙ h_l, ∂ℓ/∂h_l = m ⊙ W_{l+1}^T δ_{l+1}, δ_l = Φ'_l(a_l) ⊙ ∂ℓ/∂h_l, ∂L/∂W_l = (1/B) δ_l h_{l−1}^T, and the
 * gradient the optimizer got = ∂L/∂W_l + (λ/n) W_l. And they are the engine's: a fresh backward pass of
 * {@code before} with the trace's batch and masks gives the same numbers bit for bit.
 */
class BackpropTraceNumbersTest {
    private static final Dataset TRAIN = Generators.xor(40, 0.1, 4);
    private static final double LAMBDA = 0.3;

    private static BackpropTrace traceOfSecondStep() {
        NetworkSpec spec = NetworkSpec.input(2).dense(5, Activation.tanh()).dense(4, Activation.softplus())
                .dense(1, Activation.identity()).loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.1, 8);
        TrainingSettings settings = new TrainingSettings(Sgd.Settings.DEFAULTS, new Schedule.Constant(0.05), 10,
                new Clipping.None(), null, new Regularization(new Penalty.L2(LAMBDA), List.of(0.4, 0.3)), Augmentation.NONE, null);
        Trainer trainer = new Trainer(net, TRAIN, null, settings, 21);
        trainer.step();
        return trainer.traceStep();
    }

    @Test
    void forwardQuantitiesAreTheFormulas() {
        BackpropTrace t = traceOfSecondStep();
        int B = t.batchSize();
        assertEquals(10, B);
        for (int l = 1; l <= 3; l++) {
            BackpropTrace.LayerTrace layer = t.layer(l);
            Activation phi = t.before().layer(l).phi();
            DMatrixRMaj W = layer.W(), h = layer.hPrev();
            for (int i = 0; i < W.numRows; i++) {
                for (int c = 0; c < B; c++) {
                    double a = layer.b().get(i, 0);
                    for (int j = 0; j < W.numCols; j++) a += W.get(i, j) * h.get(j, c);
                    assertEquals(a, layer.a().get(i, c), 1e-12, "a_" + l);
                    assertEquals(phi.phi(a), layer.h().get(i, c), 1e-12, "h_" + l);
                    if (l < 3) {
                        // The next layer's input is m ⊙ h_l.
                        assertEquals(layer.mask().get(i, c) * layer.h().get(i, c), t.layer(l + 1).hPrev().get(i, c), 1e-15);
                    }
                }
            }
        }
        assertEquals(t.x().get(1, 3), t.layer(1).hPrev().get(1, 3), 0.0, "h_0 = x");
        double loss = 0;
        for (int c = 0; c < B; c++) loss += 0.5 * Math.pow(t.layer(3).h().get(0, c) - t.y().get(0, c), 2);
        assertEquals(loss / B, t.loss(), 1e-14, "L = (1/B) Σ ½(o − y)²");
    }

    @Test
    void backwardQuantitiesAreTheFormulas() {
        BackpropTrace t = traceOfSecondStep();
        int B = t.batchSize();
        BackpropTrace.LayerTrace out = t.layer(3);
        for (int c = 0; c < B; c++) {
            double o = out.h().get(0, c), y = t.y().get(0, c);
            assertEquals(o - y, t.dLdo().get(0, c), 1e-15, "∂ℓ/∂o = o − y");
            assertEquals(o - y, out.dLdh().get(0, c), 1e-15);
            assertEquals(o - y, out.delta().get(0, c), 1e-15, "δ_L = Φ'(a) (o − y) with Φ' = 1");
        }
        for (int l = 2; l >= 1; l--) {
            BackpropTrace.LayerTrace layer = t.layer(l), above = t.layer(l + 1);
            Activation phi = t.before().layer(l).phi();
            for (int i = 0; i < layer.a().numRows; i++) {
                for (int c = 0; c < B; c++) {
                    double back = 0;   // (W_{l+1}^T δ_{l+1})_i: the i-th column of W_{l+1}
                    for (int k = 0; k < above.W().numRows; k++) back += above.W().get(k, i) * above.delta().get(k, c);
                    double dLdh = layer.mask().get(i, c) * back;
                    assertEquals(dLdh, layer.dLdh().get(i, c), 1e-14, "∂ℓ/∂h_" + l);
                    double phiPrime = phi.phiPrime(layer.a().get(i, c), layer.h().get(i, c));
                    assertEquals(phiPrime, layer.phiPrime().get(i, c), 1e-15, "Φ'_" + l);
                    assertEquals(phiPrime * dLdh, layer.delta().get(i, c), 1e-14, "δ_" + l);
                }
            }
        }
        int n = TRAIN.size();
        int block = 0;
        for (int l = 1; l <= 3; l++) {
            BackpropTrace.LayerTrace layer = t.layer(l);
            for (int i = 0; i < layer.W().numRows; i++) {
                double dLdb = 0;
                for (int c = 0; c < B; c++) dLdb += layer.delta().get(i, c);
                assertEquals(dLdb / B, layer.dLdb().get(i, 0), 1e-14, "∂L/∂b_" + l);
                assertEquals(dLdb / B, t.gradients().get(block + 1)[i], 1e-14, "no penalty on b_" + l);
                for (int j = 0; j < layer.W().numCols; j++) {
                    double dLdW = 0;   // erratum: ∂L/∂w_{l,ij} = δ_{i,l} h_{j,l−1}
                    for (int c = 0; c < B; c++) dLdW += layer.delta().get(i, c) * layer.hPrev().get(j, c);
                    assertEquals(dLdW / B, layer.dLdW().get(i, j), 1e-14, "∂L/∂W_" + l);
                    double withPenalty = dLdW / B + LAMBDA / n * layer.W().get(i, j);
                    assertEquals(withPenalty, t.gradients().get(block)[i * layer.W().numCols + j], 1e-14, "∂C/∂W_" + l);
                }
            }
            block += 2;
        }
    }

    @Test
    void theTracedNumbersAreWhatTheEngineComputesFromBefore() {
        BackpropTrace t = traceOfSecondStep();
        Network replay = t.before().copy();
        for (int l = 1; l <= 2; l++) replay.setDropoutMask(l, t.layer(l).mask());
        double loss = replay.backprop(t.x(), t.y());
        assertEquals(Double.doubleToLongBits(t.loss()), Double.doubleToLongBits(loss));
        for (int l = 1; l <= 3; l++) {
            BackpropTrace.LayerTrace layer = t.layer(l);
            assertArrayEquals(replay.layer(l).a().data, layer.a().data, "a_" + l);
            assertArrayEquals(replay.layer(l).delta().data, layer.delta().data, "δ_" + l);
            assertArrayEquals(replay.layer(l).dLdW().data, layer.dLdW().data, "∂L/∂W_" + l);
            assertArrayEquals(replay.layer(l).dLdb().data, layer.dLdb().data, "∂L/∂b_" + l);
        }
    }

    @Test
    void fusedLossesShowDerivativeOfTheLossWithRespectToTheOutput() {
        NetworkSpec spec = NetworkSpec.input(2).dense(3, Activation.tanh()).dense(3, Activation.softmax())
                .loss(Loss.SOFTMAX_CROSS_ENTROPY);
        Dataset blobs = Generators.blobs(30, 3, 0.2, 2);
        Trainer trainer = new Trainer(Network.create(spec, Initializer.XAVIER_UNIFORM, 3), blobs, 6, 0.1, 3);
        BackpropTrace t = trainer.traceStep();
        for (int c = 0; c < 6; c++) {
            for (int k = 0; k < 3; k++) {
                double o = t.layer(2).h().get(k, c), y = t.y().get(k, c);
                assertEquals(-y / o, t.dLdo().get(k, c), 1e-12, "∂ℓ/∂o_k = −y_k/o_k");
                assertEquals(o - y, t.layer(2).delta().get(k, c), 1e-15, "δ_L = o − y");
                assertEquals(o * (1 - o), t.layer(2).phiPrime().get(k, c), 1e-15, "diagonal of the softmax Jacobian");
            }
        }
        assertNotNull(t.layer(2).dLdh());
        assertNull(t.layer(1).mask());
    }
}
