package org.mlplayground.train;

import java.util.Locale;

/**
 * What the divergence guard saw when a step produced a NaN or infinite loss or weight.
 *
 * @param step  the number of the step that went bad (1 for the first step of a run); it was undone
 * @param where the first parameter block, in the order W1, b1, W2, …, that held a non-finite value after
 *              the update; if every weight was still finite, the first layer whose activations h_l
 *              overflowed ("h2"), or "loss"
 * @param loss  the batch loss of that step (possibly NaN or ±∞)
 */
public record Divergence(long step, String where, double loss) {

    /**
     * Sentences for the student. For plain gradient descent the loss is measured at the weights the step
     * started from, the ones that are kept; if even that loss overflowed, those weights have already grown
     * too large to go on from, and only a reset helps.
     */
    public String message() {
        String what = String.format(Locale.ROOT, "Training diverged at step %d: %s became NaN or infinite (batch loss %s).",
                step, where, Double.toString(loss));
        return Double.isFinite(loss)
                ? what + " The weights from before that step are kept: lower the learning rate and go on."
                : what + " The weights had already grown too large to go on from: lower the learning rate and press Reset.";
    }
}
