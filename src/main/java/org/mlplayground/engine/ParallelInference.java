package org.mlplayground.engine;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Every neuron's output h_l over many inputs at once — what the heatmaps draw each frame. The inputs are
 * cut into column chunks small enough that a chunk's a_l and h_l stay in the core's cache, and the
 * chunks run in parallel on all cores. Each column is computed exactly as {@link Inference} computes
 * it, so the results are bit-identical.
 *
 * <p>An inference pass: batch norm uses its running statistics and dropout is off. It reads the network's
 * parameters and statistics only, so several threads may evaluate one network at once; nobody may
 * change its weights meanwhile (evaluate a {@link Network#copy() copy}). One instance is not to be
 * shared between callers: the result matrices belong to it and are reused.
 */
public final class ParallelInference {
    /** Columns per chunk: a 16-neuron layer's a and h for 1024 inputs take 256 KiB. */
    static final int CHUNK = 1024;

    private final NetworkSpec spec;
    private final DMatrixRMaj[] h;
    private final ThreadLocal<Inference> scratch;
    private final ThreadLocal<DMatrixRMaj> xChunk = ThreadLocal.withInitial(() -> new DMatrixRMaj(1, 1));

    public ParallelInference(NetworkSpec spec) {
        this.spec = spec;
        this.h = new DMatrixRMaj[spec.depth() + 1];
        for (int l = 1; l <= spec.depth(); l++) h[l] = new DMatrixRMaj(spec.size(l), 1);
        this.scratch = ThreadLocal.withInitial(() -> new Inference(spec));
    }

    /** Runs {@code net} on {@code x} (n_0 × N) and returns o = h_L; every h_l is then {@link #h(int)}. */
    public DMatrixRMaj run(Network net, DMatrixRMaj x) {
        Inference.requireCompatible(spec, net, x);
        int n = x.numCols;
        h[0] = x;
        for (int l = 1; l <= spec.depth(); l++) h[l].reshape(spec.size(l), n);
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> runChunk(net, x, c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        return h[spec.depth()];
    }

    private void runChunk(Network net, DMatrixRMaj x, int from, int to) {
        DMatrixRMaj xc = xChunk.get();
        copyColumns(x, from, to, xc);
        Inference inference = scratch.get();
        inference.run(net, xc);
        for (int l = 1; l <= spec.depth(); l++) {
            copyColumnsBack(inference.h(l), h[l], from);
        }
    }

    /** dst = src's columns [from, to), as a (rows × (to − from)) matrix. */
    private static void copyColumns(DMatrixRMaj src, int from, int to, DMatrixRMaj dst) {
        int cols = to - from;
        dst.reshape(src.numRows, cols);
        for (int r = 0; r < src.numRows; r++) {
            System.arraycopy(src.data, r * src.numCols + from, dst.data, r * cols, cols);
        }
    }

    /** Writes {@code chunk} into {@code full}'s columns starting at {@code from}. */
    private static void copyColumnsBack(DMatrixRMaj chunk, DMatrixRMaj full, int from) {
        int cols = chunk.numCols;
        for (int r = 0; r < chunk.numRows; r++) {
            System.arraycopy(chunk.data, r * cols, full.data, r * full.numCols + from, cols);
        }
    }

    /** h_l of the last run, n_l × N (h_0 is the input). */
    public DMatrixRMaj h(int l) {
        return h[l];
    }
}
