package org.mlplayground.optim;

/** The checks every setting of this package goes through, with messages that name the setting. */
final class Require {
    private Require() {
    }

    /** γ ≥ 0 and finite (0 is allowed: a schedule may decay to it). */
    static double learningRate(double gamma) {
        if (!(gamma >= 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("learning rate must be a finite number ≥ 0, got " + gamma);
        }
        return gamma;
    }

    /** A forgetting factor such as β or ρ: in [0, 1), so that old values fade. */
    static double fraction(String setting, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(setting + " must be in [0, 1), got " + value);
        }
        return value;
    }

    static double positive(String setting, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(setting + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    static double nonNegative(String setting, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(setting + " must be a finite number ≥ 0, got " + value);
        }
        return value;
    }

    /** The error for {@link Optimizer#retune} with settings of another optimizer. */
    static IllegalArgumentException wrongKind(Optimizer optimizer, Hyperparameters given) {
        return new IllegalArgumentException("the " + optimizer.name() + " optimizer cannot take " + given.name()
                + " settings; create a new optimizer to switch");
    }
}
