package org.mlplayground.health;

import java.util.List;
import org.mlplayground.engine.Network;
import org.mlplayground.train.Trainer;

/**
 * Watches a run's gradient health while a view shows it: after each training step the loop calls
 * {@link #afterStep(Trainer)}, which reads the step's cached pass ({@link GradientHealth#measure}), keeps the
 * newest measurement for the view and adds ‖∂L/∂W_l‖ and ‖δ_l‖ to a bounded {@link GradientHistory}.
 *
 * <p><b>Costs nothing when not attached.</b> The trainer knows nothing of the monitor: the training loop
 * holds it and calls {@link #afterStep} only while the gradient view is shown, so a hidden view costs one
 * null check per step in the loop and nothing in the trainer. The monitor only reads the network (weights,
 * cached pass); it draws no random numbers and touches no optimizer state, so a run trains bit-identically
 * with the monitor attached, detached, or attached for part of it. Attached, a step costs
 * O(Σ_l n_l (n_{l−1} + B)): one copy of the weights, the norms, and the histograms over the batch, next to
 * backprop's O(Σ_l n_l n_{l−1} B).
 *
 * <p><b>Update ratio.</b> ΔW needs the weights before the step; the monitor keeps a copy of the weights it
 * saw at the previous step. The first step measured after attaching (or after a step it missed) has no
 * update ratio (NaN).
 *
 * <p>Threads: the training thread calls {@link #afterStep}; a view reads {@link #latest()} and
 * {@link #history()} from any thread.
 */
public final class GradientMonitor {
    private final GradientHistory history;
    /** The newest step's health and chain, published together so a reader never mixes two steps. */
    private volatile Measurement newest;
    /** Training thread: the network and step the weight copy belongs to. */
    private Network watched;
    private long copiedAtStep = -1;
    private List<double[]> copied;

    public GradientMonitor() {
        this(GradientHistory.DEFAULT_CAPACITY);
    }

    /** @param capacity the most points the history keeps (even, at least 4) */
    public GradientMonitor(int capacity) {
        this.history = new GradientHistory(capacity);
    }

    /**
     * Measures the step {@code trainer} has just taken. A step the divergence guard undid is not measured
     * (its weights were put back and its pass is not finite); a new network (a new run) starts a new history.
     * Training thread only.
     */
    public void afterStep(Trainer trainer) {
        if (trainer.divergence().isPresent()) return;
        Network net = trainer.network();
        long step = trainer.stepCount();
        if (net != watched) {
            history.clear();
            newest = null;
            watched = net;
            copied = null;
        }
        boolean consecutive = copied != null && copiedAtStep == step - 1 && trainer.earlyStop().isEmpty();
        GradientHealth health = GradientHealth.measure(net, step, consecutive ? copied : null);
        newest = new Measurement(health, isChain(net) ? Chain.of(net, 0) : null);
        history.add(GradientHistory.Point.of(health));
        copyWeights(net);
        copiedAtStep = step;
    }

    private void copyWeights(Network net) {
        if (copied == null) {
            copied = GradientHealth.weightsOf(net);
            return;
        }
        for (int l = 1; l <= net.depth(); l++) {
            double[] into = copied.get(l - 1);
            System.arraycopy(net.layer(l).W().data, 0, into, 0, into.length);
        }
    }

    /**
     * Whether {@link Chain#of} can read {@code net}'s last pass: one neuron in every layer, no batch norm, no
     * dropout in that pass.
     */
    static boolean isChain(Network net) {
        for (int l = 1; l <= net.depth(); l++) {
            var layer = net.layer(l);
            if (layer.size() != 1 || layer.batchNorm() || layer.dropoutMask().getNumElements() > 0) return false;
        }
        return net.layer(1).delta().numCols > 0;
    }

    /**
     * The chain of the newest measured step's first example when the network is a chain (one neuron per layer,
     * no batch norm or dropout), otherwise {@code null}.
     */
    public Chain latestChain() {
        Measurement m = newest;
        return m == null ? null : m.chain();
    }

    /** The newest measurement, or {@code null} before the first. */
    public GradientHealth latest() {
        Measurement m = newest;
        return m == null ? null : m.health();
    }

    /** The newest step's health and chain together, or {@code null} before the first. */
    public Measurement latestMeasurement() {
        return newest;
    }

    /**
     * Forgets what was measured (the window started a new run: its first step starts a new history). Any thread;
     * a step measured at the same moment may be lost, never mixed with the old run's.
     */
    public void clear() {
        newest = null;
        history.clear();
    }

    /**
     * One step's measurement.
     *
     * @param health the step's gradient health
     * @param chain  its chain when the network is one (one neuron per layer), otherwise {@code null}
     */
    public record Measurement(GradientHealth health, Chain chain) {
    }

    /** ‖∂L/∂W_l‖ and ‖δ_l‖ of every measured step, downsampled. */
    public GradientHistory history() {
        return history;
    }
}
