package org.mlplayground.train;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Inference;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;

/**
 * Mini-batch gradient descent over a training set: the examples are reshuffled at the start of every
 * epoch with the run's seeded generator, then taken B at a time (the last batch of an epoch may be
 * smaller). Not thread-safe: one training thread owns a trainer.
 */
public final class Trainer {
    private final Network network;
    private final Dataset train;
    private final SplittableRandom random;
    private final int[] order;
    private final DMatrixRMaj X = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj Y = new DMatrixRMaj(1, 1);
    private int batchSize;
    private double learningRate;
    private int position;
    private long step;
    private int epoch;
    private double lastBatchLoss = Double.NaN;

    public Trainer(Network network, Dataset train, int batchSize, double learningRate, long seed) {
        if (train.size() == 0) throw new IllegalArgumentException("the training set is empty");
        if (train.inputSize() != network.spec().inputSize()) {
            throw new IllegalArgumentException("the data has " + train.inputSize() + " inputs per example but the network takes "
                    + network.spec().inputSize());
        }
        this.network = network;
        this.train = train;
        this.random = new SplittableRandom(seed);
        this.order = Batches.identityOrder(train.size());
        setBatchSize(batchSize);
        setLearningRate(learningRate);
    }

    /** One mini-batch: forward, backward, θ ← θ − γ ∂L/∂θ. Returns the batch loss before the update. */
    public double step() {
        if (position == 0) shuffle();
        int to = Math.min(position + batchSize, order.length);
        Batches.gatherInputs(train, order, position, to, X);
        Batches.gatherTargets(train, order, position, to, network.spec().loss(), network.spec().outputSize(), Y);
        lastBatchLoss = network.backprop(X, Y);
        network.applyGradientDescent(learningRate);
        step++;
        position = to;
        if (position == order.length) {
            position = 0;
            epoch++;
        }
        return lastBatchLoss;
    }

    /** Steps until the current epoch is complete. */
    public void runEpoch() {
        int startEpoch = epoch;
        while (epoch == startEpoch) step();
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    public Network network() {
        return network;
    }

    public long stepCount() {
        return step;
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    public double lastBatchLoss() {
        return lastBatchLoss;
    }

    public int batchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        this.batchSize = batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Loss and accuracy of {@code net} on a whole data set. */
    public record Evaluation(double loss, double accuracy) {
    }

    /**
     * Mean loss and classification accuracy of {@code net} on {@code data}, computed with separate buffers
     * so the last training pass stays readable. Accuracy: sign of o for one tanh/identity output (±1
     * labels), o &gt; 0.5 for sigmoid, arg max for softmax; NaN for regression targets that are not ±1.
     */
    public static Evaluation evaluate(Network net, Dataset data) {
        int n = data.size();
        int[] all = Batches.identityOrder(n);
        DMatrixRMaj x = new DMatrixRMaj(1, 1), y = new DMatrixRMaj(1, 1);
        Loss loss = net.spec().loss();
        int outputs = net.spec().outputSize();
        Batches.gatherInputs(data, all, 0, n, x);
        Batches.gatherTargets(data, all, 0, n, loss, outputs, y);
        Inference inference = new Inference(net.spec());
        DMatrixRMaj o = inference.run(net, x);
        double meanLoss = loss.value(inference.a(net.depth()), o, y);
        int correct = 0;
        boolean classification = true;
        for (int c = 0; c < n; c++) {
            double label = data.y()[c];
            if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                int best = 0;
                for (int r = 1; r < outputs; r++) if (o.get(r, c) > o.get(best, c)) best = r;
                if (best == (int) label) correct++;
            } else if (loss == Loss.SIGMOID_CROSS_ENTROPY) {
                if ((o.get(0, c) > 0.5) == (label > 0)) correct++;
            } else {
                if (label != 1 && label != -1) classification = false;
                if ((o.get(0, c) >= 0) == (label > 0)) correct++;
            }
        }
        return new Evaluation(meanLoss, classification ? (double) correct / n : Double.NaN);
    }
}
