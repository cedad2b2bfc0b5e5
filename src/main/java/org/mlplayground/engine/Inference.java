package org.mlplayground.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Inference passes with buffers of their own: evaluates a network on many inputs (a test set, a heatmap
 * grid) and keeps every layer's h_l, without touching the network's cached training pass. Batch norm uses
 * its running statistics (so a_l of a batch-norm layer holds z_l, the activation's argument) and dropout
 * is off. One instance per thread; it may be reused for any network of the same spec.
 */
public final class Inference {
    private final NetworkSpec spec;
    private final DMatrixRMaj[] a;
    private final DMatrixRMaj[] h;

    public Inference(NetworkSpec spec) {
        this.spec = spec;
        this.a = new DMatrixRMaj[spec.depth() + 1];
        this.h = new DMatrixRMaj[spec.depth() + 1];
        for (int l = 1; l <= spec.depth(); l++) {
            a[l] = new DMatrixRMaj(1, 1);
            h[l] = new DMatrixRMaj(1, 1);
        }
    }

    /** Runs {@code net} on {@code x} (n_0 × N, one example per column) and returns o = h_L. */
    public DMatrixRMaj run(Network net, DMatrixRMaj x) {
        requireCompatible(spec, net, x);
        h[0] = x;
        for (int l = 1; l <= spec.depth(); l++) {
            net.layer(l).forward(h[l - 1], a[l], h[l]);
        }
        return h[spec.depth()];
    }

    /** Checks that an evaluator built for {@code spec} can run {@code net} on {@code x}. */
    static void requireCompatible(NetworkSpec spec, Network net, DMatrixRMaj x) {
        if (!net.spec().equals(spec)) {
            throw new IllegalArgumentException("this evaluator is for " + spec.shape() + ", not " + net.spec().shape());
        }
        if (x.numRows != spec.inputSize()) {
            throw new IllegalArgumentException("the network takes " + spec.inputSize() + " inputs per example, got "
                    + x.numRows);
        }
    }

    /** a_l of the last run, n_l × N. */
    public DMatrixRMaj a(int l) {
        return a[l];
    }

    /** h_l of the last run, n_l × N (h_0 is the input). */
    public DMatrixRMaj h(int l) {
        return h[l];
    }
}
