package org.mlplayground.lesson;

import java.util.Locale;

/**
 * The controls a lesson may hide, as TensorFlow Playground hides controls: a fixed vocabulary that the
 * window maps to its own nodes, so a lesson names what the student sees, never a node of the interface.
 */
public enum Control {
    /** The data-set thumbnails, import and drawing. */
    DATA,
    /** The noise slider. */
    NOISE,
    /** The input-feature column. */
    FEATURES,
    /** Adding and removing hidden layers. */
    LAYERS,
    /** Adding and removing neurons of a layer. */
    NEURONS,
    /** The hidden layers' activation Φ. */
    ACTIVATION,
    /** Regression, binary or multi-class. */
    PROBLEM,
    /** γ. */
    LEARNING_RATE,
    /** The optimizer and its hyperparameters. */
    OPTIMIZER,
    /** The weight penalty and λ. */
    PENALTY,
    BATCH_SIZE,
    INITIALIZER,
    SEED,
    DROPOUT,
    BATCH_NORM,
    /** The "Show test data" switch. */
    TEST_DATA,
    /** The "Discretise output" switch. */
    DISCRETIZE,
    /** The training share, validation share and number of points. */
    SPLIT,
    /** Input noise, jitter, rotation, mirrors, mixup and label smoothing. */
    AUGMENTATION;

    /** The word a lesson header uses: the name in lower case with hyphens, e.g. {@code learning-rate}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the unknown control and the known ones */
    public static Control byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Control c : values()) if (c.id().equals(key)) return c;
        StringBuilder known = new StringBuilder();
        for (Control c : values()) known.append(known.length() == 0 ? "" : ", ").append(c.id());
        throw new IllegalArgumentException("unknown control '" + id + "'; known: " + known);
    }
}
