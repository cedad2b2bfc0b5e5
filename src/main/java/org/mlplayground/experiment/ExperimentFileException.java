package org.mlplayground.experiment;

/**
 * An experiment file that cannot be opened, with a message a student understands: the file, where in it (line
 * and column when known) and what is wrong, e.g.
 * {@code experiment.json: line 12, column 21: 'learningRate' must be a number > 0, got -1}.
 */
public final class ExperimentFileException extends Exception {
    public ExperimentFileException(String message) {
        super(message);
    }

    public ExperimentFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
