package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation (COURSE.md §3) against central finite differences of the batch loss, on random networks
 * of depth 1–5 and width 1–5 for every hidden activation × loss pair.
 *
 * <p>The difference quotient is the fourth-order central stencil
 * L'(θ) ≈ [8(L(θ+h) − L(θ−h)) − (L(θ+2h) − L(θ−2h))] / 12h, whose truncation error h⁴|L⁽⁵⁾|/30 is
 * about 3e-14 |L⁽⁵⁾| at h = 1e-3, so the comparison is limited by rounding in L rather than by the formula.
 *
 * <p>Kinked functions (relu, leaky-relu, elu, hard-tanh, sign; MAE at o = y) are only checked on smooth
 * pieces: a sample is redrawn when any pre-activation (or o − y for MAE) lies within {@link #KINK_MARGIN} of
 * a kink, or when one of the perturbed evaluations lands on a different piece than the centre.
 */
class GradientCheckTest {
    private static final double STEP = 1e-3;
    private static final double KINK_MARGIN = 1e-3;
    private static final double TOLERANCE = 1e-6;
    /**
     * The denominator's floor. Rounding alone makes the stencil's estimate uncertain by about
     * 1.5 ε |L| / h ≈ 3e-13 |L| (ε = 2.2e-16), and the losses of these random nets reach about 30: where the
     * true gradient is exactly 0 (MAE with balanced signs, layers below a sign) the quotient still reads up
     * to 3e-12. Below ~1e-5 a "relative" error would measure that noise, not the engine. With the floor at
     * 1e-5 a gradient entry smaller than that must still agree to 1e-11 absolute, which no wrong formula
     * (a missing factor, a transposition, a wrong Φ') can meet.
     */
    private static final double FLOOR = 1e-5;
    private static final int NETWORKS_PER_PAIR = 18;
    private static final int MAX_DRAWS = 10_000;

    static Stream<Arguments> hiddenActivationAndLoss() {
        return Activation.elementwiseChoices().stream()
                .flatMap(hidden -> Arrays.stream(Loss.values())
                        .map(loss -> Arguments.of(Named.of(hidden.name(), hidden), loss)));
    }

    @ParameterizedTest(name = "{0} hidden layers, {1}")
    @MethodSource("hiddenActivationAndLoss")
    void backpropGradientsMatchCentralDifferences(Activation hidden, Loss loss) {
        SplittableRandom random = new SplittableRandom(hidden.name().hashCode() * 31L + loss.ordinal());
        for (int n = 0; n < NETWORKS_PER_PAIR; n++) {
            int depth = 1 + n % 5;   // depth 1 has no hidden layer: the output layer alone
            boolean[] bias = new boolean[depth];
            Arrays.fill(bias, true);
            checkGradients(randomSpec(random, hidden, outputFor(loss, n), loss, bias), random);
        }
    }

    @Test
    void layersWithoutBiasHaveNoBiasParameterAndStillGradientCheck() {
        NetworkSpec spec = NetworkSpec.input(3)
                .dense(4, Activation.tanh(), false)
                .dense(5, Activation.softplus(), true)
                .dense(3, Activation.elu(), false)
                .dense(2, Activation.identity(), true)
                .loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.LECUN_NORMAL, 0.5, 7);

        List<String> names = net.parameters().stream().map(Parameter::name).toList();
        assertEquals(List.of("W1", "W2", "b2", "W3", "W4", "b4"), names);
        for (int l : new int[] {1, 3}) {
            for (double b : net.layer(l).b().data) assertEquals(0.0, b, "b_" + l + " despite bias init 0.5");
        }
        checkGradients(spec, new SplittableRandom(7));
    }

    @Test
    void randomNetworksWithBiasOnSomeLayersGradientCheck() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 20; n++) {
            int depth = 1 + n % 5;
            boolean[] bias = new boolean[depth];
            for (int l = 0; l < depth; l++) bias[l] = random.nextBoolean();
            checkGradients(randomSpec(random, Activation.tanh(), Activation.sigmoid(),
                    Loss.SIGMOID_CROSS_ENTROPY, bias), random);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** MSE and MAE take every elementwise output in turn; the cross-entropies need their own. */
    private static Activation outputFor(Loss loss, int n) {
        return switch (loss) {
            case MSE, MAE -> {
                List<Activation> choices = Activation.elementwiseChoices();
                yield choices.get(n % choices.size());
            }
            case SIGMOID_CROSS_ENTROPY -> Activation.sigmoid();
            case SOFTMAX_CROSS_ENTROPY -> Activation.softmax();
        };
    }

    private static NetworkSpec randomSpec(SplittableRandom random, Activation hidden, Activation output, Loss loss,
            boolean[] bias) {
        List<LayerSpec> layers = new ArrayList<>();
        int depth = bias.length;
        for (int l = 1; l <= depth; l++) {
            layers.add(new LayerSpec(1 + random.nextInt(5), l < depth ? hidden : output, bias[l - 1]));
        }
        return new NetworkSpec(1 + random.nextInt(5), layers, loss);
    }

    /**
     * Draws weights, a batch and targets for {@code spec} until the sample is on smooth pieces, then compares
     * every ∂L/∂θ of one backward pass with the difference quotient.
     */
    private static void checkGradients(NetworkSpec spec, SplittableRandom random) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Network net = randomNetwork(spec, random);
            int batch = 2 + random.nextInt(3);
            DMatrixRMaj x = gaussian(spec.inputSize(), batch, 1.0, random);
            DMatrixRMaj y = randomTargets(spec, batch, random);

            net.backprop(x, y);
            if (distanceToKink(net, y) < KINK_MARGIN) continue;
            int[] centrePiece = piece(net, y);
            List<double[]> backprop = new ArrayList<>();
            for (Parameter p : net.parameters()) backprop.add(Arrays.copyOf(p.gradient(), p.size()));

            List<double[]> numeric = finiteDifferences(net, x, y, centrePiece);
            if (numeric == null) continue;
            for (int k = 0; k < backprop.size(); k++) {
                Parameter p = net.parameters().get(k);
                for (int i = 0; i < p.size(); i++) {
                    double g = backprop.get(k)[i], fd = numeric.get(k)[i];
                    double error = Math.abs(g - fd) / Math.max(Math.max(Math.abs(g), Math.abs(fd)), FLOOR);
                    if (!(error < TOLERANCE)) {
                        fail(String.format(Locale.ROOT, "%s: dL/d%s[%d] by backprop %.15g, by finite differences "
                                + "%.15g (relative error %.2e)", describe(spec), p.name(), i, g, fd, error));
                    }
                }
            }
            return;
        }
        fail(describe(spec) + ": found no sample away from the kinks in " + MAX_DRAWS + " draws");
    }

    /** The stencil for every parameter, or null when a perturbed evaluation left the centre's smooth piece. */
    private static List<double[]> finiteDifferences(Network net, DMatrixRMaj x, DMatrixRMaj y, int[] centrePiece) {
        List<double[]> all = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            double[] value = p.value(), quotient = new double[p.size()];
            for (int i = 0; i < p.size(); i++) {
                double saved = value[i];
                double[] loss = new double[4];
                double[] offsets = {STEP, -STEP, 2 * STEP, -2 * STEP};
                for (int s = 0; s < 4; s++) {
                    value[i] = saved + offsets[s];
                    loss[s] = net.loss(x, y);
                    if (!Arrays.equals(piece(net, y), centrePiece)) {
                        value[i] = saved;
                        return null;
                    }
                }
                value[i] = saved;
                quotient[i] = (8 * (loss[0] - loss[1]) - (loss[2] - loss[3])) / (12 * STEP);
            }
            all.add(quotient);
        }
        return all;
    }

    /** Where the activations (and MAE) have kinks; the others are smooth everywhere. */
    private static double[] kinks(Activation phi) {
        return switch (phi.name()) {
            case "relu", "leaky-relu", "elu", "sign" -> new double[] {0};
            case "hard-tanh" -> new double[] {-1, 1};
            default -> new double[0];
        };
    }

    /** The smallest distance of any a_l entry (or, for MAE, o − y) of the last pass from a kink. */
    private static double distanceToKink(Network net, DMatrixRMaj y) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= net.depth(); l++) {
            DenseLayer layer = net.layer(l);
            for (double kink : kinks(layer.phi())) {
                for (double a : layer.a().data) nearest = Math.min(nearest, Math.abs(a - kink));
            }
        }
        if (net.spec().loss() == Loss.MAE) {
            DMatrixRMaj o = net.outputLayer().h();
            for (int i = 0; i < o.getNumElements(); i++) nearest = Math.min(nearest, Math.abs(o.get(i) - y.get(i)));
        }
        return nearest;
    }

    /** For every a_l entry the number of kinks below it (and the sign of o − y for MAE): the smooth piece. */
    private static int[] piece(Network net, DMatrixRMaj y) {
        List<Integer> key = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            DenseLayer layer = net.layer(l);
            double[] kinks = kinks(layer.phi());
            if (kinks.length == 0) continue;
            for (int i = 0; i < layer.a().getNumElements(); i++) {
                int below = 0;
                for (double kink : kinks) if (layer.a().get(i) > kink) below++;
                key.add(below);
            }
        }
        if (net.spec().loss() == Loss.MAE) {
            DMatrixRMaj o = net.outputLayer().h();
            for (int i = 0; i < o.getNumElements(); i++) key.add(o.get(i) > y.get(i) ? 1 : 0);
        }
        return key.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Weights N(0, 1.5²/n_{l−1}) so that signals neither die nor saturate over five layers; biases N(0, 0.5²). */
    private static Network randomNetwork(NetworkSpec spec, SplittableRandom random) {
        Network net = Network.create(spec, Initializer.ZEROS, 0);
        for (Parameter p : net.parameters()) {
            double scale = p.weight() ? 1.5 / Math.sqrt(spec.size(p.layer() - 1)) : 0.5;
            for (int i = 0; i < p.size(); i++) p.value()[i] = scale * random.nextGaussian();
        }
        return net;
    }

    /** Targets the loss accepts: any value for MSE/MAE, [0, 1] for sigmoid-CE, one-hot for softmax-CE. */
    private static DMatrixRMaj randomTargets(NetworkSpec spec, int batch, SplittableRandom random) {
        int outputs = spec.outputSize();
        DMatrixRMaj y = new DMatrixRMaj(outputs, batch);
        for (int c = 0; c < batch; c++) {
            int hot = random.nextInt(outputs);
            for (int r = 0; r < outputs; r++) {
                y.set(r, c, switch (spec.loss()) {
                    case MSE, MAE -> random.nextDouble(-1.5, 1.5);
                    case SIGMOID_CROSS_ENTROPY -> random.nextDouble();
                    case SOFTMAX_CROSS_ENTROPY -> r == hot ? 1 : 0;
                });
            }
        }
        return y;
    }

    private static DMatrixRMaj gaussian(int rows, int cols, double sigma, SplittableRandom random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.set(i, sigma * random.nextGaussian());
        return m;
    }

    private static String describe(NetworkSpec spec) {
        StringBuilder s = new StringBuilder(spec.shape()).append(" [");
        for (int l = 1; l <= spec.depth(); l++) {
            s.append(l > 1 ? " " : "").append(spec.layer(l).phi().name()).append(spec.layer(l).bias() ? "" : " (no bias)");
        }
        return s.append("] ").append(spec.loss().id()).toString();
    }
}
