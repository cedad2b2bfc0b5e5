package org.mlplayground.data.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits characters into records of fields by RFC 4180 with one separator: a field that starts with a
 * quote (after spaces) runs to the next lone quote and may hold separators, line breaks and doubled
 * quotes {@code ""}; a quote inside an unquoted field is an ordinary character. Fields are returned
 * without surrounding spaces. Line breaks are LF, CRLF or CR. Lines that start with {@code #} (after
 * spaces) are comments, and records whose fields are all empty (blank lines, {@code ;;;}) are skipped.
 */
final class CsvTokenizer {
    /** Longest record, in characters: a guard against a binary file or a runaway quote eating all memory. */
    static final int MAX_RECORD_CHARS = 1 << 20;
    /** Most fields in one record. */
    static final int MAX_FIELDS = 1_000;

    private static final int EOF = -1;

    /** One record and the line it starts on. */
    record Record(int line, String[] fields) {
    }

    private final Reader in;
    private final char separator;
    private final String source;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    /** The 1-based line of the next character to be read. */
    private int line = 1;
    /** The record and value being read, kept from record to record so that their arrays grow only once. */
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    CsvTokenizer(Reader in, char separator, String source) {
        this.in = in;
        this.separator = separator;
        this.source = source;
    }

    char separator() {
        return separator;
    }

    /** The next record with a non-empty field, or null at the end of the input. */
    Record next() throws CsvImportException {
        while (peek() != EOF) {
            int start = line;
            List<String> fields = record(start);
            if (fields != null && !fields.stream().allMatch(String::isEmpty)) {
                return new Record(start, fields.toArray(String[]::new));
            }
        }
        return null;
    }

    private enum State { START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

    /** Reads one record through its line break; null for a comment line. */
    private List<String> record(int start) throws CsvImportException {
        List<String> fields = this.fields;
        fields.clear();
        StringBuilder field = this.field;
        field.setLength(0);
        State state = State.START;
        int chars = 0;
        int quoteLine = start;
        while (true) {
            int c = read();
            if (c != EOF && ++chars > MAX_RECORD_CHARS) {
                throw new CsvImportException(source, start, "the line is longer than " + CsvImporter.count(MAX_RECORD_CHARS)
                        + " characters (1 MB); is this a text file of data? (a quote that is never closed makes one long line too)");
            }
            boolean lineBreak = c == '\n' || c == '\r';
            if (state == State.QUOTED) {
                if (c == EOF) {
                    throw new CsvImportException(source, quoteLine, fields.size() + 1, null,
                            "the quote \" that starts this value is never closed");
                }
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    field.append((char) c);
                    if (lineBreak) {
                        if (c == '\r' && peek() == '\n') field.append((char) read());
                        line++;
                    }
                }
                continue;
            }
            if (c == '"' && state == State.QUOTE_IN_QUOTED) {
                field.append('"');
                state = State.QUOTED;
                continue;
            }
            if (c == EOF || lineBreak || c == separator) {
                addField(fields, field, start);
                if (c == separator) {
                    state = State.START;
                    continue;
                }
                endLine(c);
                return fields;
            }
            switch (state) {
                case START -> {
                    if (c == '"') {
                        field.setLength(0);
                        quoteLine = line;
                        state = State.QUOTED;
                    } else if (c == '#' && fields.isEmpty() && field.toString().isBlank()) {
                        skipRestOfLine();
                        return null;
                    } else {
                        field.append((char) c);
                        if (!Character.isWhitespace(c)) {
                            state = State.UNQUOTED;
                            chars += appendRun(field);
                        }
                    }
                }
                case UNQUOTED -> {
                    field.append((char) c);
                    chars += appendRun(field);
                }
                case QUOTE_IN_QUOTED, AFTER_QUOTED -> {
                    if (!Character.isWhitespace(c)) {
                        throw new CsvImportException(source, line, fields.size() + 1, null, "there is text after the closing "
                                + "quote of this value; write a quote inside a quoted value as two quotes \"\"");
                    }
                    state = State.AFTER_QUOTED;
                }
                default -> throw new AssertionError(state);
            }
        }
    }

    /**
     * Appends the buffered characters up to the next separator or line break in one go (an unquoted value
     * ends only there), returning their number; the caller's loop then reads the end of the value.
     */
    private int appendRun(StringBuilder field) {
        int end = position;
        while (end < limit) {
            char d = buffer[end];
            if (d == separator || d == '\n' || d == '\r') break;
            end++;
        }
        int n = end - position;
        field.append(buffer, position, n);
        position = end;
        return n;
    }

    private void addField(List<String> fields, StringBuilder field, int start) throws CsvImportException {
        if (fields.size() == MAX_FIELDS) {
            throw new CsvImportException(source, start, "the line has more than " + CsvImporter.count(MAX_FIELDS) + " columns");
        }
        fields.add(field.toString().strip());
        field.setLength(0);
    }

    private void endLine(int c) throws CsvImportException {
        if (c == '\r' && peek() == '\n') read();
        if (c != EOF) line++;
    }

    private void skipRestOfLine() throws CsvImportException {
        int c;
        do {
            c = read();
        } while (c != EOF && c != '\n' && c != '\r');
        endLine(c);
    }

    private int read() throws CsvImportException {
        int c = peek();
        if (c != EOF) position++;
        return c;
    }

    private int peek() throws CsvImportException {
        if (position == limit) {
            try {
                int n;
                do {
                    n = in.read(buffer, 0, buffer.length);
                } while (n == 0);
                if (n < 0) return EOF;
                position = 0;
                limit = n;
            } catch (CharacterCodingException e) {
                throw new CsvImportException(source, line, 0, null, "the file is not UTF-8 text; save it from the "
                        + "spreadsheet as \"CSV UTF-8\"", e);
            } catch (IOException e) {
                throw new CsvImportException(source, line, 0, null, "the file could not be read (" + e.getMessage() + ")", e);
            }
        }
        return buffer[position];
    }
}
