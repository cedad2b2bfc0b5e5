package org.mlplayground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.BackpropTrace;

/**
 * Traces of one plain gradient-descent step made in the test, the way the trainer makes them: backprop on a
 * copy of the network, every quantity copied out of its layers, central differences for the gradient check.
 */
final class StepperTraces {
    private static final double EPS = 1e-5;

    private StepperTraces() {
    }

    /** 2-3-2-1 tanh, MSE, a batch of 4 points. */
    static BackpropTrace tanhNet() {
        NetworkSpec spec = NetworkSpec.input(2).dense(3, Activation.tanh()).dense(2, Activation.tanh())
                .dense(1, Activation.tanh()).loss(Loss.MSE);
        return of(spec, 4, 0, 7);
    }

    /** 2-4-3-3 with a batch-norm ReLU-free hidden layer (tanh), dropout 0.5 in layer 1, softmax + cross-entropy. */
    static BackpropTrace batchNormDropoutSoftmax() {
        NetworkSpec spec = NetworkSpec.input(2).dense(4, Activation.tanh()).dense(3, Activation.sigmoid()).batchNorm()
                .dense(3, Activation.softmax()).loss(Loss.SOFTMAX_CROSS_ENTROPY);
        return of(spec, 5, 0.5, 11);
    }

    /**
     * A trace for {@code spec} with a batch of {@code batch} random points in [−3, 3]², targets to suit the
     * loss, dropout rate {@code dropout} in layer 1, one gradient-descent step of γ = 0.1.
     */
    static BackpropTrace of(NetworkSpec spec, int batch, double dropout, long seed) {
        Network before = Network.create(spec, Initializer.XAVIER_UNIFORM, 0.1, seed);
        if (dropout > 0) before.setDropout(1, dropout);
        SplittableRandom random = new SplittableRandom(seed);
        int n0 = spec.inputSize(), nL = spec.outputSize();
        DMatrixRMaj x = new DMatrixRMaj(n0, batch);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = random.nextDouble(-3, 3);
        DMatrixRMaj y = new DMatrixRMaj(nL, batch);
        for (int c = 0; c < batch; c++) {
            switch (spec.loss()) {
                case SOFTMAX_CROSS_ENTROPY -> y.set(c % nL, c, 1);
                case SIGMOID_CROSS_ENTROPY -> y.set(0, c, c % 2);
                default -> {
                    for (int r = 0; r < nL; r++) y.set(r, c, c % 2 == 0 ? 1 : -1);
                }
            }
        }
        return trace(before, x, y, 0.1, 1, seed);
    }

    static BackpropTrace trace(Network before, DMatrixRMaj x, DMatrixRMaj y, double learningRate, long step, long seed) {
        Network net = before.copy();
        int batch = x.numCols;
        if (net.hasDropout()) net.drawDropoutMasks(batch, new SplittableRandom(seed + 1));
        double loss = net.backprop(x, y);
        List<BackpropTrace.LayerTrace> layers = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            DenseLayer d = net.layer(l);
            layers.add(new BackpropTrace.LayerTrace(l, d.W().copy(), d.b().copy(), d.hPrev().copy(), d.a().copy(),
                    d.batchNorm() ? d.aHat().copy() : null, d.batchNorm() ? d.z().copy() : null, d.h().copy(),
                    d.dropoutMask().getNumElements() == 0 ? null : d.dropoutMask().copy(), d.phiPrime().copy(),
                    d.dLdh().copy(), d.delta().copy(), d.dLdW().copy(), d.dLdb().copy()));
        }
        DenseLayer out = net.outputLayer();
        DMatrixRMaj dLdo = new DMatrixRMaj(out.h().numRows, batch);
        for (int i = 0; i < dLdo.getNumElements(); i++) {
            double o = out.h().data[i], t = y.data[i];
            dLdo.data[i] = switch (net.spec().loss()) {
                case MSE -> o - t;
                case MAE -> Math.signum(o - t);
                case SIGMOID_CROSS_ENTROPY -> (o - t) / (o * (1 - o));
                case SOFTMAX_CROSS_ENTROPY -> -t / o;
            };
        }
        List<double[]> gradients = new ArrayList<>();
        for (Parameter p : net.parameters()) gradients.add(java.util.Arrays.copyOf(p.gradient(), p.size()));

        // Central differences with the same batch and masks (the training pass keeps the drawn masks).
        Network probe = before.copy();
        if (probe.hasDropout()) probe.drawDropoutMasks(batch, new SplittableRandom(seed + 1));
        List<double[]> finite = new ArrayList<>();
        for (Parameter p : probe.parameters()) {
            double[] f = new double[p.size()];
            for (int i = 0; i < p.size(); i++) {
                double w = p.value()[i];
                p.value()[i] = w + EPS;
                double plus = probe.loss(x, y);
                p.value()[i] = w - EPS;
                double minus = probe.loss(x, y);
                p.value()[i] = w;
                f[i] = (plus - minus) / (2 * EPS);
            }
            finite.add(f);
        }

        Network after = net.copy();
        for (int k = 0; k < after.parameters().size(); k++) {
            Parameter p = after.parameters().get(k);
            for (int i = 0; i < p.size(); i++) p.value()[i] -= learningRate * gradients.get(k)[i];
        }
        int[] examples = new int[batch];
        for (int c = 0; c < batch; c++) examples[c] = 10 * c + 3;
        return new BackpropTrace(before, after, x.copy(), y.copy(), examples, layers, loss, dLdo, gradients, finite,
                "Gradient descent", learningRate, step);
    }

    /** The same trace with the gradient of entry {@code index} of block {@code block} changed: a wrong backprop. */
    static BackpropTrace withWrongGradient(BackpropTrace t, int block, int index, double factor) {
        List<double[]> gradients = new ArrayList<>();
        for (double[] g : t.gradients()) gradients.add(g.clone());
        gradients.get(block)[index] *= factor;
        return new BackpropTrace(t.before(), t.after(), t.x(), t.y(), t.examples(), t.layers(), t.loss(), t.dLdo(), gradients,
                t.finiteDifferences(), t.optimizer(), t.learningRate(), t.step());
    }
}
