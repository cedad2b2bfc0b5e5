package org.mlplayground.data.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.mlplayground.data.Dataset;

/**
 * A CSV file as {@link CsvImporter} read it: every numeric input column, the labels, and the train/test
 * split if the file has a {@code split} column. Immutable by convention, like {@link Dataset}.
 *
 * @param source         the file's name, as error messages and the summary show it
 * @param inputNames     the names of the numeric input columns, in file order ({@code x1, x2, …} without a header)
 * @param labelName      the label column's name
 * @param labelKind      what the labels are
 * @param x              {@code x[i][j]}: row i's value in input column j
 * @param y              row i's label: the value (regression), ±1 (binary), the class index 0 … K−1 (K ≥ 3 classes)
 * @param classNames     the class names in label order (name 0 is −1 and name 1 is +1 for two classes), sorted;
 *                       empty when the labels are numbers
 * @param classes        each class with its label and number of rows, in label order; empty for regression
 * @param test           per row, true if the split column says {@code test}; null when the file has no split column
 * @param ignoredColumns columns left out because they hold only text (and no label), in file order
 */
public record ImportedTable(String source, List<String> inputNames, String labelName, LabelKind labelKind, double[][] x,
        double[] y, List<String> classNames, List<ClassCount> classes, boolean[] test, List<String> ignoredColumns) {

    /** What the label column holds. */
    public enum LabelKind {
        /** Numbers with more than two values (or two values other than 0/1 and −1/+1). */
        REGRESSION,
        /** Two classes, as labels −1 and +1: text names, 0/1 (0 → −1) or −1/+1. */
        BINARY,
        /** Three or more classes named by text, as labels 0 … K−1. */
        CLASSES
    }

    /**
     * One class: its name (a class name, or the number the file writes, such as {@code 0} or {@code -1}), the
     * label it gets, and how many rows have it.
     */
    public record ClassCount(String name, double label, int count) {
    }

    public ImportedTable {
        Objects.requireNonNull(source, "source");
        inputNames = List.copyOf(inputNames);
        classNames = List.copyOf(classNames);
        classes = List.copyOf(classes);
        ignoredColumns = List.copyOf(ignoredColumns);
        if (x.length != y.length || test != null && test.length != y.length) {
            throw new IllegalArgumentException(source + ": " + x.length + " rows of inputs, " + y.length + " labels");
        }
    }

    public int rows() {
        return y.length;
    }

    public boolean hasSplit() {
        return test != null;
    }

    /** All rows with every input column. */
    public Dataset toDataset() {
        return select(allInputs(), null);
    }

    /**
     * All rows with two input columns chosen from {@link #inputNames()} (0-based), as a 2-D data set.
     *
     * @throws IllegalArgumentException if an index is out of range or both are the same
     */
    public Dataset toDataset(int inputA, int inputB) {
        return select(pair(inputA, inputB), null);
    }

    /**
     * The split the file's {@code split} column records, with every input column; the rows keep their file
     * order within each part.
     *
     * @throws IllegalStateException if the file has no split column
     */
    public Dataset.Split toSplit() {
        return split(allInputs());
    }

    /** Like {@link #toSplit()} with two chosen input columns, as in {@link #toDataset(int, int)}. */
    public Dataset.Split toSplit(int inputA, int inputB) {
        return split(pair(inputA, inputB));
    }

    /**
     * One line for a person: {@code penguins.csv: 333 rows, inputs bill_length_mm, bill_depth_mm; label
     * species: 3 classes (Adelie 146, Chinstrap 68, Gentoo 119)}, then the split and ignored columns if any.
     */
    public String summary() {
        StringBuilder s = new StringBuilder(source).append(": ").append(rows()).append(rows() == 1 ? " row" : " rows")
                .append(", input").append(inputNames.size() == 1 ? " " : "s ").append(String.join(", ", inputNames))
                .append("; label ").append(labelName).append(": ");
        switch (labelKind) {
            case REGRESSION -> {
                double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
                for (double v : y) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                s.append("regression, values ").append(CsvImporter.show(min)).append(" to ").append(CsvImporter.show(max));
            }
            case BINARY -> {
                StringJoiner each = new StringJoiner(", ");
                for (ClassCount c : classes) {
                    each.add(c.name() + " = " + (c.label() < 0 ? "-1" : "+1") + " (" + c.count() + ")");
                }
                s.append("2 classes, ").append(each);
            }
            case CLASSES -> {
                StringJoiner each = new StringJoiner(", ", " (", ")");
                for (ClassCount c : classes) each.add(c.name() + " " + c.count());
                s.append(classes.size()).append(" classes").append(each);
            }
            default -> throw new AssertionError(labelKind);
        }
        if (hasSplit()) {
            int nTest = 0;
            for (boolean t : test) if (t) nTest++;
            s.append("; split: ").append(rows() - nTest).append(" train, ").append(nTest).append(" test");
        }
        if (!ignoredColumns.isEmpty()) {
            s.append("; ignored text column").append(ignoredColumns.size() == 1 ? " " : "s ")
                    .append(String.join(", ", ignoredColumns));
        }
        return s.toString();
    }

    private int[] allInputs() {
        int[] all = new int[inputNames.size()];
        for (int j = 0; j < all.length; j++) all[j] = j;
        return all;
    }

    private int[] pair(int inputA, int inputB) {
        int d = inputNames.size();
        if (inputA < 0 || inputA >= d || inputB < 0 || inputB >= d || inputA == inputB) {
            throw new IllegalArgumentException(source + ": choose two different input columns out of 0 … " + (d - 1)
                    + " (" + String.join(", ", inputNames) + "), got " + inputA + " and " + inputB);
        }
        return new int[] {inputA, inputB};
    }

    private Dataset.Split split(int[] columns) {
        if (!hasSplit()) throw new IllegalStateException(source + " has no split column");
        return new Dataset.Split(select(columns, false), select(columns, true));
    }

    /** The rows of one part of the split (or all rows for null) with the given input columns. */
    private Dataset select(int[] columns, Boolean inTest) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < rows(); i++) {
            if (inTest != null && test[i] != inTest) continue;
            double[] point = new double[columns.length];
            for (int j = 0; j < columns.length; j++) point[j] = x[i][columns[j]];
            xs.add(point);
            ys.add(y[i]);
        }
        String name = inTest == null ? source : source + (inTest ? " (test)" : " (train)");
        return new Dataset(name, xs.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray(),
                classNames);
    }
}
