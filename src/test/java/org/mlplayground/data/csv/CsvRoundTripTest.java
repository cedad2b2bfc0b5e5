package org.mlplayground.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generators;
import org.mlplayground.data.csv.ImportedTable.LabelKind;

/** Export → import gives back the same points, labels, class names and split, bit for bit. */
class CsvRoundTripTest {
    @TempDir
    Path dir;

    /** A data set to export, with the class names to write (empty: numeric labels) and the kind it comes back as. */
    record Case(String name, Dataset data, List<String> classNames, LabelKind kind) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every generator belongs here (add new ones), plus hand-made sets for what generators lack: class names. */
    static Stream<Case> cases() {
        return Stream.of(
                generated(Generators.circle(500, 0.0, 1), LabelKind.BINARY),
                generated(Generators.circle(300, 0.5, 7), LabelKind.BINARY),
                generated(Generators.spiral(300, 0.2, 2), LabelKind.BINARY),
                generated(Generators.xor(300, 0.2, 3), LabelKind.BINARY),
                generated(Generators.gaussians(300, 0.2, 4), LabelKind.BINARY),
                generated(Generators.moons(300, 0.2, 5), LabelKind.BINARY),
                generated(Generators.checkerboard(300, 0.2, 6), LabelKind.BINARY),
                generated(Generators.linear(300, 0.2, 7), LabelKind.BINARY),
                generated(Generators.plane(300, 0.2, 8), LabelKind.REGRESSION),
                generated(Generators.multiGaussian(300, 0.2, 9), LabelKind.REGRESSION),
                generated(Generators.sine(300, 0.3, 10), LabelKind.REGRESSION),
                generated(Generators.rings(300, 0.2, 11), LabelKind.CLASSES),
                generated(Generators.spiral3(300, 0.2, 12), LabelKind.CLASSES),
                generated(Generators.blobs(300, 3, 0.2, 13), LabelKind.CLASSES),
                generated(Generators.blobs(300, 8, 0.2, 14), LabelKind.CLASSES),
                new Case("circle with class names", Generators.circle(200, 0.1, 3), CsvExporter.numberedClassNames(2),
                        LabelKind.BINARY),
                new Case("three penguin species", threeSpecies(), threeSpecies().classNames(), LabelKind.CLASSES),
                new Case("twelve numbered classes", twelveClasses(), CsvExporter.numberedClassNames(12), LabelKind.CLASSES),
                new Case("awkward regression values", awkwardRegression(), List.of(), LabelKind.REGRESSION));
    }

    /** A generated set: ±1 labels and regression targets go out as numbers, K ≥ 3 classes as "class 0" … */
    private static Case generated(Dataset data, LabelKind kind) {
        int k = (int) Arrays.stream(data.y()).max().orElse(0) + 1;
        return new Case(data.name(), data, kind == LabelKind.CLASSES ? CsvExporter.numberedClassNames(k) : List.of(), kind);
    }

    /** Input names for d inputs, with spaces and parentheses to be quoted. */
    private static List<String> inputNames(Dataset data, String... names) {
        return List.of(names).subList(0, data.inputSize());
    }

    private static Dataset threeSpecies() {
        double[][] x = {{39.1, 18.7}, {46.5, 17.9}, {49.1, 14.8}, {38.6, 21.2}, {50.0, 15.3}, {45.2, 17.8}};
        double[] y = {0, 1, 2, 0, 2, 1};
        return new Dataset("penguins", x, y, List.of("Adelie", "Chinstrap, \"pygoscelis\"", "Gentoo; papua"));
    }

    private static Dataset twelveClasses() {
        double[][] x = new double[24][];
        double[] y = new double[24];
        for (int i = 0; i < 24; i++) {
            x[i] = new double[] {Math.sin(i), Math.cos(i) * 1e-7};
            y[i] = i % 12;
        }
        return new Dataset("twelve", x, y);
    }

