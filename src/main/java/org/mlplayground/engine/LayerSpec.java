package org.mlplayground.engine;

import java.util.Objects;

/**
 * One fully connected layer l: n_l neurons, its activation Φ_l, whether it adds a bias b_l, and whether
 * batch normalisation sits between a_l = W_l h_{l−1} + b_l and Φ_l (then h_l = Φ_l(γ_l â_l + β_l), with
 * â_l the pre-activations standardised over the mini-batch; COURSE.md §4).
 */
public record LayerSpec(int size, Activation phi, boolean bias, boolean batchNorm) {
    public LayerSpec {
        Objects.requireNonNull(phi, "activation");
        if (size < 1) throw new IllegalArgumentException("a layer needs at least one neuron, got " + size);
        if (batchNorm && !phi.elementwise()) {
            throw new IllegalArgumentException("batch normalisation cannot go in front of softmax");
        }
    }

    public LayerSpec(int size, Activation phi, boolean bias) {
        this(size, phi, bias, false);
    }

    public LayerSpec(int size, Activation phi) {
        this(size, phi, true, false);
    }

    /** The same layer with batch normalisation switched on or off. */
    public LayerSpec withBatchNorm(boolean on) {
        return new LayerSpec(size, phi, bias, on);
    }
}
