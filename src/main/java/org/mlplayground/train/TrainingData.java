package org.mlplayground.train;

import java.util.Objects;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.InputMap;

/**
 * The data of a run: raw points split into training, validation (for early stopping; optional) and test
 * (optional) sets, and the map from raw points to the network's inputs (feature map, normalisation).
 */
public record TrainingData(Dataset train, Dataset validation, Dataset test, InputMap inputs) {
    public TrainingData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(inputs, "inputs");
        if (train.size() == 0) throw new IllegalArgumentException("the training set is empty");
        if (validation != null && validation.size() == 0) throw new IllegalArgumentException("the validation set is empty");
        if (test != null && test.size() == 0) throw new IllegalArgumentException("the test set is empty");
        check(train, inputs, "training");
        if (validation != null) check(validation, inputs, "validation");
        if (test != null) check(test, inputs, "test");
    }

    /** Raw points fed to the network as they are. */
    public static TrainingData of(Dataset train, Dataset validation, Dataset test) {
        return new TrainingData(train, validation, test, InputMap.identity(train.inputSize()));
    }

    private static void check(Dataset data, InputMap inputs, String which) {
        if (data.inputSize() != inputs.inputSize()) {
            throw new IllegalArgumentException("the " + which + " data has " + data.inputSize()
                    + " values per point but the input map takes " + inputs.inputSize());
        }
    }
}
