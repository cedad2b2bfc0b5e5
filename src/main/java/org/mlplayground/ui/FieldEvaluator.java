package org.mlplayground.ui;

import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.Inference;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.ParallelInference;

/**
 * Evaluates a network over the plane: the output on a {@code size}² grid (on all cores) and every neuron's
 * h_l on a {@code thumbSize}² grid, each grid point first mapped by the run's {@link InputMap}. The mapped
 * grids are kept until the plane or the map changes, so a frame costs two forward passes and the copies.
 * One instance per thread.
 */
final class FieldEvaluator {
    /** The output heatmap's grid: 200² cells, drawn scaled up with smoothing. */
    static final int SIZE = 200;
    /** The neurons' thumbnails: 40² cells. */
    static final int THUMB = 40;

    private final int size;
    private final int thumbSize;
    private Plane plane;
    private InputMap inputs;
    private final java.util.Map<Integer, DMatrixRMaj> grids = new java.util.HashMap<>();
    /** Time per grid cell of the last output evaluation, and the network it was measured on. */
    private double nanosPerCell;
    private DMatrixRMaj thumbGrid;
    private NetworkSpec spec;
    private ParallelInference parallel;
    private Inference inference;

    FieldEvaluator() {
        this(SIZE, THUMB);
    }

    FieldEvaluator(int size, int thumbSize) {
        this.size = size;
        this.thumbSize = thumbSize;
    }

    /** The network's output and neurons over {@code plane} at full resolution. */
    Field evaluate(Network net, InputMap inputs, Plane plane) {
        return evaluate(net, inputs, plane, false);
    }

    /**
     * The network's output and neurons over {@code plane}; {@code net} must not change meanwhile. With
     * {@code withinBudget}, the output grid is coarsened (200, 100 or 50 cells a side) so that its
     * evaluation stays within about {@value #BUDGET_MILLIS} ms at the speed measured so far: a large
     * network on a busy machine still gets a fresh picture every frame and answers commands at once. When
     * training is paused the full grid is used.
     */
    Field evaluate(Network net, InputMap inputs, Plane plane, boolean withinBudget) {
        int n = withinBudget ? sizeWithinBudget(net.spec()) : size;
        if (!plane.equals(this.plane) || inputs != this.inputs) {
            this.plane = plane;
            this.inputs = inputs;
            this.grids.clear();
            this.thumbGrid = mapped(inputs, plane, thumbSize);
        }
        DMatrixRMaj grid = grids.computeIfAbsent(n, k -> mapped(inputs, plane, k));
        if (!net.spec().equals(spec)) {
            spec = net.spec();
            parallel = new ParallelInference(spec);
            inference = new Inference(spec);
        }
        long t0 = System.nanoTime();
        DMatrixRMaj o = parallel.run(net, grid);
        nanosPerCell = (System.nanoTime() - t0) / (double) (n * n);
        double[][] output = rows(o);
        inference.run(net, thumbGrid);
        double[][][] neurons = new double[spec.depth()][][];
        for (int l = 1; l <= spec.depth(); l++) neurons[l - 1] = rows(inference.h(l));
        return new Field(plane, n, output, thumbSize, neurons);
    }

    static final double BUDGET_MILLIS = 6;
    private int lastBudgetSize = SIZE;

    /** What the full {@code size}² grid would take for {@code next}, by the speed measured so far; 0 if unknown. */
    double fullMillis(NetworkSpec next) {
        return !next.equals(spec) ? 0 : nanosPerCell * size * size / 1e6;
    }

    private int sizeWithinBudget(NetworkSpec next) {
        if (!next.equals(spec) || nanosPerCell == 0) return size;
        int n = size;
        while (n > 50 && nanosPerCell * n * n > BUDGET_MILLIS * 1e6) n /= 2;
        // Go back up only with room to spare, so a noisy measurement does not flip the grid every frame.
        if (n > lastBudgetSize && nanosPerCell * n * n > 0.6 * BUDGET_MILLIS * 1e6) n = lastBudgetSize;
        lastBudgetSize = n;
        return n;
    }

    /** Each row of {@code m} as an array of its own. */
    private static double[][] rows(DMatrixRMaj m) {
        double[][] rows = new double[m.numRows][m.numCols];
        for (int r = 0; r < m.numRows; r++) System.arraycopy(m.data, r * m.numCols, rows[r], 0, m.numCols);
        return rows;
    }

    /** The n² grid's centres, row 0 at the top, through the input map: n_0 × n². */
    static DMatrixRMaj mapped(InputMap inputs, Plane plane, int n) {
        DMatrixRMaj raw = new DMatrixRMaj(2, n * n);
        for (int row = 0; row < n; row++) {
            double y = plane.y(row, n);
            for (int col = 0; col < n; col++) {
                raw.set(0, row * n + col, plane.x(col, n));
                raw.set(1, row * n + col, y);
            }
        }
        if (inputs.isIdentity()) return raw;
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        inputs.apply(raw, out);
        return out;
    }
}
