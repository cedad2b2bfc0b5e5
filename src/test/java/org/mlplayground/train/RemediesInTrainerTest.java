package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.data.InputMap;
import org.mlplayground.data.Standardizer;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Adam;

/** How the trainer applies the remedies to its batches: order, reproducibility, live changes, bad settings. */
class RemediesInTrainerTest {
    private static final NetworkSpec SPEC3 = NetworkSpec.input(3).dense(6, Activation.tanh()).dense(6, Activation.tanh())
            .dense(1, Activation.tanh()).loss(Loss.MSE);

    /** Circle points with their example number as a third value, which augmentation leaves alone. */
    private static Dataset numbered(int n) {
        Dataset circle = Generators.circle(n, 0.1, 7);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = new double[] {circle.x()[i][0], circle.x()[i][1], i};
        return new Dataset("numbered circle", x, circle.y());
    }

    private static TrainingSettings everything() {
        return TrainingSettings.of(Adam.Settings.DEFAULTS, 8)
                .withRegularization(Regularization.NONE.withPenalty(new Penalty.L2(0.5)).withDropoutEverywhere(2, 0.3))
                .withAugmentation(Augmentation.NONE.withInputNoise(0.1).withRotation(20).withMirror(true, false)
                        .withJitter(0.05).withMixup(0.3).withLabelSmoothing(0.1));
    }

    private static double[] weights(Network net) {
        List<Double> all = new ArrayList<>();
        for (Parameter p : net.parameters()) for (int i = 0; i < p.size(); i++) all.add(p.value()[i]);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void theSameSeedAndSettingsReproduceARunWithEveryRemedyOn() {
        double[][] result = new double[2][];
        for (int run = 0; run < 2; run++) {
            Network net = Network.create(SPEC3, Initializer.XAVIER_UNIFORM, 12);
            Trainer trainer = new Trainer(net, numbered(120), null, everything(), 12);
            for (int e = 0; e < 5; e++) trainer.runEpoch();
            result[run] = weights(net);
        }
        assertArrayEquals(result[0], result[1], 0.0);
        Network other = Network.create(SPEC3, Initializer.XAVIER_UNIFORM, 12);
        Trainer trainer = new Trainer(other, numbered(120), null, everything(), 13);
        for (int e = 0; e < 5; e++) trainer.runEpoch();
        assertNotEquals(result[0][0], weights(other)[0], "another seed, another run");
    }

    @Test
    void switchingDropoutOnLeavesTheOrderOfTheBatchesAlone() {
        List<List<Double>> ids = new ArrayList<>();
        for (double p : new double[] {0, 0.5}) {
            Network net = Network.create(SPEC3, Initializer.XAVIER_UNIFORM, 3);
            TrainingSettings settings = TrainingSettings.gradientDescent(0.01, 10)
                    .withRegularization(Regularization.NONE.withDropout(1, p));
            Trainer trainer = new Trainer(net, numbered(50), null, settings, 3);
            List<Double> seen = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                trainer.step();
                DMatrixRMaj h0 = net.input();
                for (int c = 0; c < h0.numCols; c++) seen.add(h0.get(2, c));
            }
            ids.add(seen);
        }
        assertEquals(ids.get(0), ids.get(1));
    }

    @Test
    void rotationAndMirrorMoveTheRawPointButNotItsDistanceFromTheCentre() {
        Dataset data = numbered(60);
        Network net = Network.create(SPEC3, Initializer.XAVIER_UNIFORM, 4);
        TrainingSettings settings = TrainingSettings.gradientDescent(0.01, 20)
                .withAugmentation(Augmentation.NONE.withRotation(90).withMirror(true, true));
        Trainer trainer = new Trainer(net, data, null, settings, 4);
        int moved = 0;
        for (int s = 0; s < 3; s++) {
            trainer.step();
            DMatrixRMaj h0 = net.input();
            for (int c = 0; c < h0.numCols; c++) {
                double[] original = data.x()[(int) h0.get(2, c)];
                assertEquals(Math.hypot(original[0], original[1]), Math.hypot(h0.get(0, c), h0.get(1, c)), 1e-12);
                if (Math.abs(h0.get(0, c) - original[0]) > 1e-9) moved++;
            }
        }
        assertTrue(moved > 50, "only " + moved + " of 60 points moved");
    }

