package org.mlplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, List<String> out, List<String> err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, lines(out), lines(err));
    }

    private static List<String> lines(StringWriter w) {
        String text = w.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void checkPrintsTheOneLineSummaryAndExitsZero() throws IOException {
        Path penguins = file("penguins.csv", "island;bill_length_mm;bill_depth_mm;species\nDream;39,1;18,7;Adelie\n"
                + "Dream;46,5;17,9;Chinstrap\nBiscoe;49,1;14,8;Gentoo\nTorgersen;38,6;21,2;Adelie\n");
        Result r = run("data", "--check", penguins.toString());
        assertEquals(0, r.code());
        assertEquals(List.of("penguins.csv: 4 rows, inputs bill_length_mm, bill_depth_mm; label species: 3 classes "
                + "(Adelie 2, Chinstrap 1, Gentoo 1); ignored text column island"), r.out());
        assertEquals(List.of(), r.err());
    }

    @Test
    void aBadFileGivesTheImportErrorOnOneLineAndExitTwo() throws IOException {
        Path bad = file("bad.csv", "x1,x2,label\n1,2,a\n3,\"4\n5,6,b\n");
        Result r = run("data", "--check", bad.toString());
        assertEquals(2, r.code());
        assertEquals(List.of(), r.out());
        assertEquals(List.of("error: bad.csv, line 3, column 2: the quote \" that starts this value is never closed"), r.err());
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Result r = run("data", "--check", dir.resolve("nope.csv").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().size());
        assertTrue(r.err().get(0).startsWith("error: nope.csv: the file does not exist"), r.err().get(0));
    }

    @Test
    void dataWithoutCheckIsAUsageError() {
        Result r = run("data");
        assertEquals(2, r.code());
        assertEquals(1, r.err().size());
        assertTrue(r.err().get(0).startsWith("error: ") && r.err().get(0).contains("--check"), r.err().get(0));
    }
}
