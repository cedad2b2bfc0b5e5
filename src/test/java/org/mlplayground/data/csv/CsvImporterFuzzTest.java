package org.mlplayground.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.csv.ImportedTable.ClassCount;
import org.mlplayground.data.csv.ImportedTable.LabelKind;

/**
 * Whatever bytes it is given, the importer returns a consistent table or throws {@link CsvImportException}
 * with a one-line message naming the file, never anything else: 4,000 random byte strings, 3,000 random
 * texts over the characters CSV cares about and 4,000 mutations of valid files (11,000 cases); and 1,000
 * random data sets with awkward numbers and names export and import back bit for bit.
 */
class CsvImporterFuzzTest {
    private static final String SOURCE = "fuzz.csv";

    /** Valid files of every shape the rules allow, for the mutations to start from. */
    private static final List<String> VALID = List.of(
            "x1,x2,label\n1.5,2,a\n-3,4e2,b\n5,.6,a\n",
            "\uFEFFbill_length;bill_depth;island;species\r\n# comment\r\n39,1;18,7;Dream;Adelie\r\n46,5;17,9;Biscoe;Chinstrap\r\n"
                    + "49.1;14.8;Biscoe;Gentoo\r\n;;;\r\n",
            "a\tb\tc\ty\n1\t2\t3\t0.5\n4\t5\t6\t1.5\n7\t8\t9\t-2\n",
            "\"x, first\",\"x \"\"two\"\"\",label,split\n1,\"2\",\"a, b\",train\n3,4,\"say \"\"hi\"\"\nthere\",test\n",
            "1,2,1\n3,4,0\n5,6,1\n",
            ",x,y,target\n0,1,2,-1\n1,3,4,1\n2,5,6,+1\n",
            "Species,x\n\nsetosa,1\nversicolor,2\n   # indented comment\nvirginica,3\n");

    /** Tokens that CSV parsing treats specially, for random texts and insertions. */
    private static final List<String> TOKENS = List.of(",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", "#", " ", "NaN",
            "inf", "1e999", "-", "+", ".", "e", "E", "\uFEFF", "abc", "0", "1", "-1", "2,5", "label", "split", "train", "test",
            "species", "y", "\u0000", "é", "\uD83D\uDC27", "\uD83D", "1".repeat(400), "12345678901234567890");

    @Property(tries = 4000)
    void randomBytesGiveATableOrTheDocumentedException(@ForAll @Size(max = 500) byte[] bytes) {
        check(bytes);
    }

    @Property(tries = 3000)
    void randomCsvLikeTextGivesATableOrTheDocumentedException(@ForAll("csvLikeText") String text) {
        check(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 4000)
    void mutatedValidFilesGiveATableOrTheDocumentedException(@ForAll("mutatedFiles") byte[] bytes) {
        Statistics.label("outcome").collect(check(bytes));
        // the mutations must reach both sides: tables that still import, and errors deep in the rules
        Statistics.label("outcome").coverage(c -> {
            c.check("table").percentage(p -> p > 10);
            c.check("error").percentage(p -> p > 15);
        });
    }

    @Provide
    Arbitrary<String> csvLikeText() {
        return Arbitraries.randomValue(random -> {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) s.append(TOKENS.get(random.nextInt(TOKENS.size())));
            return s.toString();
        });
    }

