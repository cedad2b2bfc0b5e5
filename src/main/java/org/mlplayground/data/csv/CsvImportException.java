package org.mlplayground.data.csv;

/**
 * The one exception {@link CsvImporter} throws: a file that is missing, unreadable or not a data table
 * the playground can use. The message is meant for the student who chose the file and reads like
 * {@code penguins.csv, line 14, column 3 (bill_depth): 'abc' is not a number}: it names the file, and the
 * line and column wherever there is one to point at.
 */
public final class CsvImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param line   1-based line of the file, or 0 when the problem is not on one line (empty file, …)
     * @param column 1-based column, or 0 when the problem is the whole line or file
     */
    CsvImportException(String source, int line, int column, String columnName, String problem, Throwable cause) {
        super(where(source, line, column, columnName) + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    CsvImportException(String source, int line, int column, String columnName, String problem) {
        this(source, line, column, columnName, problem, null);
    }

    CsvImportException(String source, int line, String problem) {
        this(source, line, 0, null, problem, null);
    }

    /** The file's name, as the message shows it. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem is on, or 0 when it is not on one line. */
    public int line() {
        return line;
    }

    /** The 1-based column the problem is in, or 0 when it is not in one column. */
    public int column() {
        return column;
    }

    private static String where(String source, int line, int column, String columnName) {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) s.append(", line ").append(line);
        if (column > 0) {
            s.append(", column ").append(column);
            if (columnName != null) s.append(" (").append(CsvImporter.abbreviate(columnName)).append(')');
        }
        return s.toString();
    }
}
