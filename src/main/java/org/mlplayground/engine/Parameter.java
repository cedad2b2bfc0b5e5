package org.mlplayground.engine;

/**
 * One block of trainable numbers and the gradient that belongs to it, as flat arrays the optimizers
 * step over: W_l with ∂L/∂W_l (row-major, n_l × n_{l−1}) or b_l with ∂L/∂b_l.
 *
 * @param name     "W1", "b1", … in the course's notation
 * @param layer    l = 1 … L
 * @param weight   true for W_l, false for b_l (regularisation applies to weights only)
 * @param value    the live parameters; writing to it changes the network
 * @param gradient ∂L/∂(value) of the last backward pass, same layout
 * @param size     how many entries of the arrays are used
 */
public record Parameter(String name, int layer, boolean weight, double[] value, double[] gradient, int size) {
}
