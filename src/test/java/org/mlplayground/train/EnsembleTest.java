package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Inference;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/** The ensemble's averaged output, its report, and evaluation from several threads. */
class EnsembleTest {
    private static final NetworkSpec LINEAR = NetworkSpec.input(2).dense(1, Activation.identity()).loss(Loss.MSE);
    private static final NetworkSpec TANH_2_8_8_1 = NetworkSpec.input(2)
            .dense(8, Activation.tanh())
            .dense(8, Activation.tanh())
            .dense(1, Activation.tanh())
            .loss(Loss.MSE);

    /** o = w1 x1 + w2 x2 + b. */
    private static Network linear(double w1, double w2, double b) {
        Network net = Network.create(LINEAR, Initializer.ZEROS, 0);
        net.layer(1).W().set(0, 0, w1);
        net.layer(1).W().set(0, 1, w2);
        net.layer(1).b().set(0, 0, b);
        return net;
    }

    /** A: o = x1 + 2 x2 + 0.5; B: o = −3 x1 + 0.5 x2 − 1. */
    private static Ensemble handSetPair() {
        return new Ensemble(Ensemble.Kind.SEEDS, List.of(linear(1, 2, 0.5), linear(-3, 0.5, -1)), List.of("A", "B"));
    }

    /** The columns (1, 2), (−1, 0), (0.5, −4). */
    private static DMatrixRMaj threePoints() {
        return new DMatrixRMaj(2, 3, true, 1, -1, 0.5, 2, 0, -4);
    }

    @Test
    void outputIsTheMeanOfTheMembersOutputs() {
        // o_A = (5.5, −0.5, −7), o_B = (−3, 2, −4.5), so ō = ((5.5 − 3)/2, (−0.5 + 2)/2, (−7 − 4.5)/2).
        Ensemble ensemble = handSetPair();
        DMatrixRMaj oBar = ensemble.predict(threePoints());
        assertEquals(1, oBar.numRows);
        assertArrayEquals(new double[] {1.25, 0.75, -5.75}, Arrays.copyOf(oBar.data, 3), 0);

        Ensemble.Evaluator evaluator = ensemble.evaluator();
        assertArrayEquals(new double[] {1.25, 0.75, -5.75}, Arrays.copyOf(evaluator.run(threePoints()).data, 3), 0);
        assertArrayEquals(new double[] {5.5, -0.5, -7}, Arrays.copyOf(evaluator.runMember(0, threePoints()).data, 3), 0);
        assertArrayEquals(new double[] {-3, 2, -4.5}, Arrays.copyOf(evaluator.runMember(1, threePoints()).data, 3), 0);
    }

    @Test
    void theEnsembleKeepsCopiesOfItsMembers() {
        Network a = linear(1, 2, 0.5);
        Ensemble ensemble = new Ensemble(Ensemble.Kind.SEEDS, List.of(a, linear(-3, 0.5, -1)), List.of("A", "B"));
        a.layer(1).W().set(0, 0, 100);
        ensemble.member(1).layer(1).W().set(0, 0, 100);

        assertEquals(1.25, ensemble.predict(threePoints()).get(0, 0), 0);
        assertNotSame(ensemble.member(0), ensemble.member(0));
        assertEquals(List.of("A", "B"), ensemble.labels());
        assertEquals(Ensemble.Kind.SEEDS, ensemble.kind());
    }

    @Test
    void membersKeepTheirBatchNormRunningStatisticsAndPredictWithThem() {
        NetworkSpec spec = NetworkSpec.input(2).dense(8, Activation.tanh()).batchNorm().dense(1, Activation.tanh())
                .loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 3);
        Trainer trainer = new Trainer(net, Generators.circle(100, 0.1, 3), 10, 0.05, 3);
        for (int e = 0; e < 3; e++) trainer.runEpoch();
        Ensemble ensemble = new Ensemble(Ensemble.Kind.SEEDS, List.of(net), List.of("bn"));

