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

    /** A deep copy of every array, arrays[block][slot][i]. */
    double[][][] copy() {
        double[][][] copy = new double[arrays.length][][];
        for (int b = 0; b < arrays.length; b++) {
            copy[b] = new double[slots][];
            for (int s = 0; s < slots; s++) copy[b][s] = arrays[b][s].clone();
        }
        return copy;
    }

    /**
     * Takes over a copy of {@code saved} (as {@link #copy()} made it), so that the next {@link #fit} with blocks of
     * these sizes keeps it.
     *
     * @throws IllegalArgumentException if a block has not {@code slots} arrays of one length
     */
    void load(double[][][] saved, String owner) {
        double[][][] next = new double[saved.length][][];
        for (int b = 0; b < saved.length; b++) {
            if (saved[b].length != slots) {
                throw new IllegalArgumentException(owner + " keeps " + slots + " arrays per parameter block, got "
                        + saved[b].length + " for block " + (b + 1));
            }
            next[b] = new double[slots][];
            for (int s = 0; s < slots; s++) {
                if (saved[b][s].length != saved[b][0].length) {
                    throw new IllegalArgumentException(owner + "'s arrays of block " + (b + 1) + " differ in length");
                }
                next[b][s] = saved[b][s].clone();
            }
        }
        arrays = next;
    }

    /** Forgets everything; the next {@link #fit} allocates fresh zeros. */
    void clear() {
        arrays = new double[0][][];
    }
}
