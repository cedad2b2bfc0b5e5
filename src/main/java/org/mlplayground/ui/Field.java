package org.mlplayground.ui;

/**
 * The network evaluated over the plane, computed on the training thread when a snapshot is published, so
 * the FX thread only turns numbers into pixels.
 *
 * @param plane     the rectangle covered
 * @param size      side of the output grid (cells); row 0 is the top (largest x₂)
 * @param output    o_k over the grid: {@code output[k][row * size + col]}, one array per output unit
 * @param thumbSize side of the neurons' grids
 * @param neurons   h_l over the smaller grid: {@code neurons[l - 1][unit][row * thumbSize + col]} for
 *                  l = 1 … L (the last is the output layer)
 */
record Field(Plane plane, int size, double[][] output, int thumbSize, double[][][] neurons) {
}
