package org.mlplayground.train;

import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Loss;

/** Turns examples stored one per row into the engine's layout, one example per column. */
public final class Batches {
    private Batches() {
    }

    /** X = the inputs of {@code order[from … to)} as columns, n_0 × B. */
    public static void gatherInputs(Dataset data, int[] order, int from, int to, DMatrixRMaj X) {
        int n0 = data.inputSize(), cols = to - from;
        X.reshape(n0, cols);
        double[] xv = X.data;
        for (int c = 0; c < cols; c++) {
            double[] example = data.x()[order[from + c]];
            for (int r = 0; r < n0; r++) xv[r * cols + c] = example[r];
        }
    }

    /**
     * Y = the targets of {@code order[from … to)} as columns, in the form the loss needs: the label itself
     * for one output (±1 or a value; mapped to 0/1 for sigmoid cross-entropy), one-hot over the classes
     * 0 … n_L − 1 for softmax.
     */
    public static void gatherTargets(Dataset data, int[] order, int from, int to, Loss loss, int outputs,
            DMatrixRMaj Y) {
        int cols = to - from;
        Y.reshape(outputs, cols);
        double[] yv = Y.data;
        for (int c = 0; c < cols; c++) {
            double label = data.y()[order[from + c]];
            if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                for (int r = 0; r < outputs; r++) yv[r * cols + c] = (r == (int) label) ? 1 : 0;
            } else if (loss == Loss.SIGMOID_CROSS_ENTROPY) {
                for (int r = 0; r < outputs; r++) yv[r * cols + c] = label > 0 ? 1 : 0;
            } else {
                for (int r = 0; r < outputs; r++) yv[r * cols + c] = label;
            }
        }
    }

    /** 0, 1, …, n − 1. */
    public static int[] identityOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }
}
