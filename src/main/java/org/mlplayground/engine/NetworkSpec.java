package org.mlplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a network: input size n_0, layers 1 … L, and the loss on the output. Immutable; every
 * combination that cannot train (softmax in a hidden layer, cross-entropy without its output function)
 * is rejected with a message that says what to change.
 */
public record NetworkSpec(int inputSize, List<LayerSpec> layers, Loss loss) {

    public NetworkSpec {
        Objects.requireNonNull(loss, "loss");
        layers = List.copyOf(layers);
        if (inputSize < 1) throw new IllegalArgumentException("the network needs at least one input, got " + inputSize);
        if (layers.isEmpty()) throw new IllegalArgumentException("the network needs at least an output layer");
        for (int l = 0; l < layers.size() - 1; l++) {
            if (!layers.get(l).phi().elementwise()) {
                throw new IllegalArgumentException("layer " + (l + 1) + ": softmax can only be the output layer's activation");
            }
        }
        if (layers.get(layers.size() - 1).batchNorm()) {
            throw new IllegalArgumentException("batch normalisation goes in hidden layers, not the output layer");
        }
        Activation out = layers.get(layers.size() - 1).phi();
        Class<? extends Activation> required = loss.requiredOutput();
        if (required != null && !required.isInstance(out)) {
            throw new IllegalArgumentException("loss " + loss.id() + " needs a " + (required == Activation.Softmax.class
                    ? "softmax" : "sigmoid") + " output layer, not " + out.name());
        }
        if (required == null && !out.elementwise()) {
            throw new IllegalArgumentException("a softmax output goes with the softmax-ce loss, not " + loss.id());
        }
    }

    /** L, the number of layers with weights. */
    public int depth() {
        return layers.size();
    }

    /** n_l for l = 0 … L. */
    public int size(int l) {
        return l == 0 ? inputSize : layers.get(l - 1).size();
    }

    /** n_L. */
    public int outputSize() {
        return layers.get(layers.size() - 1).size();
    }

    /** Layer l = 1 … L. */
    public LayerSpec layer(int l) {
        return layers.get(l - 1);
    }

    /** A builder: {@code NetworkSpec.input(2).dense(8, tanh()).dense(1, tanh()).loss(Loss.MSE)}. */
    public static Builder input(int inputSize) {
        return new Builder(inputSize);
    }

    /** Sizes n_0 … n_L as text, e.g. "2-8-8-1". */
    public String shape() {
        StringBuilder s = new StringBuilder().append(inputSize);
        for (LayerSpec layer : layers) s.append('-').append(layer.size());
        return s.toString();
    }

    public static final class Builder {
        private final int inputSize;
        private final List<LayerSpec> layers = new ArrayList<>();

        private Builder(int inputSize) {
            this.inputSize = inputSize;
        }

        public Builder dense(int size, Activation phi) {
            layers.add(new LayerSpec(size, phi, true));
            return this;
        }

        public Builder dense(int size, Activation phi, boolean bias) {
            layers.add(new LayerSpec(size, phi, bias));
            return this;
        }

        /** Puts batch normalisation into the layer added last (a hidden layer). */
        public Builder batchNorm() {
            if (layers.isEmpty()) throw new IllegalStateException("add a layer before its batch normalisation");
            int last = layers.size() - 1;
            layers.set(last, layers.get(last).withBatchNorm(true));
            return this;
        }

        public NetworkSpec loss(Loss loss) {
            return new NetworkSpec(inputSize, layers, loss);
        }
    }
}
