package org.mlplayground.bench;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.ParallelInference;
import org.mlplayground.train.Augmentation;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.Regularization;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingSettings;
import org.mlplayground.ui.FrameBenchmark;
import org.mlplayground.ui.lab.LabBenchmark;

/**
 * The engine's speed figures, one line each: {@code BENCH <name> <value> <unit>}. Run with
 * {@code mvn -q -B -Pbench compile exec:java}. Each figure is the median of several timed rounds taken
 * after a warm-up that lets the JIT compile the hot loops.
 */
public final class EngineBenchmark {
    private static final int ROUNDS = 15;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        NetworkSpec spec = NetworkSpec.input(2)
                .dense(8, Activation.tanh())
                .dense(8, Activation.tanh())
                .dense(1, Activation.tanh())
                .loss(Loss.MSE);
        Dataset.Split split = Generators.circle(500, 0.0, 1).split(0.5, 1);

        print("train_2-8-8-1_tanh_b10", trainThroughput(spec, split.train(), TrainingSettings.gradientDescent(0.03, 10)),
                "example-steps/s");
        TrainingSettings remedies = TrainingSettings.gradientDescent(0.03, 10)
                .withRegularization(Regularization.NONE.withPenalty(new Penalty.L2(0.01)).withDropoutEverywhere(2, 0.2))
                .withAugmentation(Augmentation.NONE.withInputNoise(0.1));
        print("train_2-8-8-1_tanh_b10_l2_dropout_noise", trainThroughput(spec, split.train(), remedies), "example-steps/s");
        NetworkSpec batchNorm = NetworkSpec.input(2)
                .dense(8, Activation.tanh()).batchNorm()
                .dense(8, Activation.tanh()).batchNorm()
                .dense(1, Activation.tanh())
                .loss(Loss.MSE);
        print("train_2-8bn-8bn-1_tanh_b10", trainThroughput(batchNorm, split.train(), TrainingSettings.gradientDescent(0.03, 10)),
                "example-steps/s");
        print("grid100_2-8-8-1_tanh", gridMillis(spec, 100), "ms");
        print("grid200_2-8-8-1_tanh", gridMillis(spec, 200), "ms");
        double[] experiment = ExperimentBenchmark.saveOpenMillis();
        print("experiment_save_100k", experiment[0], "ms");
        print("experiment_open_100k", experiment[1], "ms");
        print("experiment_file_100k", experiment[2], "MB");
        double[] latency = FrameBenchmark.commandLatencyLargest(20);
        print("command_latency_largest_median", latency[0], "ms");
        print("command_latency_largest_max", latency[1], "ms");
        // Last: these start the JavaFX toolkit (headless); FrameBenchmark ends it.
        print("lab_redraw_6x1000", LabBenchmark.redrawMillis(), "ms");
        FrameBenchmark.Result frame = FrameBenchmark.run(10);
        print("frame_default", frame.frame(), "ms");
        print("frame_default_training", frame.training(), "ms");
        print("frame_default_drawing", frame.drawing(), "ms");
        print("loss_chart_redraw_" + frame.chartPoints(), frame.chartRedraw(), "ms");
        FrameBenchmark.Result gradients = FrameBenchmark.run(10, true);
        print("frame_default_gradient_view", gradients.frame(), "ms");
        print("frame_default_gradient_view_training", gradients.training(), "ms");
        print("frame_default_gradient_view_drawing", gradients.drawing(), "ms");
        FrameBenchmark.finish();
    }

    /**
     * Example-steps per second of mini-batch training (batch 10) on the circle's training half, through the
     * Trainer with its optimizer, remedies, divergence guard and reshuffling, without per-epoch metrics.
     */
    static double trainThroughput(NetworkSpec spec, Dataset train, TrainingSettings settings) {
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 7);
        Trainer trainer = new Trainer(net, train, null, settings, 7);
        // The figure is the training step itself; the per-epoch evaluation of the whole set is not part of it.
        trainer.recordMetrics(false);
        int stepsPerRound = 100_000;
        for (int i = 0; i < 300_000; i++) trainer.step();
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long examples = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < stepsPerRound; i++) {
                trainer.step();
            }
            long t1 = System.nanoTime();
            examples = (long) stepsPerRound * 10;
            rates[r] = examples / ((t1 - t0) * 1e-9);
        }
        sink += net.lastLoss();
        return median(rates);
    }

    /** Milliseconds to compute every neuron's h on a side × side grid over [−6, 6]², on all cores. */
    static double gridMillis(NetworkSpec spec, int side) {
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 7);
        DMatrixRMaj grid = new DMatrixRMaj(2, side * side);
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                grid.set(0, i * side + j, -6 + 12.0 * j / (side - 1));
                grid.set(1, i * side + j, 6 - 12.0 * i / (side - 1));
            }
        }
        ParallelInference inference = new ParallelInference(spec);
        for (int i = 0; i < 300; i++) sink += inference.run(net, grid).get(0, 0);
        double[] ms = new double[ROUNDS * 4];
        for (int r = 0; r < ms.length; r++) {
            long t0 = System.nanoTime();
            sink += inference.run(net, grid).get(0, r % 10);
            ms[r] = (System.nanoTime() - t0) * 1e-6;
        }
        return median(ms);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));
    }

    /** Keeps results alive so the JIT cannot drop the work being timed. */
    static volatile double sink;
}
