package org.mlplayground.data.csv;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mlplayground.data.csv.CsvTokenizer.Record;
import org.mlplayground.data.csv.ImportedTable.ClassCount;
import org.mlplayground.data.csv.ImportedTable.LabelKind;

/**
 * Reads a CSV file of points and labels, as a teacher's spreadsheet writes it. The rules:
 * <ul>
 * <li>Text is UTF-8, with or without a byte-order mark; lines end in LF, CRLF or CR.</li>
 * <li>Lines starting with {@code #} are comments; blank lines (and lines of empty values, {@code ;;;}) are
 *     skipped.</li>
 * <li>The separator is a comma, a semicolon or a tab: whichever splits the first ten lines into the same
 *     number of columns, the most columns winning, then tab before semicolon before comma. Quoted values
 *     follow RFC 4180 ({@code "a, b"}, {@code "say ""hi"""}) and may hold the separator.</li>
 * <li>Numbers are plain decimals ({@code -1.5}, {@code 2e-3}); with the semicolon as separator {@code 2,5}
 *     means 2.5 too. NaN and infinity are errors.</li>
 * <li>The first row is a header if none of its values is a number; otherwise the columns are named
 *     {@code x1, x2, …} and the last one is the label.</li>
 * <li>The label column is the one named {@code label}, {@code class}, {@code species}, {@code target} or
 *     {@code y} (in that order of preference, any case), else the last column. Labels are either all numbers
 *     or all class names. Numbers are a regression target, except that 0/1 and −1/+1 are two classes
 *     (0 → −1, 1 → +1). Two class names become −1 and +1 (the first in sorted order is −1); three or more
 *     become 0 … K−1 in sorted order.</li>
 * <li>A column named {@code split} holding {@code train} or {@code test} in every row records a
 *     train/test split (what {@link CsvExporter} writes).</li>
 * <li>Every other column is an input and must hold numbers, except that a column with no number in it at
 *     all (a species name, an island) is left out and listed in {@link ImportedTable#ignoredColumns()}.</li>
 * <li>At most {@value #MAX_ROWS} data rows, {@value CsvTokenizer#MAX_FIELDS} columns,
 *     {@value #MAX_VALUES} input values, {@value #MAX_CLASSES} classes and 1 MB per line.</li>
 * </ul>
 * Anything else is a {@link CsvImportException} naming the file, line and column; the importer throws no
 * other exception for any input.
 */
public final class CsvImporter {
    /** Most data rows a file may have, the playground's largest data set. */
    public static final int MAX_ROWS = 100_000;
    /** Most input values (rows × input columns) a file may have. */
    public static final int MAX_VALUES = 10_000_000;
    /** Most classes a label column may have. */
    public static final int MAX_CLASSES = 100;
    /** Names that mark the label column, most preferred first. */
    public static final List<String> LABEL_NAMES = List.of("label", "class", "species", "target", "y");
    /** Name that marks the split column. */
    public static final String SPLIT_NAME = "split";

    /** Separators in order of preference on a tie. */
    private static final char[] SEPARATORS = {'\t', ';', ','};
    /** Characters the separator is guessed from, and lines. */
    private static final int SAMPLE_CHARS = 256 * 1024;
    private static final int SAMPLE_RECORDS = 10;

    private CsvImporter() {
    }

