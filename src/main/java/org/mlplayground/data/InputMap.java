package org.mlplayground.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Turns a data set's raw points into the network's inputs h_0, one example per column: feature maps
 * (x1², sin x1, …) and input normalisation are input maps, and {@link #andThen} chains them. The same map
 * must be applied to training points, test points and every point of a heatmap grid, so it travels with
 * the network. Implementations are immutable and thread-safe.
 */
public interface InputMap {

    /** Rows of the raw points it takes. */
    int inputSize();

    /** Rows of the network inputs it produces (n_0). */
    int outputSize();

    /**
     * Writes the mapped columns of {@code raw} (inputSize × N) into {@code out}, reshaped to outputSize × N.
     * {@code raw} and {@code out} must be different matrices.
     */
    void apply(DMatrixRMaj raw, DMatrixRMaj out);

    /** Whether {@link #apply} copies its input unchanged (lets callers skip the copy). */
    default boolean isIdentity() {
        return false;
    }

    /** This map, then {@code next}. */
    default InputMap andThen(InputMap next) {
        InputMap first = this;
        if (next.inputSize() != outputSize()) {
            throw new IllegalArgumentException("cannot chain a map producing " + outputSize()
                    + " values into one that takes " + next.inputSize());
        }
        if (next.isIdentity()) return first;
        if (first.isIdentity()) return next;
        return new InputMap() {
            private final ThreadLocal<DMatrixRMaj> middle = ThreadLocal.withInitial(() -> new DMatrixRMaj(1, 1));

            @Override
            public int inputSize() {
                return first.inputSize();
            }

            @Override
            public int outputSize() {
                return next.outputSize();
            }

            @Override
            public void apply(DMatrixRMaj raw, DMatrixRMaj out) {
                DMatrixRMaj m = middle.get();
                first.apply(raw, m);
                next.apply(m, out);
            }
        };
    }

    /** The data set with every point mapped (labels and name unchanged). */
    default Dataset applyTo(Dataset data) {
        if (data.size() > 0 && data.inputSize() != inputSize()) {
            throw new IllegalArgumentException(data.name() + " has " + data.inputSize() + " values per point but the map takes "
                    + inputSize());
        }
        if (isIdentity()) return data;
        int n = data.size(), d = inputSize();
        DMatrixRMaj raw = new DMatrixRMaj(d, n);
        for (int c = 0; c < n; c++) for (int r = 0; r < d; r++) raw.data[r * n + c] = data.x()[c][r];
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        apply(raw, out);
        int m = outputSize();
        double[][] x = new double[n][m];
        for (int c = 0; c < n; c++) for (int r = 0; r < m; r++) x[c][r] = out.data[r * n + c];
        return new Dataset(data.name(), x, data.y().clone(), data.classNames());
    }

    /** Passes n values through unchanged. */
    static InputMap identity(int n) {
        if (n < 1) throw new IllegalArgumentException("an input map needs at least one value, got " + n);
        return new InputMap() {
            @Override
            public int inputSize() {
                return n;
            }

            @Override
            public int outputSize() {
                return n;
            }

            @Override
            public void apply(DMatrixRMaj raw, DMatrixRMaj out) {
                if (raw.numRows != n) throw new IllegalArgumentException("expected " + n + " rows, got " + raw.numRows);
                out.setTo(raw);
            }

            @Override
            public boolean isIdentity() {
                return true;
            }
        };
    }
}
