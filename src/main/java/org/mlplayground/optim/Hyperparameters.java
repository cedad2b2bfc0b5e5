package org.mlplayground.optim;

import java.util.List;

/**
 * The settings of one optimizer, as an immutable record with standard defaults (each record's
 * {@code DEFAULTS}). The constructors reject impossible values with an {@link IllegalArgumentException}
 * naming the setting, so a UI can hand a slider's value straight in. The learning rate is not among them:
 * it is passed to every {@link Optimizer#step step}, so that schedules can change it.
 */
public sealed interface Hyperparameters permits Sgd.Settings, Momentum.Settings, Nesterov.Settings, AdaGrad.Settings,
        RmsProp.Settings, RmsPropNesterov.Settings, Adadelta.Settings, Adam.Settings, DeltaBarDelta.Settings {

    /** Every optimizer id, in the order a menu lists them. */
    List<String> IDS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "rmsprop-nesterov", "adadelta",
            "adam", "delta-bar-delta");

    /** One of {@link #IDS}. */
    String id();

    /** Name shown to a student. */
    String name();

    /** A learning rate to start from with this optimizer (Adadelta's γ = 1 is Zeiler's rule unscaled). */
    double defaultLearningRate();

    /** A fresh optimizer with these settings. */
    Optimizer create();

    /** The default settings of the optimizer with this id. */
    static Hyperparameters defaults(String id) {
        return switch (id) {
            case "sgd" -> Sgd.Settings.DEFAULTS;
            case "momentum" -> Momentum.Settings.DEFAULTS;
            case "nesterov" -> Nesterov.Settings.DEFAULTS;
            case "adagrad" -> AdaGrad.Settings.DEFAULTS;
            case "rmsprop" -> RmsProp.Settings.DEFAULTS;
            case "rmsprop-nesterov" -> RmsPropNesterov.Settings.DEFAULTS;
            case "adadelta" -> Adadelta.Settings.DEFAULTS;
            case "adam" -> Adam.Settings.DEFAULTS;
            case "delta-bar-delta" -> DeltaBarDelta.Settings.DEFAULTS;
            default -> throw new IllegalArgumentException(
                    "unknown optimizer '" + id + "'; known optimizers: " + String.join(", ", IDS));
        };
    }
}