    /** Reads {@code file}; error messages name it by its file name. */
    public static ImportedTable read(Path file) throws CsvImportException {
        Path name = file.getFileName();
        String source = name == null ? file.toString() : name.toString();
        if (Files.isDirectory(file)) {
            throw new CsvImportException(source, 0, "this is a folder, not a file (" + file.toAbsolutePath() + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new CsvImportException(source, 0, 0, null, "the file does not exist (looked for "
                    + file.toAbsolutePath() + ")", e);
        } catch (AccessDeniedException e) {
            throw new CsvImportException(source, 0, 0, null, "the file may not be read (permission denied)", e);
        } catch (IOException | SecurityException e) {
            throw new CsvImportException(source, 0, 0, null, "the file could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads UTF-8 bytes; {@code source} names them in error messages. The stream is not closed. */
    public static ImportedTable read(InputStream in, String source) throws CsvImportException {
        return read(new StrictUtf8Reader(in), source);
    }

    /** Reads characters; {@code source} names them in error messages. The reader is not closed. */
    public static ImportedTable read(Reader in, String source) throws CsvImportException {
        char[] sample = new char[8192];
        int n = 0;
        IOException failure = null;
        try {
            int k;
            while (n < SAMPLE_CHARS && (k = in.read(sample, n, sample.length - n)) >= 0) {
                n += k;
                if (n == sample.length && n < SAMPLE_CHARS) sample = Arrays.copyOf(sample, 2 * n);
            }
        } catch (IOException e) {
            failure = e; // reported by the tokenizer when it reaches this point, so with the right line
        }
        int bom = n > 0 && sample[0] == '\uFEFF' ? 1 : 0;
        boolean whole = n < SAMPLE_CHARS && failure == null;
        char separator = separator(sample, bom, n, whole, source);
        Reader all = new SampleThenRest(sample, bom, n, failure, in);
        return new Table(new CsvTokenizer(all, separator, source), source).read();
    }

    /**
     * The separator that splits the sample's first records into equally many columns, the most columns
     * winning, ties going to tab, then semicolon, then comma; without such a separator the one that gives
     * the first record the most columns.
     */
    private static char separator(char[] sample, int from, int to, boolean whole, String source) {
        char best = ',';
        int bestColumns = 1;
        boolean bestConsistent = false;
        for (char candidate : SEPARATORS) {
            CsvTokenizer tokenizer = new CsvTokenizer(new CharArrayReader(sample, from, to - from), candidate, source);
            List<Record> records = new ArrayList<>();
            boolean broken = false;
            try {
                Record r;
                while (records.size() < SAMPLE_RECORDS && (r = tokenizer.next()) != null) records.add(r);
            } catch (CsvImportException e) {
                broken = whole; // a cut-off sample may end inside a quoted value
            }
            if (!whole && records.size() > 1 && records.size() < SAMPLE_RECORDS) records.remove(records.size() - 1);
            if (records.isEmpty()) continue;
            int columns = records.get(0).fields().length;
            boolean consistent = !broken && columns > 1 && records.stream().allMatch(r -> r.fields().length == columns);
            if (consistent && (!bestConsistent || columns > bestColumns)
                    || !consistent && !bestConsistent && columns > bestColumns) {
                best = candidate;
                bestColumns = columns;
                bestConsistent = consistent;
            }
        }
        return best;
    }

    /** The sample already read, then the rest of the input (or the error that ended the sample). */
    private static final class SampleThenRest extends Reader {
        private final char[] sample;
        private int position;
        private final int end;
        private final IOException failure;
        private final Reader rest;

        SampleThenRest(char[] sample, int from, int to, IOException failure, Reader rest) {
            this.sample = sample;
            this.position = from;
            this.end = to;
            this.failure = failure;
            this.rest = rest;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (position < end) {
                int n = Math.min(length, end - position);
                System.arraycopy(sample, position, target, offset, n);
                position += n;
                return n;
            }
            if (failure != null) throw failure;
            return rest.read(target, offset, length);
        }

        @Override
        public void close() {
            // the caller closes what it opened
        }
    }

    /** One reading of a file: the header, then row after row, checked as they come. */
    private static final class Table {
        private final CsvTokenizer tokenizer;
        private final String source;
        private final boolean decimalComma;

        private String[] names;
        private int labelColumn;
        private int splitColumn = -1;
        /** File columns of the inputs, in file order. */
        private int[] inputColumns;
        private int firstDataLine;
        private int headerLine;

        private final List<double[]> rows = new ArrayList<>();
        private final List<Boolean> inTest = new ArrayList<>();
        private double[] labels = new double[64];
        /** Whether the labels are numbers; null before the first label. */
        private Boolean numericLabels;
        /** Class name → its id in order of first appearance. */
        private final Map<String, Integer> classIds = new HashMap<>();
        private final List<String> classNamesInOrder = new ArrayList<>();
        /** Per input: whether a number (or NaN/infinity) has been seen, so the column holds numbers. */
        private boolean[] numeric;
        /** Per input: the first missing or text value while the column may still be a text column. */
        private CsvImportException[] pendingProblem;

        Table(CsvTokenizer tokenizer, String source) {
            this.tokenizer = tokenizer;
            this.source = source;
            this.decimalComma = tokenizer.separator() == ';';
        }

        ImportedTable read() throws CsvImportException {
            Record first = tokenizer.next();
            if (first == null) {
                throw new CsvImportException(source, 0, "the file has no data: it is empty or holds only blank lines and "
                        + "# comments");
            }
            if (first.fields().length < 2) {
                throw new CsvImportException(source, first.line(), "found only one column; separate the columns (the "
                        + "inputs and the label) with a comma, a semicolon or a tab");
            }
            boolean header = Arrays.stream(first.fields()).noneMatch(f -> Cell.of(f, decimalComma) == Cell.NUMBER);
            columns(first, header);
            if (!header) row(first);
            Record r;
            while ((r = tokenizer.next()) != null) row(r);
            if (rows.isEmpty()) {
                throw new CsvImportException(source, headerLine, "the file has column names but no data rows below them");
            }
            return table();
        }

        /** Names the columns and finds the label, split and input columns. */
        private void columns(Record first, boolean header) throws CsvImportException {
            int c = first.fields().length;
            names = new String[c];
            if (header) {
                headerLine = first.line();
                Map<String, Integer> seen = new HashMap<>();
                for (int j = 0; j < c; j++) {
                    String name = first.fields()[j].isEmpty() ? "column " + (j + 1) : first.fields()[j];
                    Integer before = seen.putIfAbsent(name, j);
                    if (before != null) {
                        throw new CsvImportException(source, headerLine, j + 1, name, "column " + (before + 1)
                                + " has the same name; each column needs a name of its own");
                    }
                    names[j] = name;
                }
                splitColumn = indexOfName(SPLIT_NAME);
                labelColumn = -1;
                for (String labelName : LABEL_NAMES) {
                    int j = indexOfName(labelName);
                    if (j >= 0 && j != splitColumn) {
                        labelColumn = j;
                        break;
                    }
                }
                if (labelColumn < 0) labelColumn = splitColumn == c - 1 ? c - 2 : c - 1;
            } else {
                for (int j = 0; j < c; j++) names[j] = "x" + (j + 1);
                labelColumn = c - 1;
                names[labelColumn] = "label";
            }
            int d = c - 1 - (splitColumn >= 0 ? 1 : 0);
            if (d < 1) {
                throw new CsvImportException(source, first.line(), "there is no input column besides the label "
                        + abbreviate(names[labelColumn]) + " and the split");
            }
            inputColumns = new int[d];
            for (int j = 0, k = 0; j < c; j++) if (j != labelColumn && j != splitColumn) inputColumns[k++] = j;
            numeric = new boolean[d];
            pendingProblem = new CsvImportException[d];
        }

        private int indexOfName(String wanted) {
            for (int j = 0; j < names.length; j++) if (names[j].equalsIgnoreCase(wanted)) return j;
            return -1;
        }

        private void row(Record r) throws CsvImportException {
            String[] f = r.fields();
            int line = r.line();
            if (rows.isEmpty()) firstDataLine = line;
            if (rows.size() == MAX_ROWS) {
                throw new CsvImportException(source, line, "the file has more than " + count(MAX_ROWS)
                        + " data rows, the most the playground takes");
            }
            if ((long) (rows.size() + 1) * inputColumns.length > MAX_VALUES) {
                throw new CsvImportException(source, line, "the file has more than " + count(MAX_VALUES)
                        + " input values (rows × input columns), the most the playground takes");
            }
            if (f.length != names.length) {
                throw new CsvImportException(source, line, "this line has " + f.length + (f.length == 1 ? " value" : " values")
                        + ", but " + (headerLine > 0 ? "the header (line " + headerLine + ") names " + names.length + " columns"
                                : "line " + firstDataLine + " has " + names.length));
            }
            double[] point = new double[inputColumns.length];
            for (int k = 0; k < inputColumns.length; k++) point[k] = input(f, k, line);
            double label = label(f[labelColumn], line);
            if (splitColumn >= 0) inTest.add(split(f[splitColumn], line));
            if (rows.size() == labels.length) labels = Arrays.copyOf(labels, 2 * labels.length);
            labels[rows.size()] = label;
            rows.add(point);
        }

        /** Input k's value in this row, or NaN for a value of a column that may yet turn out to be text only. */
        private double input(String[] f, int k, int line) throws CsvImportException {
            int j = inputColumns[k];
            String text = f[j];
            double value = Cell.value(text, decimalComma);
            Cell cell = Cell.of(text, value);
            if (cell == Cell.NUMBER || cell == Cell.NOT_FINITE) {
                if (pendingProblem[k] != null) throw pendingProblem[k];
                numeric[k] = true;
            }
            switch (cell) {
                case NUMBER -> {
                    return value;
                }
                case NOT_FINITE -> throw notFinite(line, j, text);
                case EMPTY, TEXT -> {
                    CsvImportException problem = new CsvImportException(source, line, j + 1, names[j], cell == Cell.EMPTY
                            ? "the value is missing; every input needs a number in every row"
                            : "'" + abbreviate(text) + "' is not a number" + (!decimalComma && text.matches("[+-]?\\d*,\\d+")
                                    ? " (a decimal comma works only with ';' as the separator)" : ""));
                    if (numeric[k]) throw problem;
                    if (pendingProblem[k] == null) pendingProblem[k] = problem;
                    return Double.NaN;
                }
                default -> throw new AssertionError(cell);
            }
        }

        /** The label as read: the number, or the class's id in order of first appearance. */
        private double label(String text, int line) throws CsvImportException {
            double value = Cell.value(text, decimalComma);
            Cell cell = Cell.of(text, value);
            String name = names[labelColumn];
            switch (cell) {
                case EMPTY -> throw new CsvImportException(source, line, labelColumn + 1, name, "the label is missing");
                case NOT_FINITE -> throw notFinite(line, labelColumn, text);
                case NUMBER -> {
                    if (numericLabels == null) numericLabels = true;
                    if (!numericLabels) {
                        throw new CsvImportException(source, line, labelColumn + 1, name, "'" + abbreviate(text)
                                + "' is a number, but the labels above are class names; a label column holds either "
                                + "numbers or class names");
                    }
                    return value;
                }
                case TEXT -> {
                    if (numericLabels == null) numericLabels = false;
                    if (numericLabels) {
                        throw new CsvImportException(source, line, labelColumn + 1, name, "'" + abbreviate(text)
                                + "' is not a number, but the labels above are numbers; a label column holds either "
                                + "numbers or class names");
                    }
                    Integer id = classIds.get(text);
                    if (id == null) {
                        if (classIds.size() == MAX_CLASSES) {
                            throw new CsvImportException(source, line, labelColumn + 1, name, "more than " + MAX_CLASSES
                                    + " different class names; is this really the label column?");
                        }
                        id = classIds.size();
                        classIds.put(text, id);
                        classNamesInOrder.add(text);
                    }
                    return id;
                }
                default -> throw new AssertionError(cell);
            }
        }

        private boolean split(String text, int line) throws CsvImportException {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "train" -> false;
                case "test" -> true;
                default -> throw new CsvImportException(source, line, splitColumn + 1, names[splitColumn],
                        (text.isEmpty() ? "the value is missing" : "'" + abbreviate(text) + "' is neither")
                                + "; the split column says train or test in every row");
            };
        }

        private CsvImportException notFinite(int line, int column, String text) {
            return new CsvImportException(source, line, column + 1, names[column], "'" + abbreviate(text)
                    + "' is not a finite number; NaN, infinity and numbers beyond ±1.8e308 cannot be used");
        }

        private ImportedTable table() throws CsvImportException {
            int n = rows.size();
            double[] y = Arrays.copyOf(labels, n);
            LabelKind kind;
            List<String> classNames = List.of();
            List<ClassCount> classes = new ArrayList<>();
            String labelName = names[labelColumn];
            if (numericLabels) {
                Set<Double> values = new TreeSet<>();
                for (double v : y) {
                    values.add(v == 0 ? 0.0 : v); // −0.0 and 0.0 are one value
                    if (values.size() > 2) break;
                }
                if (values.size() == 1) {
                    throw new CsvImportException(source, firstDataLine, labelColumn + 1, labelName, "every row has the "
                            + "label " + show(y[0]) + "; the labels must take at least two values");
                }
                boolean zeroOne = values.equals(Set.of(0.0, 1.0));
                if (zeroOne || values.equals(Set.of(-1.0, 1.0))) {
                    kind = LabelKind.BINARY;
                    int negatives = 0;
                    for (int i = 0; i < n; i++) {
                        y[i] = y[i] == 1 ? 1 : -1;
                        if (y[i] < 0) negatives++;
                    }
                    classes.add(new ClassCount(zeroOne ? "0" : "-1", -1, negatives));
                    classes.add(new ClassCount(zeroOne ? "1" : "+1", 1, n - negatives));
                } else {
                    kind = LabelKind.REGRESSION;
                }
            } else {
                int k = classNamesInOrder.size();
                if (k == 1) {
                    throw new CsvImportException(source, firstDataLine, labelColumn + 1, labelName, "every row has the "
                            + "class '" + abbreviate(classNamesInOrder.get(0)) + "'; a classifier needs at least two classes");
                }
                classNames = classNamesInOrder.stream().sorted().toList();
                kind = k == 2 ? LabelKind.BINARY : LabelKind.CLASSES;
                int[] rankOfId = new int[k];
                for (int id = 0; id < k; id++) rankOfId[id] = classNames.indexOf(classNamesInOrder.get(id));
                int[] counts = new int[k];
                for (int i = 0; i < n; i++) {
                    int rank = rankOfId[(int) y[i]];
                    y[i] = k == 2 ? (rank == 0 ? -1 : 1) : rank;
                    counts[rank]++;
                }
                for (int rank = 0; rank < k; rank++) {
                    classes.add(new ClassCount(classNames.get(rank), k == 2 ? (rank == 0 ? -1 : 1) : rank, counts[rank]));
                }
            }
            return new ImportedTable(source, keptInputNames(), labelName, kind, keptInputs(), y, classNames, classes,
                    splitColumn < 0 ? null : toArray(inTest), ignoredColumns());
        }

        private List<String> keptInputNames() throws CsvImportException {
            List<String> kept = new ArrayList<>();
            for (int k = 0; k < inputColumns.length; k++) if (numeric[k]) kept.add(names[inputColumns[k]]);
            if (kept.isEmpty()) {
                throw new CsvImportException(source, firstDataLine, "no column besides the label holds numbers ("
                        + abbreviate(String.join(", ", ignoredColumns())) + (ignoredColumns().size() == 1 ? " holds" : " hold")
                        + " text), but the inputs must be numbers");
            }
            return kept;
        }

        private List<String> ignoredColumns() {
            Set<String> ignored = new LinkedHashSet<>();
            for (int k = 0; k < inputColumns.length; k++) if (!numeric[k]) ignored.add(names[inputColumns[k]]);
            return List.copyOf(ignored);
        }

        private double[][] keptInputs() {
            int d = 0;
            for (boolean b : numeric) if (b) d++;
            if (d == inputColumns.length) return rows.toArray(double[][]::new);
            double[][] x = new double[rows.size()][d];
            for (int i = 0; i < x.length; i++) {
                double[] all = rows.get(i);
                for (int k = 0, j = 0; k < all.length; k++) if (numeric[k]) x[i][j++] = all[k];
            }
            return x;
        }

        private static boolean[] toArray(List<Boolean> flags) {
            boolean[] a = new boolean[flags.size()];
            for (int i = 0; i < a.length; i++) a[i] = flags.get(i);
            return a;
        }
    }

    /** 100000 as "100,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 1.0 as "1", 0.25 as "0.25": the number as a person would write it. */
    static String show(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** A value cut to a length that fits in a one-line message. */
    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\R", "↵");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "…";
    }
}
