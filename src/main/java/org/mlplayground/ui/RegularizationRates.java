package org.mlplayground.ui;

import java.util.List;

/** The rates λ the regularisation list offers. */
final class RegularizationRates {
    /** TensorFlow Playground's regularisation rates. */
    static final List<Double> RATES = List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    /** Strong enough that the penalty shows in the numbers at once, weak enough that the circle is still learnt. */
    static final double DEFAULT_RATE = 0.3;

    private RegularizationRates() {
    }
}
