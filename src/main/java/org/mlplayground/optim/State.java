package org.mlplayground.optim;

import java.util.List;
import org.mlplayground.engine.Parameter;

/**
 * An optimizer's per-parameter memory (velocities, running averages…): {@code slots} arrays for every
 * parameter block, each as long as the block. Allocated on the first step and again whenever the blocks
 * change size, so the same optimizer object can move from one network or surface to another.
 */
final class State {
    private final int slots;
    /** arrays[block][slot][i]. */
    private double[][][] arrays = new double[0][][];

    State(int slots) {
        this.slots = slots;
    }

    /** Shapes the state like {@code params}; true when it had to be (re)allocated, i.e. it is all zeros. */
    boolean fit(List<Parameter> params) {
        boolean same = arrays.length == params.size();
        for (int b = 0; same && b < arrays.length; b++) same = arrays[b][0].length == params.get(b).size();
        if (same) return false;
        arrays = new double[params.size()][slots][];
        for (int b = 0; b < arrays.length; b++) {
            for (int s = 0; s < slots; s++) arrays[b][s] = new double[params.get(b).size()];
        }
        return true;
    }

    /** How many parameter blocks the state is shaped for (0 before the first fit). */
    int blocks() {
        return arrays.length;
    }

    double[] get(int block, int slot) {
        return arrays[block][slot];
    }

    /** Forgets everything; the next {@link #fit} allocates fresh zeros. */
    void clear() {
        arrays = new double[0][][];
    }
}
