package org.mlplayground.data.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.mlplayground.data.Dataset;

/**
 * Writes points with their labels (and split) as CSV that {@link CsvImporter} reads back to the same
 * numbers, labels, class names and split: a header {@code x1,x2,label,split}, then the training rows, then
 * the test rows, comma-separated, UTF-8 without a byte-order mark, LF line ends. Numbers are written by
 * {@link Double#toString}, the shortest text that reads back as the same double; labels as their class
 * names when there are names, else as numbers. Header names are always quoted, which keeps the importer
 * from taking a semicolon or tab inside a name for the separator.
 */
public final class CsvExporter {
    /** Header of the label column; the importer prefers this name over every other. */
    public static final String LABEL_COLUMN = "label";

    private CsvExporter() {
    }

    /**
     * Writes the split to {@code file} atomically: into a new file beside it that then replaces {@code file},
     * so a failed export leaves the old file as it was.
     *
     * @param inputNames one name per input, e.g. {@code x1, x2}
     * @param classNames the class names in label order (usually {@code split.train().classNames()}, or
     *                   {@link #numberedClassNames} for classes without names); empty to write numeric labels
     * @throws IllegalArgumentException if the points, names or labels could not be read back as they are
     *         (see {@link #write(Writer, Dataset.Split, List, List)})
     */
    public static void write(Path file, Dataset.Split split, List<String> inputNames, List<String> classNames)
            throws IOException {
        check(List.of(split.train(), split.test()), inputNames, classNames);
        atomically(file, out -> write(out, split, inputNames, classNames));
    }

    /** Like {@link #write(Path, Dataset.Split, List, List)} for a data set without a split (no split column). */
    public static void write(Path file, Dataset data, List<String> inputNames, List<String> classNames) throws IOException {
        check(List.of(data), inputNames, classNames);
        atomically(file, out -> write(out, data, inputNames, classNames));
    }

    /**
     * Writes the split, training rows first, with a {@code split} column; {@code out} is flushed, not closed.
     *
     * @throws IllegalArgumentException if a value is not finite; if the number of names differs from the
     *         inputs; if an input name is empty, has spaces around it, repeats, reads as a number or is
     *         {@code label} or {@code split}; if the class names are not distinct, sorted (as the importer
     *         sorts them), free of surrounding spaces and non-numeric, or a label has no name
     */
    public static void write(Writer out, Dataset.Split split, List<String> inputNames, List<String> classNames)
            throws IOException {
        check(List.of(split.train(), split.test()), inputNames, classNames);
        header(out, inputNames, true);
        rows(out, split.train(), classNames, ",train\n");
        rows(out, split.test(), classNames, ",test\n");
        out.flush();
    }

    /** Writes the data set without a split column; otherwise like {@link #write(Writer, Dataset.Split, List, List)}. */
    public static void write(Writer out, Dataset data, List<String> inputNames, List<String> classNames)
            throws IOException {
        check(List.of(data), inputNames, classNames);
        header(out, inputNames, false);
        rows(out, data, classNames, "\n");
        out.flush();
    }

    /**
     * Names for K classes known only by their label: {@code class 0 … class K−1}, the numbers padded with
     * zeros so that sorting keeps them in label order ({@code class 07} before {@code class 10}). Two
     * classes are {@code negative} (−1) and {@code positive} (+1).
     */
    public static List<String> numberedClassNames(int k) {
        if (k < 2) throw new IllegalArgumentException("need at least two classes, got " + k);
        if (k == 2) return List.of("negative", "positive");
        int width = Integer.toString(k - 1).length();
        return IntStream.range(0, k).mapToObj(i -> "class " + String.format(Locale.ROOT, "%0" + width + "d", i)).toList();
    }

    private static void header(Writer out, List<String> inputNames, boolean withSplit) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String name : inputNames) line.append(quoted(name)).append(',');
        line.append(quoted(LABEL_COLUMN));
        if (withSplit) line.append(',').append(quoted(CsvImporter.SPLIT_NAME));
        out.write(line.append('\n').toString());
    }

    private static void rows(Writer out, Dataset data, List<String> classNames, String end) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            line.setLength(0);
            for (double v : data.x()[i]) line.append(v).append(',');
            double y = data.y()[i];
            if (classNames.isEmpty()) {
                line.append(y);
            } else {
                int k = classNames.size();
                line.append(field(classNames.get(k == 2 ? (y < 0 ? 0 : 1) : (int) y)));
            }
            out.write(line.append(end).toString());
        }
    }

    /** The name as it is, or quoted if it holds a separator, a quote or a line break. */
    private static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '\t' || c == '"' || c == '\n' || c == '\r') return quoted(text);
        }
        return text;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void check(List<Dataset> parts, List<String> inputNames, List<String> classNames) {
        Set<String> seen = new HashSet<>();
        for (String name : inputNames) {
            checkName("input name", name);
            if (!seen.add(name)) throw new IllegalArgumentException("input name '" + name + "' is given twice");
            if (name.equalsIgnoreCase(LABEL_COLUMN) || name.equalsIgnoreCase(CsvImporter.SPLIT_NAME)) {
                throw new IllegalArgumentException("input name '" + name + "' is the name of the label or split column");
            }
            if (Cell.of(name, false) == Cell.NUMBER) {
                throw new IllegalArgumentException("input name '" + name + "' reads as a number, which marks a data row");
            }
        }
        int k = classNames.size();
        if (k == 1) throw new IllegalArgumentException("one class name; give none or at least two");
        for (int c = 0; c < k; c++) {
            String name = classNames.get(c);
            checkName("class name", name);
            if (Cell.of(name, false) != Cell.TEXT) {
                throw new IllegalArgumentException("class name '" + name + "' reads as a number; the importer would take "
                        + "the labels for numbers");
            }
            if (c > 0 && classNames.get(c - 1).compareTo(name) >= 0) {
                throw new IllegalArgumentException("class names must be distinct and sorted, as the importer sorts them, "
                        + "to come back with the same labels; got " + classNames);
            }
        }
        for (Dataset part : parts) {
            for (int i = 0; i < part.size(); i++) {
                double[] point = part.x()[i];
                if (point.length != inputNames.size()) {
                    throw new IllegalArgumentException(part.name() + ": example " + (i + 1) + " has " + point.length
                            + " inputs, but there are " + inputNames.size() + " input names");
                }
                for (double v : point) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(part.name() + ": example " + (i + 1) + " has the input " + v);
                    }
                }
                double y = part.y()[i];
                boolean named = k == 0 ? Double.isFinite(y)
                        : k == 2 ? y == -1 || y == 1 : y >= 0 && y < k && y == Math.rint(y);
                if (!named) {
                    throw new IllegalArgumentException(part.name() + ": example " + (i + 1) + " has the label " + y + ", "
                            + (k == 0 ? "which is not finite" : "which none of the " + k + " class names stands for"));
                }
            }
        }
    }

    private static void checkName(String what, String name) {
        if (name.isEmpty() || !name.equals(name.strip())) {
            throw new IllegalArgumentException(what + " '" + name + "' is empty or has spaces around it, which the "
                    + "importer drops");
        }
    }

    private interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private static void atomically(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        for (int attempt = 0; temp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW).close();
                temp = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.UTF_8))) {
                body.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