    /** Values whose shortest decimal is long, tiny, huge, subnormal or negative zero. */
    private static Dataset awkwardRegression() {
        double[][] x = {{0.1 + 0.2, -0.0}, {Double.MIN_VALUE, Double.MAX_VALUE}, {1e-300, -1e300}, {1.0 / 3, 2.0 / 3},
            {Math.PI, -Math.E}, {4.9e-324 * 3, 123456789.123456789}};
        double[] y = {Math.sqrt(2), -0.0, 1e22, 5e-324, -7.25, 0.1 * 3};
        return new Dataset("awkward", x, y);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anExportedSplitImportsBackIdentically(Case c) throws Exception {
        Dataset.Split split = c.data().split(0.7, 42);
        Path file = dir.resolve(c.name() + ".csv");
        List<String> names = inputNames(c.data(), "x1", "x2");
        CsvExporter.write(file, split, names, c.classNames());

        ImportedTable table = CsvImporter.read(file);
        assertEquals(c.kind(), table.labelKind());
        assertEquals(c.classNames(), table.classNames());
        assertEquals(names, table.inputNames());
        Dataset.Split back = table.toSplit();
        assertSame(split.train(), c.classNames(), back.train());
        assertSame(split.test(), c.classNames(), back.test());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anExportedDataSetWithoutSplitImportsBackIdentically(Case c) throws Exception {
        StringWriter out = new StringWriter();
        List<String> names = inputNames(c.data(), "bill length (mm)", "y");
        CsvExporter.write(out, c.data(), names, c.classNames());
        Path file = dir.resolve("whole.csv");
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);

        ImportedTable table = CsvImporter.read(file);
        assertEquals(names, table.inputNames());
        assertEquals(false, table.hasSplit());
        assertSame(c.data(), c.classNames(), table.toDataset());
    }

    /** Same points and labels, and the class names that were written (a generator's data sets have none). */
    private static void assertSame(Dataset expected, List<String> classNames, Dataset actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.x()[i], actual.x()[i], "point " + i); // compares bits: −0.0 ≠ 0.0
        }
        assertArrayEquals(expected.y(), actual.y());
        assertEquals(classNames, actual.classNames());
    }

    @Test
    void twoBlobsComeBackAsTheBinarySetTheyAre() throws Exception {
        // blobs(…, 2, …) labels its two classes −1/+1 like every binary set, which is the import's rule too
        Dataset blobs = Generators.blobs(100, 2, 0.2, 15);
        StringWriter out = new StringWriter();
        CsvExporter.write(out, blobs, List.of("x1", "x2"), List.of());
        ImportedTable table = CsvImporter.read(new StringReader(out.toString()), "blobs-2.csv");
        assertEquals(LabelKind.BINARY, table.labelKind());
        for (int i = 0; i < blobs.size(); i++) {
            assertArrayEquals(blobs.x()[i], table.x()[i]);
            assertEquals(blobs.y()[i], table.y()[i]);
        }
    }

    @Test
    void theFileIsPlainCommaSeparatedWithQuotedHeaderAndShortestNumbers() throws IOException {
        Dataset d = new Dataset("two", new double[][] {{0.1, -2}, {1e-5, 3}}, new double[] {-1, 1}, List.of("no", "yes, sir"));
        StringWriter out = new StringWriter();
        CsvExporter.write(out, new Dataset.Split(d, new Dataset("none", new double[0][], new double[0])),
                List.of("a", "b"), d.classNames());
        assertEquals("\"a\",\"b\",\"label\",\"split\"\n0.1,-2.0,no,train\n1.0E-5,3.0,\"yes, sir\",train\n", out.toString());
    }

    @Test
    void exportingReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "old contents");
        CsvExporter.write(file, Generators.circle(10, 0, 1), List.of("x1", "x2"), List.of());
        assertEquals("\"x1\",\"x2\",\"label\"", Files.readAllLines(file).get(0));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedExportLeavesTheOldFileAsItWas() throws IOException {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "old contents");
        Dataset nan = new Dataset("bad", new double[][] {{0, Double.NaN}}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> CsvExporter.write(file, nan, List.of("x1", "x2"), List.of()));
        assertEquals("old contents", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void namesThatWouldNotImportBackAreRefused() {
        Dataset d = new Dataset("d", new double[][] {{0, 1}, {1, 0}}, new double[] {-1, 1});
        StringWriter out = new StringWriter();
        for (List<String> inputs : List.of(List.of("x1"), List.of("x", "x"), List.of("x", "Label"), List.of("split", "x"),
                List.of("x", " y"), List.of("x", ""), List.of("1.5", "x"))) {
            assertThrows(IllegalArgumentException.class, () -> CsvExporter.write(out, d, inputs, List.of()), inputs::toString);
        }
        for (List<String> classes : List.of(List.of("b", "a"), List.of("a", "a"), List.of("a"), List.of("a", "2"),
                List.of("NaN", "b"), List.of("a", "b", "c"))) {
            assertThrows(IllegalArgumentException.class, () -> CsvExporter.write(out, d, List.of("x1", "x2"), classes),
                    classes::toString);
        }
    }

    @Test
    void numberedClassNamesSortInLabelOrder() {
        assertEquals(List.of("negative", "positive"), CsvExporter.numberedClassNames(2));
        assertEquals(List.of("class 0", "class 1", "class 2"), CsvExporter.numberedClassNames(3));
        List<String> twelve = CsvExporter.numberedClassNames(12);
        assertEquals("class 00", twelve.get(0));
        assertEquals("class 11", twelve.get(11));
        assertEquals(twelve.stream().sorted().toList(), twelve);
    }
}
