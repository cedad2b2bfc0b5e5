package org.mlplayground.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The remedies that act on the network while it trains (COURSE.md §6): a weight penalty and a dropout
 * rate per hidden layer. Both apply live, from the next step on.
 *
 * @param penalty L1, L2 or none
 * @param dropout p for hidden layers 1, 2, …; layers past the end of the list have no dropout
 */
public record Regularization(Penalty penalty, List<Double> dropout) {
    /** No penalty, no dropout. */
    public static final Regularization NONE = new Regularization(new Penalty.None(), List.of());

    public Regularization {
        Objects.requireNonNull(penalty, "penalty");
        dropout = List.copyOf(dropout);
        for (int l = 0; l < dropout.size(); l++) {
            double p = dropout.get(l);
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("dropout rate of layer " + (l + 1) + " must be at least 0 and below 1, got " + p);
            }
        }
    }

    /** p of hidden layer l (1-based), 0 when not set. */
    public double dropout(int l) {
        return l >= 1 && l <= dropout.size() ? dropout.get(l - 1) : 0;
    }

    public Regularization withPenalty(Penalty penalty) {
        return new Regularization(penalty, dropout);
    }

    /** The same with p for hidden layer l (1-based). */
    public Regularization withDropout(int l, double p) {
        if (l < 1) throw new IllegalArgumentException("layers are numbered from 1, got " + l);
        List<Double> rates = new ArrayList<>(dropout);
        while (rates.size() < l) rates.add(0.0);
        rates.set(l - 1, p);
        return new Regularization(penalty, rates);
    }

    /** The same p in each of the first {@code hiddenLayers} layers. */
    public Regularization withDropoutEverywhere(int hiddenLayers, double p) {
        List<Double> rates = new ArrayList<>();
        for (int l = 0; l < hiddenLayers; l++) rates.add(p);
        return new Regularization(penalty, rates);
    }

    /** Whether any layer has dropout. */
    public boolean hasDropout() {
        for (double p : dropout) if (p > 0) return true;
        return false;
    }
}
