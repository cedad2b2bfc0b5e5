package org.mlplayground.engine;

import java.util.Objects;

/**
 * One fully connected layer l: n_l neurons, its activation Φ_l, and whether it adds a bias b_l.
 */
public record LayerSpec(int size, Activation phi, boolean bias) {
    public LayerSpec {
        Objects.requireNonNull(phi, "activation");
        if (size < 1) throw new IllegalArgumentException("a layer needs at least one neuron, got " + size);
    }

    public LayerSpec(int size, Activation phi) {
        this(size, phi, true);
    }
}
