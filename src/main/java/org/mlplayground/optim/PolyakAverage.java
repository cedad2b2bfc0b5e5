package org.mlplayground.optim;

import java.util.List;
import java.util.Objects;
import org.mlplayground.engine.Parameter;

/**
 * Polyak averaging of the iterates (COURSE.md §5): an average of the weights the optimizer has visited,
 * kept in this object's own arrays, that can be copied into another parameter list (a copy of the network
 * used for evaluation) while the raw weights go on training. Call {@link #update} after every step.
 *
 * <p>With w_n the n-th iterate it was shown, the average is
 * <ul>
 * <li>{@link Uniform}: w_av = (w_1 + … + w_n)/n, kept as the running mean w_av ← w_av + (w_n − w_av)/n;</li>
 * <li>{@link Exponential}: w_av ← (1 − β) w_n + β w_av, where β weighs the <em>old</em> average as in the
 * course; the first iterate starts the average (w_av = w_1) so that it is not pulled towards 0.</li>
 * </ul>
 * Shown blocks of another size, it starts over. Not thread-safe, like the optimizer it follows.
 */
public final class PolyakAverage {

    /** Which average to keep. */
    public sealed interface Mode permits Uniform, Exponential {
    }

    /** The uniform mean of all iterates. */
    public record Uniform() implements Mode {
    }

    /** @param beta β in [0, 1), the weight of the old average; the memory is about 1/(1 − β) iterates */
    public record Exponential(double beta) implements Mode {
        public Exponential {
            Require.fraction("Polyak averaging β", beta);
        }
    }

    private final Mode mode;
    /** average[block][i]. */
    private double[][] average = new double[0][];
    private long count;

    public PolyakAverage(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public static PolyakAverage uniform() {
        return new PolyakAverage(new Uniform());
    }

    public static PolyakAverage exponential(double beta) {
        return new PolyakAverage(new Exponential(beta));
    }

    public Mode mode() {
        return mode;
    }

    /** Adds the current values of {@code params} as the next iterate. */
    public void update(List<Parameter> params) {
        if (!fits(params)) {
            average = new double[params.size()][];
            for (int b = 0; b < average.length; b++) average[b] = new double[params.get(b).size()];
            count = 0;
        }
        count++;
        for (int b = 0; b < average.length; b++) {
            double[] w = params.get(b).value(), av = average[b];
            if (count == 1) {
                System.arraycopy(w, 0, av, 0, av.length);
            } else if (mode instanceof Exponential e) {
                double beta = e.beta();
                for (int i = 0; i < av.length; i++) av[i] = (1 - beta) * w[i] + beta * av[i];
            } else {
                for (int i = 0; i < av.length; i++) av[i] += (w[i] - av[i]) / count;
            }
        }
    }

    /** How many iterates the average holds (since the last reset). */
    public long count() {
        return count;
    }

    /** A copy of the averaged values of one block. */
    public double[] average(int block) {
        if (block < 0 || block >= average.length) {
            throw new IndexOutOfBoundsException("block " + block + ": the average has " + average.length + " blocks");
        }
        return average[block].clone();
    }

    /**
     * Writes the averaged values into {@code target}'s values (e.g. an evaluation copy of the network),
     * leaving the parameters being trained alone.
     *
     * @throws IllegalStateException    if no iterate has been averaged yet
     * @throws IllegalArgumentException if {@code target}'s blocks differ in number or size
     */
    public void copyInto(List<Parameter> target) {
        if (count == 0) throw new IllegalStateException("no iterates have been averaged yet");
        if (!fits(target)) {
            throw new IllegalArgumentException("the averaged parameters have a different shape from the ones they should be copied into");
        }
        for (int b = 0; b < average.length; b++) System.arraycopy(average[b], 0, target.get(b).value(), 0, average[b].length);
    }

    /** Forgets the average; the next {@link #update} starts a new one. */
    public void reset() {
        average = new double[0][];
        count = 0;
    }

    private boolean fits(List<Parameter> params) {
        if (params.size() != average.length) return false;
        for (int b = 0; b < average.length; b++) if (params.get(b).size() != average[b].length) return false;
        return true;
    }
}
