package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Batch normalisation (COURSE.md §4): batch statistics while training, running averages at inference. */
class BatchNormTest {

    private static Network net() {
        NetworkSpec spec = NetworkSpec.input(2).dense(3, Activation.tanh()).batchNorm()
                .dense(1, Activation.identity()).loss(Loss.MSE);
        Network net = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.2, 11);
        net.layer(1).gamma().data[0] = 1.5;
        net.layer(1).beta().data[2] = -0.4;
        return net;
    }

    private static DMatrixRMaj batch(int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(2, columns);
        for (int i = 0; i < x.data.length; i++) x.data[i] = 3 * random.nextGaussian() + 1;
        return x;
    }

    @Test
    void aTrainingPassStandardisesEachNeuronOverTheBatch() {
        Network net = net();
        DMatrixRMaj x = batch(7, 1);
        net.forward(x);
        DenseLayer layer = net.layer(1);
        for (int i = 0; i < 3; i++) {
            double mean = 0, variance = 0;
            for (int c = 0; c < 7; c++) mean += layer.a().get(i, c) / 7;
            for (int c = 0; c < 7; c++) variance += Math.pow(layer.a().get(i, c) - mean, 2) / 7;
            for (int c = 0; c < 7; c++) {
                double aHat = (layer.a().get(i, c) - mean) / Math.sqrt(variance + 1e-5);
                double z = layer.gamma().get(i) * aHat + layer.beta().get(i);
                assertEquals(aHat, layer.aHat().get(i, c), 1e-12);
                assertEquals(Math.tanh(z), layer.h().get(i, c), 1e-12);
            }
        }
    }

    @Test
    void inferenceUsesTheRunningStatisticsNotTheBatch() {
        Network net = net();
        DMatrixRMaj x = batch(5, 2);
        net.backprop(x, new DMatrixRMaj(1, 5));
        DenseLayer layer = net.layer(1);
        double[] mu = new double[3], var = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 5; c++) mu[i] += layer.a().get(i, c) / 5;
            for (int c = 0; c < 5; c++) var[i] += Math.pow(layer.a().get(i, c) - mu[i], 2) / 4;   // unbiased
            // from μ_run = 0, σ²_run = 1 with momentum 0.1
            assertEquals(0.1 * mu[i], layer.runningMean().get(i), 1e-12);
            assertEquals(0.9 + 0.1 * var[i], layer.runningVariance().get(i), 1e-12);
        }
        double x1 = 0.5, x2 = -2;
        double o = net.outputLayer().b().get(0);
        for (int i = 0; i < 3; i++) {
            double a = layer.W().get(i, 0) * x1 + layer.W().get(i, 1) * x2 + layer.b().get(i);
            double z = layer.gamma().get(i) * (a - layer.runningMean().get(i))
                    / Math.sqrt(layer.runningVariance().get(i) + 1e-5) + layer.beta().get(i);
            o += net.outputLayer().W().get(0, i) * Math.tanh(z);
        }
        assertEquals(o, net.predict(x1, x2)[0], 1e-12);
        DMatrixRMaj viaInference = new Inference(net.spec()).run(net, new DMatrixRMaj(2, 1, true, x1, x2));
        assertEquals(o, viaInference.get(0), 1e-12);
    }

    @Test
    void runningStatisticsConvergeToThePopulationStatistics() {
        Network net = net();
        DMatrixRMaj x = batch(400, 3);
        for (int k = 0; k < 300; k++) net.backprop(x, new DMatrixRMaj(1, 400));   // weights do not change
        DenseLayer layer = net.layer(1);
        for (int i = 0; i < 3; i++) {
            double mean = 0, variance = 0;
            for (int c = 0; c < 400; c++) mean += layer.a().get(i, c) / 400;
            for (int c = 0; c < 400; c++) variance += Math.pow(layer.a().get(i, c) - mean, 2) / 399;
            // after 300 steps 0.9^300 ≈ 2e-14 of the start remains
            assertEquals(mean, layer.runningMean().get(i), 1e-9 * Math.max(1, Math.abs(mean)));
            assertEquals(variance, layer.runningVariance().get(i), 1e-9 * variance);
        }
        // With the running statistics equal to the full batch's, inference reproduces the training pass
        // up to the unbiased/biased variance factor 400/399.
        net.forward(x);
        double[] train = net.outputLayer().h().data.clone();
        DMatrixRMaj inference = new Inference(net.spec()).run(net, x);
        for (int c = 0; c < 400; c++) assertEquals(train[c], inference.get(c), 0.02);
    }

    @Test
    void aCopyCarriesGammaBetaAndTheRunningStatistics() {
        Network net = net();
        net.backprop(batch(6, 4), new DMatrixRMaj(1, 6));
        Network copy = net.copy();
        assertArrayEquals(net.layer(1).runningMean().data, copy.layer(1).runningMean().data, 0.0);
        assertArrayEquals(net.layer(1).runningVariance().data, copy.layer(1).runningVariance().data, 0.0);
        assertArrayEquals(net.predict(1, 2), copy.predict(1, 2), 0.0);
        assertEquals(1.5, copy.layer(1).gamma().get(0));
        assertEquals(-0.4, copy.layer(1).beta().get(2));
        assertEquals(java.util.List.of("W1", "b1", "γ1", "β1", "W2", "b2"),
                net.parameters().stream().map(Parameter::name).toList());
    }

    @Test
    void batchNormBelongsInHiddenLayers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSpec.input(2).dense(1, Activation.tanh()).batchNorm().loss(Loss.MSE));
        assertEquals("batch normalisation goes in hidden layers, not the output layer", e.getMessage());
    }
}
