package org.mlplayground.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlplayground.lesson.LessonException;
import org.mlplayground.lesson.LessonLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lesson --check DIR}: loads every lesson of a folder (and its language folders) as the app does and
 * prints every problem on a line of its own, {@code file:line: message}; exit 0 when all load, 1 when any does
 * not. A count of the lessons goes to stderr, so that stdout holds the problems only.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Check a folder of lessons: print every problem as file:line: message; exit 1 if there are any.")
final class LessonCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--check", paramLabel = "DIR", required = true,
            description = "The lesson folder, e.g. lessons (its cs/, ru/ … folders are checked too).")
    private Path folder;

    @Override
    public Integer call() {
        LessonLibrary library = LessonLibrary.load(folder);
        PrintWriter out = spec.commandLine().getOut();
        for (LessonException problem : library.problems()) out.println(problem.getMessage());
        spec.commandLine().getErr().println("note: " + library.lessons().size() + " lessons loaded, "
                + library.problems().size() + (library.problems().size() == 1 ? " problem" : " problems"));
        return library.problems().isEmpty() ? 0 : 1;
    }
}
