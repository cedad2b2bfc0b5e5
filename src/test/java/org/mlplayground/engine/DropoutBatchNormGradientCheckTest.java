package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backprop through dropout (with the mask held fixed, as within one training step) and through batch
 * normalisation (whose δ couples every example of the batch through μ_B and σ_B) against fourth-order
 * central differences of the training-pass loss. Smooth activations only, so every sample is valid.
 *
 * <p>The step is 1e-4, not the 1e-3 of {@link GradientCheckTest}: with a narrow batch the normalisation
 * 1/√(σ²_B + ε) bends the loss sharply (a neuron whose a varies by 0.02 over the batch changes its σ by
 * 5 % per 1e-3 of a weight) and the 1e-3 stencil's truncation error reached 1e-4 relative. At 1e-4 the
 * rounding noise is about 1.5 ε |L| / h ≈ 3e-12 |L|, so gradients below the floor of 1e-4 must agree to
 * 1e-10 absolute: the bias in front of batch norm, whose gradient is exactly 0 (μ_B subtracts it again),
 * is one of them.
 */
class DropoutBatchNormGradientCheckTest {
    private static final double STEP = 1e-4;
    private static final double TOLERANCE = 1e-6;
    private static final double FLOOR = 1e-4;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Activation hidden : List.of(Activation.tanh(), Activation.sigmoid(), Activation.softplus())) {
            for (Loss loss : List.of(Loss.MSE, Loss.SIGMOID_CROSS_ENTROPY, Loss.SOFTMAX_CROSS_ENTROPY)) {
                for (String variant : List.of("dropout", "batch norm", "both")) all.add(Arguments.of(hidden.name(), loss, variant));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1}, {2}")
    @MethodSource("cases")
    void backpropThroughDropoutAndBatchNormMatchesFiniteDifferences(String hiddenName, Loss loss, String variant) {
        Activation hidden = Activation.byName(hiddenName);
        SplittableRandom random = new SplittableRandom(hiddenName.hashCode() * 97L + loss.ordinal() * 7 + variant.hashCode());
        boolean dropout = !variant.equals("batch norm"), batchNorm = !variant.equals("dropout");
        for (int n = 0; n < 6; n++) {
            int outputs = loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 1 + random.nextInt(2);
            Activation out = switch (loss) {
                case SIGMOID_CROSS_ENTROPY -> Activation.sigmoid();
                case SOFTMAX_CROSS_ENTROPY -> Activation.softmax();
                default -> Activation.identity();
            };
            List<LayerSpec> layers = new ArrayList<>();
            int hiddenLayers = 1 + n % 3;
            for (int l = 0; l < hiddenLayers; l++) layers.add(new LayerSpec(2 + random.nextInt(4), hidden, random.nextBoolean(), batchNorm));
            layers.add(new LayerSpec(outputs, out));
            NetworkSpec spec = new NetworkSpec(1 + random.nextInt(3), layers, loss);
            Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.1, random.nextLong());
            // γ and β away from 1 and 0, so that a formula that forgets them shows.
            for (int l = 1; l <= hiddenLayers; l++) {
                if (batchNorm) {
                    for (int i = 0; i < net.layer(l).size(); i++) {
                        net.layer(l).gamma().data[i] = 0.5 + random.nextDouble();
                        net.layer(l).beta().data[i] = random.nextDouble() - 0.5;
                    }
                }
                if (dropout) net.setDropout(l, 0.3 + 0.2 * random.nextDouble());
            }
            int batch = 4 + random.nextInt(4);
            net.drawDropoutMasks(batch, random);
            DMatrixRMaj x = new DMatrixRMaj(spec.inputSize(), batch);
            for (int i = 0; i < x.getNumElements(); i++) x.data[i] = 2 * random.nextGaussian();
            DMatrixRMaj y = targets(loss, outputs, batch, random);
            check(net, x, y, spec.shape() + " " + variant);
        }
    }

    private static DMatrixRMaj targets(Loss loss, int outputs, int batch, SplittableRandom random) {
        DMatrixRMaj y = new DMatrixRMaj(outputs, batch);
        for (int c = 0; c < batch; c++) {
            if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                y.set(random.nextInt(outputs), c, 1);
            } else {
                for (int r = 0; r < outputs; r++) y.set(r, c, loss == Loss.MSE ? random.nextGaussian() : random.nextInt(2));
            }
        }
        return y;
    }

    private static void check(Network net, DMatrixRMaj x, DMatrixRMaj y, String what) {
        net.backprop(x, y);
        int dropped = 0;
        for (int l = 1; l < net.depth(); l++) for (double m : net.layer(l).dropoutMask().data) if (m == 0) dropped++;
        if (net.hasDropout()) assertTrue(dropped > 0, what + ": the mask dropped nothing, the check would not test it");
        List<double[]> backprop = new ArrayList<>();
        for (Parameter p : net.parameters()) backprop.add(Arrays.copyOf(p.gradient(), p.size()));
        for (int k = 0; k < backprop.size(); k++) {
            Parameter p = net.parameters().get(k);
            double[] value = p.value();
            for (int i = 0; i < p.size(); i++) {
                double saved = value[i];
                double[] loss = new double[4];
                double[] offsets = {STEP, -STEP, 2 * STEP, -2 * STEP};
                for (int s = 0; s < 4; s++) {
                    value[i] = saved + offsets[s];
                    loss[s] = net.loss(x, y);
                }
                value[i] = saved;
                double fd = (8 * (loss[0] - loss[1]) - (loss[2] - loss[3])) / (12 * STEP);
                double g = backprop.get(k)[i];
                double error = Math.abs(g - fd) / Math.max(Math.max(Math.abs(g), Math.abs(fd)), FLOOR);
                if (!(error < TOLERANCE)) {
                    fail(String.format(Locale.ROOT, "%s: dL/d%s[%d] by backprop %.15g, by finite differences %.15g (%.2e)",
                            what, p.name(), i, g, fd, error));
                }
            }
        }
    }
}
