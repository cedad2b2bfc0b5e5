package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;

/**
 * The gradient of the cost the optimizer sees, with a weight penalty and with the soft targets of label
 * smoothing and mixup, against fourth-order central differences of that cost.
 */
class RegularisedCostGradientCheckTest {
    private static final double STEP = 1e-3;
    private static final double TOLERANCE = 1e-6;
    private static final double FLOOR = 1e-5;
    private static final int N_TRAIN = 37;

    private static Network net(Loss loss, long seed) {
        NetworkSpec.Builder b = NetworkSpec.input(3).dense(5, Activation.tanh()).dense(4, Activation.softplus());
        NetworkSpec spec = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> b.dense(3, Activation.softmax()).loss(loss);
            case SIGMOID_CROSS_ENTROPY -> b.dense(1, Activation.sigmoid()).loss(loss);
            default -> b.dense(1, Activation.tanh()).loss(loss);
        };
        return Network.create(spec, Initializer.XAVIER_UNIFORM, 0.2, seed);
    }

    private static DMatrixRMaj inputs(int batch, SplittableRandom random) {
        DMatrixRMaj x = new DMatrixRMaj(3, batch);
        for (int i = 0; i < x.data.length; i++) x.data[i] = random.nextGaussian();
        return x;
    }

    /** Targets in the form the trainer gives the loss: one-hot, 0/1 or ±1. */
    private static DMatrixRMaj targets(Loss loss, int batch, SplittableRandom random) {
        int outputs = loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 1;
        DMatrixRMaj y = new DMatrixRMaj(outputs, batch);
        for (int c = 0; c < batch; c++) {
            switch (loss) {
                case SOFTMAX_CROSS_ENTROPY -> y.set(random.nextInt(3), c, 1);
                case SIGMOID_CROSS_ENTROPY -> y.set(0, c, random.nextInt(2));
                default -> y.set(0, c, random.nextBoolean() ? 1 : -1);
            }
        }
        return y;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"l1", "l2"})
    void penalisedCostGradientMatchesFiniteDifferences(String id) {
        SplittableRandom random = new SplittableRandom(id.hashCode());
        Penalty penalty = Penalty.of(id, 3.5);
        Network net = net(Loss.MSE, 4);
        DMatrixRMaj x = inputs(6, random), y = targets(Loss.MSE, 6, random);
        check(net, n -> {
            double c = n.backprop(x, y) + penalty.value(n.parameters(), N_TRAIN);
            penalty.addGradient(n.parameters(), N_TRAIN);
            return c;
        }, n -> n.loss(x, y) + penalty.value(n.parameters(), N_TRAIN), id);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Loss.class, names = {"MSE", "SIGMOID_CROSS_ENTROPY", "SOFTMAX_CROSS_ENTROPY"})
    void labelSmoothedTargetsGradientCheck(Loss loss) {
        SplittableRandom random = new SplittableRandom(loss.ordinal() + 100);
        Network net = net(loss, 5);
        DMatrixRMaj x = inputs(5, random), y = targets(loss, 5, random);
        LabelSmoothing.apply(y, loss, 0.2);
        check(net, n -> n.backprop(x, y), n -> n.loss(x, y), "label smoothing " + loss.id());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Loss.class, names = {"MSE", "SIGMOID_CROSS_ENTROPY", "SOFTMAX_CROSS_ENTROPY"})
    void mixedUpBatchesGradientCheck(Loss loss) {
        SplittableRandom random = new SplittableRandom(loss.ordinal() + 200);
        Network net = net(loss, 6);
        DMatrixRMaj x = inputs(8, random), y = targets(loss, 8, random);
        DMatrixRMaj before = y.copy();
        Mixup.apply(x, y, 0.4, random);
        assertTrue(!Arrays.equals(before.data, y.data), "mixup left the targets as they were");
        check(net, n -> n.backprop(x, y), n -> n.loss(x, y), "mixup " + loss.id());
    }

    /** {@code gradient} runs a backward pass (filling every parameter's gradient) and {@code cost} the cost alone. */
    private static void check(Network net, ToDoubleFunction<Network> gradient, ToDoubleFunction<Network> cost, String what) {
        gradient.applyAsDouble(net);
        List<double[]> analytic = new ArrayList<>();
        for (Parameter p : net.parameters()) analytic.add(Arrays.copyOf(p.gradient(), p.size()));
        for (int k = 0; k < analytic.size(); k++) {
            Parameter p = net.parameters().get(k);
            double[] value = p.value();
            for (int i = 0; i < p.size(); i++) {
                double saved = value[i];
                double[] c = new double[4];
                double[] offsets = {STEP, -STEP, 2 * STEP, -2 * STEP};
                for (int s = 0; s < 4; s++) {
                    value[i] = saved + offsets[s];
                    c[s] = cost.applyAsDouble(net);
                }
                value[i] = saved;
                if (p.weight() && what.equals("l1") && Math.abs(saved) < 2 * STEP) continue;   // |w| has a kink at 0
                double fd = (8 * (c[0] - c[1]) - (c[2] - c[3])) / (12 * STEP);
                double g = analytic.get(k)[i];
                double error = Math.abs(g - fd) / Math.max(Math.max(Math.abs(g), Math.abs(fd)), FLOOR);
                if (!(error < TOLERANCE)) {
                    fail(String.format(Locale.ROOT, "%s: dC/d%s[%d] analytic %.15g, finite differences %.15g (%.2e)",
                            what, p.name(), i, g, fd, error));
                }
            }
        }
    }
}
