package org.mlplayground.train;

/**
 * Early stopping on the validation split (COURSE.md §6): after every epoch the validation loss is compared
 * with the best so far; an epoch counts as better only if it beats the best by more than {@code minDelta}.
 * After {@code patience} epochs without such an improvement training stops and the best epoch's weights
 * come back.
 *
 * @param patience epochs to wait for an improvement, ≥ 1
 * @param minDelta the smallest drop of the validation loss that counts, ≥ 0
 */
public record EarlyStopping(int patience, double minDelta) {
    public EarlyStopping {
        if (patience < 1) throw new IllegalArgumentException("early-stopping patience must be at least 1 epoch, got " + patience);
        if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
            throw new IllegalArgumentException("early-stopping minimum improvement must be 0 or more, got " + minDelta);
        }
    }

    /** Why and where a run stopped early. */
    public record Stop(int epoch, int bestEpoch, double bestValidationLoss, EarlyStopping rule) {
        /** A sentence for the status line. */
        public String message() {
            return String.format(java.util.Locale.ROOT,
                    "Stopped early after epoch %d: the validation loss has not improved by more than %s for %d epochs. "
                            + "The weights of epoch %d (validation loss %.4g) are back.",
                    epoch, rule.minDelta() == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.3g", rule.minDelta()),
                    rule.patience(), bestEpoch, bestValidationLoss);
        }
    }
}
