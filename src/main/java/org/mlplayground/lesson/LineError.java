package org.mlplayground.lesson;

/** A problem found on one line of a lesson, before the parser knows the file's name; 0 = no particular line. */
final class LineError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final int line;

    LineError(int line, String message) {
        super(message);
        this.line = line;
    }
}
