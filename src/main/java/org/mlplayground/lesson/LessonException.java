package org.mlplayground.lesson;

/**
 * A lesson file that cannot be loaded: which file, which line (1-based; 0 when the problem is the file as a
 * whole) and what is wrong, in words a teacher understands. {@link #getMessage()} is the one line the
 * check command and the lesson browser show, {@code "lessons/xor.md:7: unknown setting 'lerning-rate' (did
 * you mean 'learning-rate'?)"}.
 */
public final class LessonException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String problem;

    public LessonException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file as it was named when loading, e.g. {@code lessons/01-perceptron-xor.md}. */
    public String file() {
        return file;
    }

    /** The line the problem is on, 1-based; 0 for the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without file and line. */
    public String problem() {
        return problem;
    }
}
