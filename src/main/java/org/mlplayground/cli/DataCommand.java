package org.mlplayground.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlplayground.data.csv.CsvImportException;
import org.mlplayground.data.csv.CsvImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code data --check FILE}: reads a CSV exactly as the app's import does and prints its one-line summary,
 * or the import's error (exit 2).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Check a CSV data file as the app would import it and print a one-line summary.")
final class DataCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--check", paramLabel = "FILE", required = true,
            description = "The CSV file to read: prints rows, input columns, label kind and classes with counts.")
    private Path file;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().println(CsvImporter.read(file).summary());
            return 0;
        } catch (CsvImportException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
