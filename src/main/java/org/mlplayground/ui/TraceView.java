package org.mlplayground.ui;

import org.ejml.data.DMatrixRMaj;

/** What of a trace's batch the stepper shows: one example's column, or the mean over the batch. */
final class TraceView {
    /** The column index that stands for "the whole mini-batch, averaged". */
    static final int BATCH_MEAN = -1;

    private TraceView() {
    }

    /**
     * Column {@code column} of {@code m} (n × B) as an n × 1 vector, or the mean of each row for
     * {@link #BATCH_MEAN} (and for a column the batch does not have); {@code null} for a missing or empty matrix.
     */
    static DMatrixRMaj pick(DMatrixRMaj m, int column) {
        if (m == null || m.getNumElements() == 0) return null;
        DMatrixRMaj v = new DMatrixRMaj(m.numRows, 1);
        for (int i = 0; i < m.numRows; i++) {
            if (column >= 0 && column < m.numCols) {
                v.set(i, 0, m.get(i, column));
            } else {
                double sum = 0;
                for (int c = 0; c < m.numCols; c++) sum += m.get(i, c);
                v.set(i, 0, sum / m.numCols);
            }
        }
        return v;
    }

    /** The transpose, as a new matrix. */
    static DMatrixRMaj transpose(DMatrixRMaj m) {
        DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) t.set(j, i, m.get(i, j));
        return t;
    }

    /** A flat block of a network's parameters shaped as rows × cols. */
    static DMatrixRMaj shaped(double[] values, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(values, 0, m.data, 0, rows * cols);
        return m;
    }
}