    @Test
    void augmentationHappensBeforeTheInputMapAndMetricsUseTheUnchangedData() {
        Dataset.Split split = Generators.circle(200, 0.1, 9).split(0.5, 9);
        Standardizer standardizer = Standardizer.fit(split.train());
        NetworkSpec spec = NetworkSpec.input(2).dense(4, Activation.tanh()).dense(1, Activation.tanh()).loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 9);
        TrainingSettings settings = TrainingSettings.gradientDescent(0.01, 100)
                .withAugmentation(Augmentation.NONE.withMirror(true, false));
        Trainer trainer = new Trainer(net, new TrainingData(split.train(), null, split.test(), standardizer), settings, 9);
        trainer.runEpoch();
        // Every column the network saw is the standardised image of a training point or of its mirror image.
        DMatrixRMaj h0 = net.input();
        for (int c = 0; c < h0.numCols; c++) {
            double x1 = h0.get(0, c) * standardizer.scale(0) + standardizer.mean(0);
            double x2 = h0.get(1, c) * standardizer.scale(1) + standardizer.mean(1);
            boolean found = false;
            for (double[] p : split.train().x()) {
                if (Math.abs(p[1] - x2) < 1e-9 && (Math.abs(p[0] - x1) < 1e-9 || Math.abs(-p[0] - x1) < 1e-9)) found = true;
            }
            assertTrue(found, "column " + c + " = (" + x1 + ", " + x2 + ") is no training point");
        }
        EpochMetrics m = trainer.history().latest();
        assertEquals(Trainer.evaluate(net, standardizer.applyTo(split.train())).loss(), m.trainLoss(), 0.0);
        assertEquals(Trainer.evaluate(net, standardizer.applyTo(split.test())).loss(), m.testLoss(), 0.0);
    }

    @Test
    void dropoutSwitchedOnAndOffWhileTrainingAppliesFromTheNextStep() {
        Network net = Network.create(SPEC3, Initializer.XAVIER_UNIFORM, 5);
        Trainer trainer = new Trainer(net, numbered(40), null, TrainingSettings.gradientDescent(0.01, 10), 5);
        trainer.step();
        assertEquals(0, net.layer(1).dropoutMask().getNumElements());
        trainer.setRegularization(Regularization.NONE.withDropout(2, 0.4));
        trainer.step();
        assertEquals(0, net.layer(1).dropoutMask().getNumElements());
        assertEquals(60, net.layer(2).dropoutMask().getNumElements());
        trainer.setRegularization(Regularization.NONE);
        trainer.step();
        assertEquals(0, net.layer(2).dropoutMask().getNumElements());
    }

    @Test
    void settingsTheRunCannotFollowAreRefusedWithAReason() {
        Network net = Network.create(SPEC3, Initializer.XAVIER_UNIFORM, 5);
        Trainer trainer = new Trainer(net, numbered(40), null, TrainingSettings.gradientDescent(0.01, 10), 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.setRegularization(Regularization.NONE.withDropout(3, 0.5)));
        assertEquals("dropout rate for layer 3, but the network has 2 hidden layers", e.getMessage());

        double[][] x = {{0.1}, {0.2}, {0.3}};
        Dataset regression = new Dataset("values", x, new double[] {0.5, 1.5, -2});
        NetworkSpec spec = NetworkSpec.input(1).dense(2, Activation.tanh()).dense(1, Activation.identity()).loss(Loss.MSE);
        Trainer onValues = new Trainer(Network.create(spec, Initializer.XAVIER_UNIFORM, 1), regression, null,
                TrainingSettings.gradientDescent(0.01, 2), 1);
        e = assertThrows(IllegalArgumentException.class, () -> onValues.setAugmentation(Augmentation.NONE.withMixup(0.2)));
        assertEquals("mixup and label smoothing are for classification; this data has regression targets", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> onValues.setAugmentation(Augmentation.NONE.withRotation(10)));
        assertTrue(e.getMessage().startsWith("jitter, rotation and mirrors work on 2-D points"), e.getMessage());
        assertEquals(Augmentation.NONE, onValues.settings().augmentation(), "nothing was posted");
    }

    @Test
    void inputMapsMustFitTheNetwork() {
        Dataset data = Generators.circle(20, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(Network.create(SPEC3, Initializer.XAVIER_UNIFORM, 1),
                        new TrainingData(data, null, null, InputMap.identity(2)), TrainingSettings.gradientDescent(0.1, 5), 1));
        assertEquals("the input map produces 2 inputs per example but the network takes 3", e.getMessage());
    }
}