        // A fresh network has μ_run = 0, σ²_run = 1; after training they are the batches' averages.
        assertTrue(Math.abs(net.runningStatistics().get(0)[0]) > 1e-3, "the running mean has moved");
        DMatrixRMaj grid = grid();
        assertArrayEquals(new Inference(spec).run(net, grid).data, ensemble.predict(grid).data);
    }

    @Test
    void theReportHoldsTheAveragedOutputsLossAndAccuracyNextToEachMembers() {
        // Labels (+1, −1, −1) at the three points; ō = (1.25, 0.75, −5.75).
        // Ensemble: MSE = ½((0.25)² + (1.75)² + (4.75)²)/3 = 12.84375/3 = 4.28125; signs (+, +, −): 2 of 3 right.
        // A: o = (5.5, −0.5, −7): ½(4.5² + 0.5² + 6²)/3 = 28.25/3; signs (+, −, −): 3 of 3.
        // B: o = (−3, 2, −4.5): ½(4² + 3² + 3.5²)/3 = 18.625/3; signs (−, +, −): 1 of 3.
        Dataset data = new Dataset("three", new double[][] {{1, 2}, {-1, 0}, {0.5, -4}}, new double[] {1, -1, -1});
        Ensemble.Report report = handSetPair().evaluate(data);

        assertEquals(4.28125, report.ensemble().loss(), 1e-15);
        assertEquals(2.0 / 3, report.ensemble().accuracy(), 1e-15);
        assertEquals(2, report.members().size());
        assertEquals(28.25 / 3, report.members().get(0).loss(), 1e-14);
        assertEquals(1.0, report.members().get(0).accuracy(), 0);
        assertEquals(18.625 / 3, report.members().get(1).loss(), 1e-14);
        assertEquals(1.0 / 3, report.members().get(1).accuracy(), 1e-15);
        assertEquals(7.8125, report.meanMemberLoss(), 1e-14);
        assertEquals(2.0 / 3, report.meanMemberAccuracy(), 1e-15);
    }

    @Test
    void ensembleMseIsTheMembersMeanMseMinusTheirAmbiguity() {
        // Krogh & Vedelsby (1995): ½(ō − y)² = (1/k) Σ_j ½(o_j − y)² − (1/k) Σ_j ½(o_j − ō)² for every example,
        // so the ensemble is better than its average member by exactly how much the members disagree.
        Dataset data = Generators.circle(300, 0.2, 5);
        List<Network> members = new ArrayList<>();
        for (int j = 0; j < 4; j++) members.add(Network.create(TANH_2_8_8_1, Initializer.XAVIER_UNIFORM, 10 + j));
        Ensemble ensemble = new Ensemble(Ensemble.Kind.SEEDS, members, List.of("1", "2", "3", "4"));
        Ensemble.Report report = ensemble.evaluate(data);

        double ambiguity = 0;
        for (int n = 0; n < data.size(); n++) {
            double[] o = new double[members.size()];
            double mean = 0;
            for (int j = 0; j < o.length; j++) {
                o[j] = members.get(j).predict(data.x()[n])[0];
                mean += o[j] / o.length;
            }
            for (double oj : o) ambiguity += 0.5 * (oj - mean) * (oj - mean) / o.length;
        }
        ambiguity /= data.size();

        assertTrue(ambiguity > 0.01, "the members should disagree: " + ambiguity);
        assertEquals(report.meanMemberLoss() - ambiguity, report.ensemble().loss(), 1e-12);
    }

    @Test
    void sigmoidCrossEntropyIsTakenOfTheAveragedProbability() {
        // Biases ln 3 and 0 with zero weights: p = σ(ln 3) = 3/4 and 1/2 for every input, p̄ = 5/8.
        // Label +1 (y = 1): −ln(5/8) = ln 1.6; label −1 (y = 0): −ln(3/8) = ln(8/3). p̄ > ½ calls both +1.
        NetworkSpec spec = NetworkSpec.input(1).dense(1, Activation.sigmoid()).loss(Loss.SIGMOID_CROSS_ENTROPY);
        Network a = Network.create(spec, Initializer.ZEROS, 0), b = Network.create(spec, Initializer.ZEROS, 0);
        a.layer(1).b().set(0, 0, Math.log(3));
        Ensemble ensemble = new Ensemble(Ensemble.Kind.SEEDS, List.of(a, b), List.of("a", "b"));
        Dataset data = new Dataset("two", new double[][] {{0}, {1}}, new double[] {1, -1});

        Ensemble.Report report = ensemble.evaluate(data);
        assertEquals((Math.log(1.6) + Math.log(8.0 / 3)) / 2, report.ensemble().loss(), 1e-15);
        assertEquals(0.5, report.ensemble().accuracy(), 0);
    }

    @Test
    void softmaxCrossEntropyIsTakenOfTheAveragedClassProbabilities() {
        // Biases (0, 0, 0) and (ln 2, 0, 0): p = (1/3, 1/3, 1/3) and (1/2, 1/4, 1/4), p̄ = (5/12, 7/24, 7/24).
        // Class 0: −ln(5/12) = ln 2.4; class 2: −ln(7/24) = ln(24/7). The arg max is class 0 for both.
        NetworkSpec spec = NetworkSpec.input(1).dense(3, Activation.softmax()).loss(Loss.SOFTMAX_CROSS_ENTROPY);
        Network a = Network.create(spec, Initializer.ZEROS, 0), b = Network.create(spec, Initializer.ZEROS, 0);
        b.layer(1).b().set(0, 0, Math.log(2));
        Ensemble ensemble = new Ensemble(Ensemble.Kind.SEEDS, List.of(a, b), List.of("a", "b"));
        Dataset data = new Dataset("two", new double[][] {{0}, {1}}, new double[] {0, 2});

        Ensemble.Report report = ensemble.evaluate(data);
        assertEquals((Math.log(2.4) + Math.log(24.0 / 7)) / 2, report.ensemble().loss(), 1e-15);
        assertEquals(0.5, report.ensemble().accuracy(), 0);
        assertArrayEquals(new double[] {5.0 / 12, 7.0 / 24, 7.0 / 24},
                ensemble.predict(new DMatrixRMaj(1, 1, true, 0)).data, 1e-16);
    }

    @Test
    void aCertainAndWrongEnsembleCostsAtMostMinusLogOfTheClampPerExample() {
        // a = 100 gives σ(a) = 1 in double precision, so log(1 − p̄) = log 0; the clamp at 1e-15 makes it −34.54.
        NetworkSpec spec = NetworkSpec.input(1).dense(1, Activation.sigmoid()).loss(Loss.SIGMOID_CROSS_ENTROPY);
        Network sure = Network.create(spec, Initializer.ZEROS, 0);
        sure.layer(1).b().set(0, 0, 100);
        Ensemble ensemble = new Ensemble(Ensemble.Kind.SEEDS, List.of(sure), List.of("sure"));

        Ensemble.Report report = ensemble.evaluate(new Dataset("wrong", new double[][] {{0}}, new double[] {-1}));
        assertEquals(-Math.log(1e-15), report.ensemble().loss(), 1e-12);
        assertEquals(100, report.members().get(0).loss(), 1e-12); // from the logit: softplus(100) − 0·100
    }

    @Test
    void aOneMemberEnsembleAgreesWithTrainerEvaluateForEveryLoss() {
        Dataset circle = Generators.circle(200, 0.1, 3);
        double[] classes = Arrays.stream(circle.y()).map(y -> y > 0 ? 1 : 0).toArray();
        Dataset twoClasses = new Dataset("circle 0/1", circle.x(), classes);
        List<NetworkSpec> specs = List.of(TANH_2_8_8_1,
                NetworkSpec.input(2).dense(8, Activation.tanh()).dense(1, Activation.identity()).loss(Loss.MAE),
                NetworkSpec.input(2).dense(8, Activation.tanh()).dense(1, Activation.sigmoid()).loss(Loss.SIGMOID_CROSS_ENTROPY),
                NetworkSpec.input(2).dense(8, Activation.tanh()).dense(2, Activation.softmax()).loss(Loss.SOFTMAX_CROSS_ENTROPY));
        for (NetworkSpec spec : specs) {
            Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 4);
            Dataset data = spec.loss() == Loss.SOFTMAX_CROSS_ENTROPY ? twoClasses : circle;
            Trainer.Evaluation single = Trainer.evaluate(net, data);
            Ensemble.Report report = new Ensemble(Ensemble.Kind.SEEDS, List.of(net), List.of("only")).evaluate(data);

            assertEquals(single.loss(), report.ensemble().loss(), 1e-12 * single.loss(), spec.loss().id());
            assertEquals(single.accuracy(), report.ensemble().accuracy(), 0, spec.loss().id());
            assertEquals(single, report.members().get(0), spec.loss().id());
        }
    }

    @Test
    void regressionTargetsHaveNoAccuracy() {
        Dataset values = new Dataset("values", new double[][] {{1, 2}, {-1, 0}}, new double[] {0.5, -1});
        assertTrue(Double.isNaN(handSetPair().evaluate(values).ensemble().accuracy()));
    }

    /** A 100×100 grid over [−6, 6]², one point per column, like the decision-boundary view's. */
    private static DMatrixRMaj grid() {
        int side = 100;
        DMatrixRMaj x = new DMatrixRMaj(2, side * side);
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                x.set(0, row * side + col, -6 + (col + 0.5) * 0.12);
                x.set(1, row * side + col, 6 - (row + 0.5) * 0.12);
            }
        }
        return x;
    }

    private static Ensemble fiveSeeds() {
        List<Network> members = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            members.add(Network.create(TANH_2_8_8_1, Initializer.XAVIER_UNIFORM, 20 + j));
            labels.add("seed " + (20 + j));
        }
        return new Ensemble(Ensemble.Kind.SEEDS, members, labels);
    }

    /** ō by hand: the members' outputs added in order from 0, divided by k. */
    private static double[] meanByHand(Ensemble ensemble, DMatrixRMaj x) {
        double[] sum = new double[x.numCols];
        Inference inference = new Inference(ensemble.spec());
        for (int j = 0; j < ensemble.size(); j++) {
            DMatrixRMaj o = inference.run(ensemble.member(j), x);
            for (int c = 0; c < sum.length; c++) sum[c] += o.data[c];
        }
        for (int c = 0; c < sum.length; c++) sum[c] /= ensemble.size();
        return sum;
    }

    @Test
    void fourThreadsEvaluatingAtOnceGetTheSameGridAsOne() throws Exception {
        Ensemble ensemble = fiveSeeds();
        DMatrixRMaj grid = grid();
        double[] expected = meanByHand(ensemble, grid);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean viaPredict = t % 2 == 0;
                results.add(pool.submit(() -> {
                    Ensemble.Evaluator evaluator = ensemble.evaluator();
                    boolean same = true;
                    for (int round = 0; round < 10; round++) {
                        DMatrixRMaj o = viaPredict ? ensemble.predict(grid) : evaluator.run(grid);
                        same &= Arrays.equals(expected, o.data);
                    }
                    return same;
                }));
            }
            for (Future<Boolean> result : results) assertTrue(result.get(), "a thread saw another grid");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiveMembersOn10000GridPointsAreTimedAndMatchTheMeanByHand() {
        Ensemble ensemble = fiveSeeds();
        DMatrixRMaj grid = grid();
        Ensemble.Evaluator evaluator = ensemble.evaluator();
        assertArrayEquals(meanByHand(ensemble, grid), evaluator.run(grid).data);

        for (int i = 0; i < 100; i++) evaluator.run(grid); // warm-up for the JIT
        double[] millis = new double[50];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            evaluator.run(grid);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "ensemble of 5 × %s on a 100×100 grid: median %.2f ms (fastest %.2f, slowest %.2f)%n",
                TANH_2_8_8_1.shape(), millis[millis.length / 2], millis[0], millis[millis.length - 1]);
    }

    @Test
    void impossibleEnsemblesAreRefused() {
        Network a = linear(1, 1, 0);
        Network other = Network.create(TANH_2_8_8_1, Initializer.XAVIER_UNIFORM, 1);
        assertThrows(IllegalArgumentException.class, () -> new Ensemble(Ensemble.Kind.SEEDS, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Ensemble(Ensemble.Kind.SEEDS, List.of(a), List.of("a", "b")));
        IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class,
                () -> new Ensemble(Ensemble.Kind.SEEDS, List.of(a, other), List.of("a", "b")));
        assertTrue(shapes.getMessage().contains("2-1") && shapes.getMessage().contains("2-8-8-1"), shapes.getMessage());
        Ensemble ensemble = new Ensemble(Ensemble.Kind.SEEDS, List.of(a), List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> ensemble.predict(new DMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> ensemble.evaluate(new Dataset("3-D", new double[][] {{1, 2, 3}}, new double[] {1})));
    }
}
