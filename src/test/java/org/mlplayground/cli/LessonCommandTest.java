package org.mlplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lesson --check DIR}: every problem on a line of its own, exit 0 or 1. */
class LessonCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void theShippedLessonsHaveNoProblems() {
        Result r = run("lesson", "--check", "lessons");
        assertEquals("", r.out());
        assertEquals(0, r.code());
    }

    @Test
    void everyProblemIsPrintedAsFileLineMessageAndTheExitCodeIsOne() throws IOException {
        Files.writeString(dir.resolve("01-good.md"), "---\ntitle: Good\n---\nText.\n## Try this: a\nA.\n");
        Files.writeString(dir.resolve("02-bad.md"), "---\ntitle: Bad\nnoise: loud\n---\nText.\n## Try this: a\nA.\n");
        Files.writeString(dir.resolve("03-bad.md"), "---\ntitle: Bad\nbatch-sise: 10\n---\nText.\n## Try this: a\nA.\n");
        Result r = run("lesson", "--check", dir.toString());
        assertEquals(dir.resolve("02-bad.md") + ":3: noise must be a number 0 … 1, got 'loud'" + System.lineSeparator()
                + dir.resolve("03-bad.md") + ":3: unknown setting 'batch-sise' (did you mean 'batch-size'?)" + System.lineSeparator(),
                r.out());
        assertEquals("note: 1 lessons loaded, 2 problems" + System.lineSeparator(), r.err());
        assertEquals(1, r.code());
    }

    @Test
    void aMissingFolderIsAUsageError() {
        Result r = run("lesson", "--check", dir.resolve("nope").toString());
        assertEquals("error: no lesson folder " + dir.resolve("nope") + System.lineSeparator(), r.err());
        assertEquals(2, r.code());
    }
}
