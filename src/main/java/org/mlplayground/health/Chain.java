package org.mlplayground.health;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Network;

/**
 * The chain mode of COURSE.md §4: in a network of one neuron per layer, backprop's δ_i = Φ'(a_i) w_{i+1} δ_{i+1}
 * unrolls to
 * <pre>
 *   ∂ℓ/∂w_{1,j} = x_j · Φ'(a_1) w_2 · Φ'(a_2) w_3 ⋯ Φ'(a_{L−1}) w_L · δ_L
 * </pre>
 * for one example: the product Π_{i=1}^{L−1} Φ'(a_i) w_{i+1}, as long as the network is deep, between the
 * input x_j and the output's error δ_L (Φ'_L(a_L) ∂ℓ/∂o, or o − y for the fused cross-entropies). Read from the
 * cached pass of {@code net}: |Φ'·w| ≪ 1 factor after factor makes the gradient vanish, ≫ 1 explode.
 *
 * @param example   which column of the batch
 * @param x         h_0 of that example, n_0 inputs
 * @param phiPrime  Φ'(a_i) for i = 1 … L − 1, at index i − 1
 * @param w         w_{i+1} for i = 1 … L − 1 (the one weight of layer i + 1), at index i − 1
 * @param deltaL    δ_L of that example
 */
public record Chain(int example, double[] x, double[] phiPrime, double[] w, double deltaL) {

    /** One factor of the product, e.g. "Φ'(a_2)" = 0.25 or "w_3" = −0.7. */
    public record Factor(String symbol, double value) {
    }

    public Chain {
        x = x.clone();
        phiPrime = phiPrime.clone();
        w = w.clone();
        if (phiPrime.length != w.length) throw new IllegalArgumentException("one w_{i+1} per Φ'(a_i)");
    }

    /**
     * The chain of example {@code example} of {@code net}'s last backward pass.
     *
     * @throws IllegalArgumentException if a layer has more than one neuron, or uses batch norm or dropout (which
     *                                  add factors, or couple the examples, outside the product)
     */
    public static Chain of(Network net, int example) {
        int depth = net.depth();
        for (int l = 1; l <= depth; l++) {
            DenseLayer layer = net.layer(l);
            if (layer.size() != 1) {
                throw new IllegalArgumentException("the chain needs one neuron per layer; layer " + l + " has " + layer.size());
            }
            if (layer.batchNorm()) throw new IllegalArgumentException("the chain has no batch norm; layer " + l + " has it");
            if (layer.dropoutMask().getNumElements() > 0) {
                throw new IllegalArgumentException("the chain has no dropout; layer " + l + " dropped out in the last pass");
            }
        }
        int batch = net.layer(1).delta().numCols;
        if (example < 0 || example >= batch) {
            throw new IllegalArgumentException("example " + example + " of a batch of " + batch);
        }
        double[] x = new double[net.spec().inputSize()];
        for (int j = 0; j < x.length; j++) x[j] = net.input().get(j, example);
        double[] phiPrime = new double[depth - 1], w = new double[depth - 1];
        for (int i = 1; i < depth; i++) {
            phiPrime[i - 1] = net.layer(i).phiPrime().get(0, example);
            w[i - 1] = net.layer(i + 1).W().get(0, 0);
        }
        return new Chain(example, x, phiPrime, w, net.outputLayer().delta().get(0, example));
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] phiPrime() {
        return phiPrime.clone();
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    /** Φ'(a_1), w_2, Φ'(a_2), w_3, …, Φ'(a_{L−1}), w_L, in the order they multiply. */
    public List<Factor> factors() {
        List<Factor> factors = new ArrayList<>(2 * w.length);
        for (int i = 1; i <= w.length; i++) {
            factors.add(new Factor("Φ'(a_" + i + ")", phiPrime[i - 1]));
            factors.add(new Factor("w_" + (i + 1), w[i - 1]));
        }
        return factors;
    }

    /** Π_{i=1}^{L−1} Φ'(a_i) w_{i+1}, multiplied factor by factor (1 for a single-layer network). */
    public double product() {
        double p = 1;
        for (Factor f : factors()) p *= f.value();
        return p;
    }

    /** The running products after each factor, for showing how the product shrinks or grows along the chain. */
    public double[] partialProducts() {
        List<Factor> factors = factors();
        double[] partial = new double[factors.size()];
        double p = 1;
        for (int k = 0; k < partial.length; k++) partial[k] = p *= factors.get(k).value();
        return partial;
    }

    /** x_j · δ_L, the factors of ∂ℓ/∂w_{1,j} outside the chain. */
    public double outsideFactor(int j) {
        return x[j] * deltaL;
    }

    /** ∂ℓ/∂w_{1,j} of this example = x_j · product · δ_L. */
    public double dldw1(int j) {
        return outsideFactor(j) * product();
    }
}
