package org.mlplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Feature;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.Sgd;
import org.mlplayground.train.Augmentation;
import org.mlplayground.train.Checkpoint;
import org.mlplayground.train.EarlyStopping;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingConfig.HiddenLayer;

/**
 * Saving and opening an experiment: the file gives back exactly what was saved, and training on from the opened
 * file gives the losses the run would have had without stopping. The expected losses come from the run that
 * never stopped, not from the file.
 */
class ExperimentRoundTripTest {

    /** A 2-6-4-1 net on 200 circle points with dropout in both hidden layers and the given optimizer. */
    static TrainingConfig config(Hyperparameters optimizer, double learningRate) {
        return new TrainingConfig(new DataRecipe(Generator.CIRCLE, 200, 0.1, 0.5, 0, 3, 2),
                List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED), false,
                List.of(new HiddenLayer(6, Activation.tanh(), 0.2, false), new HiddenLayer(4, Activation.relu(), 0.1, false)),
                TrainingConfig.Problem.BINARY_TANH, Initializer.XAVIER_UNIFORM, optimizer, learningRate, 7,
                new Penalty.L2(0.001), Augmentation.NONE.withInputNoise(0.05), null, 11);
    }

    private static Experiment fresh(TrainingConfig config) {
        return new Experiment(config, new ExperimentData.FromRecipe(), null);
    }

    private static Experiment reopened(Experiment saved) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExperimentWriter.write(saved, out);
        return ExperimentReader.read(new ByteArrayInputStream(out.toByteArray()), "test.json");
    }

    /** Trains 137 steps (an epoch and a half at B = 7 … mid-epoch), saves, opens, and compares the next 50 losses. */
    private static void continuesAsIfNeverStopped(TrainingConfig config) throws Exception {
        Trainer original = fresh(config).trainer();
        for (int i = 0; i < 137; i++) original.step();
        Experiment saved = new Experiment(config, new ExperimentData.FromRecipe(), original.checkpoint());

        Trainer resumed = reopened(saved).trainer();

        assertEquals(original.stepCount(), resumed.stepCount());
        assertEquals(original.epoch(), resumed.epoch());
        double[] expected = new double[50], actual = new double[50];
        for (int i = 0; i < 50; i++) {
            expected[i] = original.step();
            actual[i] = resumed.step();
        }
        assertArrayEquals(expected, actual, "the 50 losses after reopening, bit for bit");
        for (int b = 0; b < original.network().parameters().size(); b++) {
            assertArrayEquals(original.network().parameters().get(b).value(), resumed.network().parameters().get(b).value());
        }
        assertEquals(original.history().points(), resumed.history().points());
    }

    @Test
    void gradientDescentWithDropoutContinuesBitForBit() throws Exception {
        continuesAsIfNeverStopped(config(Sgd.Settings.DEFAULTS, 0.05));
    }

    @Test
    void momentumWithDropoutContinuesBitForBit() throws Exception {
        continuesAsIfNeverStopped(config(new Momentum.Settings(0.9), 0.01));
    }

    @Test
    void adamWithDropoutContinuesBitForBit() throws Exception {
        continuesAsIfNeverStopped(config(Adam.Settings.DEFAULTS, 0.01));
    }

    @Test
    void batchNormMixupAndAugmentationContinueBitForBit() throws Exception {
        TrainingConfig c = config(Adam.Settings.DEFAULTS, 0.01)
                .withHidden(List.of(new HiddenLayer(5, Activation.tanh(), 0.3, true), new HiddenLayer(3, Activation.elu(), 0, true)))
                .withAugmentation(new Augmentation(0.05, 0.1, 20, true, false, 0.4, 0.1));
        continuesAsIfNeverStopped(c);
    }

    @Test
    void earlyStoppingBookkeepingContinuesBitForBit() throws Exception {
        TrainingConfig c = config(Sgd.Settings.DEFAULTS, 0.05)
                .withData(new DataRecipe(Generator.CIRCLE, 200, 0.1, 0.5, 0.3, 3, 2))
                .withEarlyStopping(new EarlyStopping(50, 0));
        continuesAsIfNeverStopped(c);
    }

    @Test
    void roundTripKeepsWeightsOptimizerStateSeedCountersAndHistoryExactly() throws Exception {
        TrainingConfig config = config(Adam.Settings.DEFAULTS, 0.01);
        Trainer trainer = fresh(config).trainer();
        for (int i = 0; i < 400; i++) trainer.step();
        Checkpoint saved = trainer.checkpoint();

        Experiment back = reopened(new Experiment(config, new ExperimentData.FromRecipe(), saved));

        assertEquals(config, back.config());
        assertEquals(11, back.config().seed());
        Checkpoint c = back.state();
        assertEquals(400, c.step());
        assertEquals(saved.epoch(), c.epoch());
        assertEquals(saved.position(), c.position());
        assertArrayEquals(saved.order(), c.order());
        assertEquals(saved.shuffle(), c.shuffle());
        assertEquals(saved.remedies(), c.remedies());
        assertEquals(saved.weights().size(), c.weights().size());
        for (int b = 0; b < c.weights().size(); b++) assertArrayEquals(saved.weights().get(b), c.weights().get(b));
        Optimizer.Memory m = saved.optimizer(), n = c.optimizer();
        assertEquals(400, n.count(), "Adam's k");
        assertEquals(m.arrays().length, n.arrays().length);
        for (int b = 0; b < m.arrays().length; b++) {
            for (int s = 0; s < 2; s++) assertArrayEquals(m.arrays()[b][s], n.arrays()[b][s]);
        }
        assertEquals(saved.history(), c.history());
        assertEquals(Double.doubleToLongBits(saved.lastBatchLoss()), Double.doubleToLongBits(c.lastBatchLoss()));
    }

    @Test
    void writingWhatWasReadGivesTheSameText() throws Exception {
        TrainingConfig config = config(new Momentum.Settings(0.5), 0.02);
        Trainer trainer = fresh(config).trainer();
        for (int i = 0; i < 90; i++) trainer.step();
        Experiment e = new Experiment(config, new ExperimentData.FromRecipe(), trainer.checkpoint());
        ByteArrayOutputStream first = new ByteArrayOutputStream(), second = new ByteArrayOutputStream();
        ExperimentWriter.write(e, first);
        ExperimentWriter.write(reopened(e), second);

        assertEquals(first.toString(StandardCharsets.UTF_8), second.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pointsWrittenOutComeBackWithTheirSplitNamesAndPlane() throws Exception {
        Dataset train = new Dataset("drawn (train)", new double[][] {{0.1, -2}, {1e-300, 3.5}, {-0.0, 4}},
                new double[] {0, 2, 1}, List.of("setosa", "versicolor", "virginica"));
        Dataset test = new Dataset("drawn (test)", new double[][] {{0.3333333333333333, 1}}, new double[] {1},
                List.of("setosa", "versicolor", "virginica"));
        ExperimentData.Points points = new ExperimentData.Points("iris: petal length × petal width",
                Generator.Task.MULTICLASS, List.of("setosa", "versicolor", "virginica"), List.of("petal length", "petal width"),
                train, null, test, new ExperimentData.Bounds(-1, 7.5, -3, 5));
        TrainingConfig config = TrainingConfig.defaults().withProblem(TrainingConfig.Problem.MULTICLASS).withBatchSize(2);
        Trainer trainer = new Experiment(config, points, null).trainer();
        trainer.step();
        trainer.step();

        Experiment back = reopened(new Experiment(config, points, trainer.checkpoint()));

        ExperimentData.Points p = (ExperimentData.Points) back.data();
        assertEquals(points.name(), p.name());
        assertEquals(points.classNames(), p.classNames());
        assertEquals(points.inputNames(), p.inputNames());
        assertEquals(points.plane(), p.plane());
        assertEquals(3, p.train().size());
        assertArrayEquals(train.x()[1], p.train().x()[1]);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(p.train().x()[2][0]), "−0 stays −0");
        assertArrayEquals(train.y(), p.train().y());
        assertArrayEquals(test.x()[0], p.test().x()[0]);
        assertEquals(null, p.validation());
        assertEquals(3, back.outputs());
    }

    @Test
    void drawnPointsOnTwoBlobsKeepTheirMinusOneLabels() throws Exception {
        // Two Gaussian blobs are labelled −1/+1 like every binary set, though the task is multi-class.
        Dataset train = new Dataset("blobs-2 (edited)", new double[][] {{0, 3.5}, {0, -3.5}, {1, 1}}, new double[] {-1, 1, 1});
        ExperimentData.Points points = new ExperimentData.Points("Gaussian blobs (edited)", Generator.Task.MULTICLASS,
                List.of("class 1", "class 2"), List.of("x₁", "x₂"), train, null, null, ExperimentData.Bounds.STANDARD);
        TrainingConfig config = TrainingConfig.defaults().withProblem(TrainingConfig.Problem.MULTICLASS).withBatchSize(3);
        Trainer trainer = new Experiment(config, points, null).trainer();
        trainer.step();

        Experiment back = reopened(new Experiment(config, points, trainer.checkpoint()));

        assertArrayEquals(train.y(), back.parts().train().y());
        assertEquals(2, back.outputs());
    }

    @Test
    void aHandWrittenFileWithoutStateStartsAFreshRun() throws Exception {
        String text = """
                {
                  "format": "mlp-playground-experiment",
                  "version": 1,
                  "config": {
                    "data": {"generator": "xor", "points": 300, "noise": 0.1, "trainShare": 0.6, "validationShare": 0,
                             "seed": 5, "classes": 2},
                    "features": ["x1", "x2", "x1*x2"],
                    "standardize": false,
                    "hidden": [{"neurons": 3, "activation": "tanh", "dropout": 0, "batchNorm": false}],
                    "problem": "binary-tanh", "initializer": "xavier",
                    "optimizer": {"id": "sgd"}, "learningRate": 0.03, "batchSize": 10,
                    "penalty": {"kind": "none"},
                    "augmentation": {"inputNoise": 0, "jitter": 0, "rotationDegrees": 0, "mirrorX": false,
                                     "mirrorY": false, "mixupAlpha": 0, "labelSmoothing": 0},
                    "earlyStopping": null, "seed": 9
                  },
                  "data": {"source": "recipe"}
                }
                """;
        Experiment e = ExperimentReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "xor.json");

        assertEquals(null, e.state());
        Trainer fromFile = e.trainer();
        TrainingConfig expected = TrainingConfig.defaults()
                .withData(new DataRecipe(Generator.XOR, 300, 0.1, 0.6, 0, 5, 2))
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2))
                .withHidden(List.of(new HiddenLayer(3, Activation.tanh())))
                .withSeed(9);
        assertEquals(expected, e.config());
        DataRecipe.Parts parts = expected.data().make();
        Trainer direct = expected.trainer(parts.train(), parts.validation(), parts.test(), 1);
        for (int i = 0; i < 40; i++) assertEquals(direct.step(), fromFile.step());
    }

    @Test
    void savedFileIsReadableJsonWithNamedFieldsAndIds(@TempDir Path dir) throws Exception {
        TrainingConfig config = config(Adam.Settings.DEFAULTS, 0.01);
        Trainer trainer = fresh(config).trainer();
        for (int i = 0; i < 20; i++) trainer.step();
        Path file = dir.resolve("run.json");
        Files.writeString(Path.of("target/experiment-example.json"), "");
        ExperimentFiles.save(file, new Experiment(config, new ExperimentData.FromRecipe(), trainer.checkpoint()));

        String text = Files.readString(file);
        Files.writeString(Path.of("target/experiment-example.json"), text);
        assertTrue(text.contains("\"learningRate\" : 0.01"), text.substring(0, 400));
        assertTrue(text.contains("\"id\" : \"adam\""));
        assertTrue(text.contains("\"activation\" : \"relu\""));
        assertTrue(text.contains("\"testLoss\" : "), "metrics by name");
        List<Parameter> params = trainer.network().parameters();
        assertTrue(text.contains("\"" + params.get(0).name() + "\" : ["));
        assertNotNull(ExperimentFiles.read(file).state());
    }
}
