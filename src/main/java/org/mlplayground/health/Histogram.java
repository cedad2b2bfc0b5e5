package org.mlplayground.health;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Counts of a matrix's entries in {@link #bins()} equal-width bins over [low, high], with an underflow bin for
 * values below {@code low} and an overflow bin for values above {@code high} (and for NaN), so that the counts
 * always add up to the number of entries. Bin i (1 … bins) holds [low + (i−1)w, low + iw), the last one also
 * {@code high} itself, so that σ = 1, Φ' = 0.25 or ReLU's Φ' = 1 land inside the range.
 *
 * @param low    left edge of the first bin
 * @param high   right edge of the last bin
 * @param counts underflow, bins 1 … n, overflow: n + 2 counts
 */
public record Histogram(double low, double high, int[] counts) {

    public Histogram {
        if (!(low < high)) throw new IllegalArgumentException("a histogram needs low < high, got " + low + " … " + high);
        if (counts.length < 3) throw new IllegalArgumentException("a histogram needs at least one bin");
        counts = counts.clone();
    }

    /** The entries of {@code m} (its n_rows × n_cols values, one per unit and example) in {@code bins} bins. */
    public static Histogram of(DMatrixRMaj m, double low, double high, int bins) {
        int[] counts = new int[bins + 2];
        double width = (high - low) / bins;
        double[] v = m.data;
        for (int i = 0, n = m.getNumElements(); i < n; i++) {
            double x = v[i];
            if (x < low) counts[0]++;
            else if (!(x <= high)) counts[bins + 1]++;   // above the range, or NaN
            else counts[1 + Math.min((int) ((x - low) / width), bins - 1)]++;
        }
        return new Histogram(low, high, counts);
    }

    /** A copy of the counts: underflow, bins 1 … n, overflow. */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** n, the bins inside [low, high]. */
    public int bins() {
        return counts.length - 2;
    }

    /** Entries in bin i = 1 … n; bin 0 is the underflow, bin n + 1 the overflow. */
    public int count(int bin) {
        return counts[bin];
    }

    /** Values below {@code low}. */
    public int underflow() {
        return counts[0];
    }

    /** Values above {@code high}, and NaN. */
    public int overflow() {
        return counts[counts.length - 1];
    }

    /** Left edge of bin i = 1 … n. */
    public double binLow(int bin) {
        return low + (bin - 1) * (high - low) / bins();
    }

    /** Right edge of bin i = 1 … n. */
    public double binHigh(int bin) {
        return low + bin * (high - low) / bins();
    }

    /** All entries counted: units × examples of the measured matrix. */
    public int total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.low == low && h.high == high && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(low) + 17 * Double.hashCode(high) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + low + " … " + high + ", " + Arrays.toString(counts) + "]";
    }
}
