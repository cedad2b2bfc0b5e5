package org.mlplayground.health;

import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Activation;

/**
 * How much of a layer has stopped passing gradient back, by the definitions (COURSE.md §4, Glorot &amp;
 * Bengio's figures):
 * <ul>
 * <li>tanh: an entry h_{i,l} of the batch with |h| &gt; 0.97, where tanh' = 1 − h² &lt; 0.06;</li>
 * <li>sigmoid: h &lt; 0.03 or h &gt; 0.97, where σ' = h(1 − h) &lt; 0.03;</li>
 * <li>ReLU: a dead unit, h_{i,l} = 0 for every example of the batch (the mini-batch the step was taken on,
 *     not the whole training set: that would cost another forward pass, and with a small batch a unit can
 *     look dead that a bigger batch would wake).</li>
 * </ul>
 * So for tanh and sigmoid {@link #total()} is units × examples, for ReLU the units; other activations have no
 * saturation rule ({@link Rule#NONE}, share NaN). h is taken before any dropout mask.
 *
 * @param rule      which definition applied
 * @param saturated entries (tanh, sigmoid) or units (ReLU) that are saturated or dead
 * @param total     entries or units looked at
 */
public record Saturation(Rule rule, int saturated, int total) {
    /** |tanh| above this, or σ above it, counts as saturated. */
    public static final double HIGH = 0.97;
    /** σ below this counts as saturated. */
    public static final double LOW = 0.03;

    /** The definition used for a layer's activation. */
    public enum Rule {
        /** |h| &gt; 0.97 per entry. */
        TANH,
        /** h &lt; 0.03 or h &gt; 0.97 per entry. */
        SIGMOID,
        /** h = 0 for every example, per unit. */
        DEAD_RELU,
        /** No rule for this activation. */
        NONE
    }

    /** The rule for Φ: tanh, sigmoid and ReLU have one, every other activation none. */
    public static Rule ruleFor(Activation phi) {
        if (phi instanceof Activation.Tanh) return Rule.TANH;
        if (phi instanceof Activation.Sigmoid) return Rule.SIGMOID;
        if (phi instanceof Activation.Relu) return Rule.DEAD_RELU;
        return Rule.NONE;
    }

    /** Saturation of a layer with activation Φ and outputs h (n_l × B, one column per example). */
    public static Saturation of(Activation phi, DMatrixRMaj h) {
        Rule rule = ruleFor(phi);
        int rows = h.numRows, cols = h.numCols, n = rows * cols;
        double[] v = h.data;
        int count = 0;
        switch (rule) {
            case TANH -> {
                for (int i = 0; i < n; i++) if (Math.abs(v[i]) > HIGH) count++;
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) if (v[i] < LOW || v[i] > HIGH) count++;
            }
            case DEAD_RELU -> {
                for (int r = 0; r < rows; r++) {
                    boolean dead = cols > 0;
                    for (int c = 0; c < cols && dead; c++) dead = v[r * cols + c] == 0;
                    if (dead) count++;
                }
                return new Saturation(rule, count, rows);
            }
            case NONE -> {
                return new Saturation(rule, 0, 0);
            }
        }
        return new Saturation(rule, count, n);
    }

    /** saturated / total; NaN when the activation has no rule. */
    public double share() {
        return total == 0 ? Double.NaN : (double) saturated / total;
    }

    /** E.g. "37 % saturated", "3 of 8 units dead", or "" without a rule. */
    public String describe() {
        return switch (rule) {
            case TANH, SIGMOID -> Math.round(100 * share()) + " % saturated";
            case DEAD_RELU -> saturated + " of " + total + (total == 1 ? " unit" : " units") + " dead";
            case NONE -> "";
        };
    }
}
