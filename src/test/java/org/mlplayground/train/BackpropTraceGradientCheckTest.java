package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Nesterov;
import org.mlplayground.optim.Schedule;
import org.mlplayground.optim.Sgd;

/**
 * The trace's finite-difference column agrees with backprop's gradients to 10⁻⁶ relative error (absolute 10⁻¹⁰
 * below 10⁻⁴, see {@link GradientCheck#FLOOR}) for smooth activations with every smooth loss, with batch norm,
 * a fixed dropout mask and an L2 penalty, at the look-ahead point of Nesterov momentum and through clipping.
 */
class BackpropTraceGradientCheckTest {
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String hidden : List.of("tanh", "sigmoid", "softplus", "identity")) {
            for (Loss loss : List.of(Loss.MSE, Loss.SIGMOID_CROSS_ENTROPY, Loss.SOFTMAX_CROSS_ENTROPY)) {
                for (String variant : List.of("plain", "batch norm", "dropout", "L2")) all.add(Arguments.of(hidden, loss, variant));
            }
        }
        return all.stream();
    }

    private static Trainer trainer(String hiddenName, Loss loss, String variant, Hyperparameters optimizer, Clipping clipping) {
        Activation hidden = Activation.byName(hiddenName);
        Activation out = switch (loss) {
            case SIGMOID_CROSS_ENTROPY -> Activation.sigmoid();
            case SOFTMAX_CROSS_ENTROPY -> Activation.softmax();
            default -> hidden;
        };
        boolean batchNorm = variant.equals("batch norm");
        NetworkSpec.Builder b = NetworkSpec.input(2).dense(5, hidden);
        if (batchNorm) b.batchNorm();
        b.dense(4, hidden);
        if (batchNorm) b.batchNorm();
        NetworkSpec spec = b.dense(loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 1, out).loss(loss);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.1, hiddenName.hashCode() + loss.ordinal());
        if (batchNorm) {
            // γ and β away from 1 and 0, so that a formula that forgets them shows.
            for (int l = 1; l <= 2; l++) {
                Arrays.fill(net.layer(l).gamma().data, 1.3);
                Arrays.fill(net.layer(l).beta().data, -0.2);
            }
        }
        Dataset data = loss == Loss.SOFTMAX_CROSS_ENTROPY ? Generators.blobs(40, 3, 0.2, 6) : Generators.circle(40, 0.1, 6);
        // Circle points reach radius 5: scaled down so that sigmoid and tanh units are not all saturated.
        Dataset scaled = new Dataset(data.name(), Arrays.stream(data.x()).map(p -> new double[] {p[0] / 3, p[1] / 3})
                .toArray(double[][]::new), data.y());
        Regularization regularization = switch (variant) {
            case "dropout" -> new Regularization(new Penalty.None(), List.of(0.3, 0.3));
            case "L2" -> new Regularization(new Penalty.L2(2.0), List.of());
            default -> Regularization.NONE;
        };
        TrainingSettings settings = new TrainingSettings(optimizer, new Schedule.Constant(0.05), 10, clipping, null,
                regularization, Augmentation.NONE, null);
        return new Trainer(net, scaled, null, settings, 9);
    }

    private static void assertAgreement(BackpropTrace trace, String what) {
        int checked = 0;
        for (int block = 0; block < trace.gradients().size(); block++) {
            double[] g = trace.gradients().get(block), fd = trace.finiteDifferences().get(block);
            assertEquals(g.length, fd.length);
            for (int i = 0; i < g.length; i++) {
                double error = trace.relativeError(block, i);
                if (!(error < TOLERANCE)) {
                    fail(String.format(Locale.ROOT, "%s: block %d [%d]: backprop %.15g, finite differences %.15g (%.2e)",
                            what, block, i, g[i], fd[i], error));
                }
                if (Math.abs(g[i]) > GradientCheck.FLOOR) checked++;
            }
        }
        assertTrue(checked > 10, what + ": only " + checked + " gradients above the floor, the check would test little");
        assertTrue(trace.maxRelativeError() < TOLERANCE);
    }

    @ParameterizedTest(name = "{0} hidden, {1}, {2}")
    @MethodSource("cases")
    void finiteDifferencesAgreeWithBackprop(String hidden, Loss loss, String variant) {
        Trainer trainer = trainer(hidden, loss, variant, Sgd.Settings.DEFAULTS, new Clipping.None());
        trainer.step();
        BackpropTrace trace = trainer.traceStep();
        if (variant.equals("dropout")) {
            int dropped = 0;
            for (double m : trace.layer(1).mask().data) if (m == 0) dropped++;
            assertTrue(dropped > 0, "the mask dropped nothing, the check would not test it");
        }
        assertAgreement(trace, hidden + " " + loss.id() + " " + variant);
    }

    @Test
    void finiteDifferencesAgreeAtNesterovsLookAheadPoint() {
        Trainer trainer = trainer("tanh", Loss.MSE, "dropout", new Nesterov.Settings(0.9), new Clipping.None());
        for (int s = 0; s < 3; s++) trainer.step();
        BackpropTrace trace = trainer.traceStep();
        assertTrue(trace.lookAhead());
        assertAgreement(trace, "Nesterov");
    }

    @Test
    void finiteDifferencesGoThroughTheSameClipping() {
        Trainer trainer = trainer("tanh", Loss.SIGMOID_CROSS_ENTROPY, "L2", Adam.Settings.DEFAULTS, new Clipping.ByNorm(0.01));
        BackpropTrace trace = trainer.traceStep();
        double norm = 0;
        for (double[] g : trace.gradients()) for (double v : g) norm += v * v;
        assertEquals(0.01, Math.sqrt(norm), 1e-15, "the optimizer got the clipped gradient");
        for (int block = 0; block < trace.gradients().size(); block++) {
            for (int i = 0; i < trace.gradients().get(block).length; i++) {
                double g = trace.gradients().get(block)[i], fd = trace.finiteDifferences().get(block)[i];
                assertEquals(g, fd, 1e-6 * Math.max(Math.abs(g), 1e-6), "block " + block + " [" + i + "]");
            }
        }
    }

    @Test
    void aWrongGradientFailsTheCheck() {
        BackpropTrace trace = trainer("tanh", Loss.MSE, "plain", Sgd.Settings.DEFAULTS, new Clipping.None()).traceStep();
        double g = trace.gradients().get(0)[0], fd = trace.finiteDifferences().get(0)[0];
        assertTrue(Math.abs(g) > 1e-3);
        // Forgetting the 1/B of the batch mean, or a sign, is far beyond the tolerance.
        assertTrue(GradientCheck.relativeError(g * trace.batchSize(), fd) > 0.5);
        assertTrue(GradientCheck.relativeError(-g, fd) > 1);
        assertTrue(GradientCheck.relativeError(g * (1 + 1e-5), fd) > 5e-6, "the estimate is far sharper than 1e-5");
    }

    @Test
    void aTwoEightEightOneTraceOfTenExamplesTakesWellUnderFiftyMilliseconds() {
        NetworkSpec spec = NetworkSpec.input(2).dense(8, Activation.tanh()).dense(8, Activation.tanh())
                .dense(1, Activation.tanh()).loss(Loss.MSE);
        Trainer trainer = new Trainer(Network.create(spec, Initializer.XAVIER_UNIFORM, 1), Generators.circle(200, 0.1, 1),
                10, 0.03, 1);
        for (int s = 0; s < 30; s++) trainer.traceStep();   // warm up the JIT
        long[] nanos = new long[15];
        for (int s = 0; s < nanos.length; s++) {
            long start = System.nanoTime();
            trainer.traceStep();
            nanos[s] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double medianMillis = nanos[nanos.length / 2] / 1e6;
        assertTrue(medianMillis < 50, "a trace took " + medianMillis + " ms");
    }
}
