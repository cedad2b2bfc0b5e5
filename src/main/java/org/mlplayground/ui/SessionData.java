package org.mlplayground.ui;

import java.util.List;
import java.util.Objects;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generator;
import org.mlplayground.data.RealDataset;
import org.mlplayground.data.csv.ImportedTable;

/**
 * The data a run trains on, as the window shows it: raw 2-D points (before the feature map), split into
 * training, validation (may be null) and test (may be null) sets, what the labels mean, and the plane
 * they are drawn in. Immutable: drawing a point or importing a file makes a new one.
 *
 * @param name       shown in the data panel, e.g. "circle" or "penguins.csv: bill length × flipper length"
 * @param task       binary (±1), multi-class (0 … K−1) or regression labels
 * @param classNames names of the classes, in label order, for multi-class data; empty otherwise
 * @param inputNames what x₁ and x₂ are, for the axes
 * @param generator  the generator that made the points, or {@code null} for imported or real data
 */
record SessionData(String name, Generator.Task task, List<String> classNames, List<String> inputNames, Dataset train,
        Dataset validation, Dataset test, Plane plane, Generator generator) {

    SessionData {
        Objects.requireNonNull(train, "training set");
        Objects.requireNonNull(task, "task");
        classNames = List.copyOf(classNames);
        inputNames = List.copyOf(inputNames);
        Objects.requireNonNull(plane, "plane");
    }

    /** The points {@code recipe} makes, in TensorFlow Playground's plane. */
    static SessionData generated(DataRecipe recipe) {
        DataRecipe.Parts parts = recipe.make();
        Generator g = recipe.generator();
        if (g.dimension() != 2) {
            throw new IllegalArgumentException(g.title() + " has " + g.dimension() + "-D points; the playground draws 2-D data");
        }
        List<String> classes = parts.train().classNames();
        if (g.task() == Generator.Task.MULTICLASS && classes.isEmpty()) {
            int k = g == Generator.BLOBS ? recipe.classes() : g.defaultClasses();
            classes = new java.util.ArrayList<>();
            for (int c = 0; c < k; c++) classes.add("class " + (c + 1));
        }
        return new SessionData(g.title(), g.task(), g.task() == Generator.Task.MULTICLASS ? classes : List.of(),
                List.of("x₁", "x₂"), parts.train(), parts.validation(), parts.test(), Plane.STANDARD, g);
    }

    /** The same data with {@code train} and {@code test} instead (draw mode); no longer the generator's. */
    SessionData withSets(Dataset train, Dataset test) {
        String edited = name.endsWith(" (edited)") ? name : name + " (edited)";
        return new SessionData(edited, task, classNames, inputNames, train, validation, test, plane, null);
    }

    /**
     * Two input columns of an imported table: split as the file's {@code split} column says if it has one,
     * else shuffled with {@code seed} and cut at {@code trainShare}; the task follows the label column
     * (two classes → binary ±1, more → multi-class with the file's class names, numbers → regression), and the
     * plane is a square around the points.
     *
     * @throws IllegalArgumentException naming the file, if the columns are not two different inputs of the
     *                                  table or the split leaves no training point
     */
    static SessionData imported(ImportedTable table, int inputA, int inputB, double trainShare, long seed) {
        return fromTable(table.source() + ": " + pairName(table, inputA, inputB), table, inputA, inputB, trainShare, seed);
    }

    /** A shipped real data set with the two inputs the lessons use, split as {@link #imported} does. */
    static SessionData real(RealDataset set, double trainShare, long seed) {
        ImportedTable table = set.table();
        int a = table.inputNames().indexOf(set.defaultInputs().get(0));
        int b = table.inputNames().indexOf(set.defaultInputs().get(1));
        return fromTable(set.title() + ": " + pairName(table, a, b), table, a, b, trainShare, seed);
    }

    private static String pairName(ImportedTable table, int inputA, int inputB) {
        List<String> names = table.inputNames();
        boolean known = inputA >= 0 && inputA < names.size() && inputB >= 0 && inputB < names.size();
        return known ? names.get(inputA) + " × " + names.get(inputB) : "inputs " + inputA + " and " + inputB;
    }

    private static SessionData fromTable(String name, ImportedTable table, int inputA, int inputB, double trainShare,
            long seed) {
        Dataset.Split split = table.hasSplit() ? table.toSplit(inputA, inputB)
                : table.toDataset(inputA, inputB).split(trainShare, seed);
        if (split.train().size() == 0) {
            throw new IllegalArgumentException(table.source() + ": " + (table.hasSplit()
                    ? "the split column marks no row as train" : "too few rows to keep any for training"));
        }
        Dataset test = split.test().size() == 0 ? null : split.test();
        Generator.Task task = switch (table.labelKind()) {
            case BINARY -> Generator.Task.BINARY;
            case CLASSES -> Generator.Task.MULTICLASS;
            case REGRESSION -> Generator.Task.REGRESSION;
        };
        List<String> inputs = List.of(table.inputNames().get(inputA), table.inputNames().get(inputB));
        return new SessionData(name, task, task == Generator.Task.MULTICLASS ? table.classNames() : List.of(), inputs,
                split.train(), null, test, Plane.around(split.train(), test), null);
    }

    /** K for multi-class data (at least 2), 1 otherwise: the number of output units. */
    int outputs() {
        if (task != Generator.Task.MULTICLASS) return 1;
        int k = classNames.size();
        for (Dataset d : new Dataset[] {train, validation, test}) {
            if (d == null) continue;
            for (double y : d.y()) k = Math.max(k, (int) y + 1);
        }
        return Math.max(2, k);
    }

    int testSize() {
        return test == null ? 0 : test.size();
    }
}