    @Provide
    Arbitrary<byte[]> mutatedFiles() {
        return Arbitraries.randomValue(random -> {
            StringBuilder s = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
            int mutations = 1 + random.nextInt(6);
            for (int m = 0; m < mutations; m++) mutate(s, random);
            byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0 && bytes.length > 0) bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            return bytes;
        });
    }

    private static void mutate(StringBuilder s, Random random) {
        int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
        switch (random.nextInt(7)) {
            case 0 -> s.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(5)));
            case 2 -> { // duplicate a line
                List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                int i = random.nextInt(lines.size());
                lines.add(i, lines.get(i));
                s.replace(0, s.length(), String.join("\n", lines));
            }
            case 3 -> { // drop a line
                List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                lines.remove(random.nextInt(lines.size()));
                s.replace(0, s.length(), String.join("\n", lines));
            }
            case 4 -> {
                if (at + 1 < s.length()) {
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(at + 1));
                    s.setCharAt(at + 1, c);
                }
            }
            case 5 -> {
                if (at < s.length()) s.setCharAt(at, (char) random.nextInt(128));
            }
            default -> s.setLength(at);
        }
    }

    /**
     * Either a table that keeps its promises, or the one exception type with a one-line message naming the
     * file; returns which ("table" or "error").
     */
    private static String check(byte[] bytes) {
        ImportedTable t;
        try {
            t = CsvImporter.read(new ByteArrayInputStream(bytes), SOURCE);
        } catch (CsvImportException e) {
            assertTrue(e.getMessage().startsWith(SOURCE + ":") || e.getMessage().startsWith(SOURCE + ", line "), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
            return "error";
        }
        int n = t.rows();
        assertTrue(n >= 1);
        assertFalse(t.inputNames().isEmpty());
        for (double[] point : t.x()) {
            assertEquals(t.inputNames().size(), point.length);
            for (double v : point) assertTrue(Double.isFinite(v));
        }
        int counted = 0;
        for (ClassCount c : t.classes()) counted += c.count();
        for (double y : t.y()) {
            assertTrue(Double.isFinite(y));
            if (t.labelKind() == LabelKind.BINARY) assertTrue(y == -1 || y == 1);
            if (t.labelKind() == LabelKind.CLASSES) assertTrue(y >= 0 && y < t.classes().size() && y == Math.rint(y));
        }
        assertEquals(t.labelKind() == LabelKind.REGRESSION ? 0 : n, counted);
        assertEquals(n, t.toDataset().size());
        if (t.hasSplit()) assertEquals(n, t.toSplit().train().size() + t.toSplit().test().size());
        assertFalse(t.summary().isEmpty());
        return "table";
    }

    @Property(tries = 1000)
    void randomDataSetsExportAndImportBackBitForBit(@ForAll("dataSets") Exported e) throws Exception {
        StringWriter out = new StringWriter();
        CsvExporter.write(out, e.split(), e.inputNames(), e.classNames());
        ImportedTable t = CsvImporter.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), SOURCE);

        assertEquals(e.inputNames(), t.inputNames());
        assertEquals(e.classNames(), t.classNames());
        Dataset.Split back = t.toSplit();
        for (Dataset[] parts : new Dataset[][] {{e.split().train(), back.train()}, {e.split().test(), back.test()}}) {
            assertEquals(parts[0].size(), parts[1].size());
            for (int i = 0; i < parts[0].size(); i++) assertArrayEquals(parts[0].x()[i], parts[1].x()[i]);
            assertArrayEquals(parts[0].y(), parts[1].y());
        }
    }

    /** A split to export, with its column and class names. */
    record Exported(Dataset.Split split, List<String> inputNames, List<String> classNames) {
    }

    @Provide
    Arbitrary<Exported> dataSets() {
        return Arbitraries.randomValue(random -> {
            int d = 1 + random.nextInt(4);
            int kind = random.nextInt(3); // regression, ±1 without names, named classes
            List<String> classNames = kind == 2 ? names(random, 2 + random.nextInt(5), true) : List.of();
            int k = classNames.size();
            int n = Math.max(k, 2) + random.nextInt(30);
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) x[i][j] = awkwardDouble(random);
                y[i] = switch (kind) {
                    case 0 -> i == 0 ? 0.5 : awkwardDouble(random); // 0.5 keeps it from looking like 0/1 or ±1 labels
                    case 1 -> i < 2 ? 2 * i - 1 : random.nextBoolean() ? 1 : -1;
                    default -> i < k ? i : random.nextInt(k);
                };
                if (k == 2) y[i] = y[i] == 0 ? -1 : 1;
            }
            if (kind == 0 && y[1] == 0.5) y[1] = -0.0; // two values at least
            Dataset data = new Dataset("random", x, y, classNames);
            return new Exported(data.split(0.3 + 0.4 * random.nextDouble(), random.nextLong()), names(random, d, false),
                    classNames);
        });
    }

    /** Any finite double, often an extreme one. */
    private static double awkwardDouble(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Double.MIN_VALUE * random.nextInt(1000);
            case 1 -> random.nextBoolean() ? Double.MAX_VALUE : -0.0;
            case 2 -> random.nextInt(10) - 5;
            default -> {
                double v;
                do {
                    v = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(v));
                yield v;
            }
        };
    }

    /** Distinct names, sorted, that the exporter accepts: full of separators, quotes, line breaks, '#' and Unicode. */
    private static List<String> names(Random random, int count, boolean forClasses) {
        String alphabet = "ab Z,;\t\"#\n\r.-e1éž\u00A0\uFEFF";
        TreeSet<String> names = new TreeSet<>();
        while (names.size() < count) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String name = s.toString();
            boolean accepted = !name.isEmpty() && name.equals(name.strip())
                    && (forClasses ? Cell.of(name, false) == Cell.TEXT : Cell.of(name, false) != Cell.NUMBER)
                    && !name.equalsIgnoreCase("label") && !name.equalsIgnoreCase("split");
            if (accepted) names.add(name);
        }
        List<String> sorted = new ArrayList<>(names);
        if (!forClasses) Collections.shuffle(sorted, random); // input names keep any order
        return sorted;
    }
}
