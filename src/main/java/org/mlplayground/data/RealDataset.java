package org.mlplayground.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.mlplayground.data.csv.CsvImportException;
import org.mlplayground.data.csv.CsvImporter;
import org.mlplayground.data.csv.ImportedTable;

/**
 * The real data sets shipped in {@code datasets/} (provenance and licences in datasets/README.md), read by
 * the same importer as a teacher's own CSV, with the pair of inputs the lessons use by default.
 */
public enum RealDataset {
    /** Palmer penguins: 342 birds, 3 species; bill length against bill depth. */
    PENGUINS("penguins", "Palmer penguins", "penguins.csv", "bill_length_mm", "bill_depth_mm"),
    /** Fisher's iris: 150 flowers, 3 species; petal length against petal width. */
    IRIS("iris", "Iris", "iris.csv", "petal_length", "petal_width");

    private final String id;
    private final String title;
    private final String file;
    private final String defaultX1;
    private final String defaultX2;

    RealDataset(String id, String title, String file, String defaultX1, String defaultX2) {
        this.id = id;
        this.title = title;
        this.file = file;
        this.defaultX1 = defaultX1;
        this.defaultX2 = defaultX2;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The whole table: every numeric column, the species as classes. */
    public ImportedTable table() {
        try (InputStream in = RealDataset.class.getResourceAsStream("/org/mlplayground/datasets/" + file)) {
            if (in == null) throw new IllegalStateException(file + " is missing from the application's resources");
            return CsvImporter.read(in, file);
        } catch (CsvImportException e) {
            throw new IllegalStateException("the shipped " + file + " does not import: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two default input columns, in order. */
    public List<String> defaultInputs() {
        return List.of(defaultX1, defaultX2);
    }

    /** The points with the default pair of inputs. */
    public Dataset load() {
        ImportedTable table = table();
        List<String> names = table.inputNames();
        return table.toDataset(names.indexOf(defaultX1), names.indexOf(defaultX2));
    }
}
