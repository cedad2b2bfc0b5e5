package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real data sets in {@code datasets/}: format, counts, ranges, and agreement with
 * {@code datasets/README.md} (counts and SHA-256), so the README cannot go stale. Reads the files with plain
 * Java, independently of the app's CSV import. Surefire runs with the project root as working directory.
 */
class ShippedDatasetsTest {

    private static final Path DIR = Path.of("datasets");

    /** One parsed file: header, numeric columns, labels. */
    private record Table(String[] header, List<double[]> rows, List<String> labels) {
        int column(String name) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].equals(name)) {
                    return i;
                }
            }
            throw new AssertionError("no column " + name);
        }

        double min(String name) {
            int c = column(name);
            return rows.stream().mapToDouble(r -> r[c]).min().orElseThrow();
        }

        double max(String name) {
            int c = column(name);
            return rows.stream().mapToDouble(r -> r[c]).max().orElseThrow();
        }

        Map<String, Integer> classCounts() {
            Map<String, Integer> counts = new TreeMap<>();
            labels.forEach(l -> counts.merge(l, 1, Integer::sum));
            return counts;
        }
    }

    private static Table read(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(DIR.resolve(file));
        assertFalse(bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF, file + " starts with a BOM");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), file + " has CR line ends");
        assertFalse(text.contains("\""), file + " has quotes");
        assertTrue(text.endsWith("\n"), file + " lacks a final newline");
        String[] lines = text.split("\n");
        String[] header = lines[0].split(",", -1);
        assertEquals("species", header[header.length - 1], file + ": label column");
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String where = file + " line " + (i + 1);
            String[] f = lines[i].split(",", -1);
            assertEquals(header.length, f.length, where + ": column count");
            double[] x = new double[f.length - 1];
            for (int j = 0; j < x.length; j++) {
                assertFalse(f[j].isBlank(), where + ": empty " + header[j]);
                try {
                    x[j] = Double.parseDouble(f[j]);
                } catch (NumberFormatException e) {
                    fail(where + ": " + header[j] + " = '" + f[j] + "' is not a number");
                }
                assertTrue(Double.isFinite(x[j]), where + ": " + header[j] + " not finite");
            }
            String label = f[f.length - 1];
            assertFalse(label.isBlank(), where + ": empty species");
            assertFalse(label.equalsIgnoreCase("NA") || label.equalsIgnoreCase("null"), where + ": species " + label);
            rows.add(x);
            labels.add(label);
        }
        return new Table(header, rows, labels);
    }

    private static String readme() throws IOException {
        return Files.readString(DIR.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The README's section about one file: from its "## `file`" heading to the next "## " heading. */
    private static String section(String readme, String file) {
        int start = readme.indexOf("## `" + file + "`");
        assertTrue(start >= 0, "README has no section for " + file);
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    /** Row count, columns and class counts stated in the README match the file. */
    private static void assertReadmeDescribes(String file, Table t) throws IOException {
        String s = section(readme(), file);
        Matcher m = Pattern.compile("- (\\d+) rows, (\\d+) columns: ((?:`[^`]+`(?:, )?)+)").matcher(s);
        assertTrue(m.find(), "README section for " + file + " lacks the '- N rows, M columns: ...' line");
        assertEquals(t.rows().size(), Integer.parseInt(m.group(1)), file + ": README row count");
        assertEquals(t.header().length, Integer.parseInt(m.group(2)), file + ": README column count");
        List<String> named = new ArrayList<>();
        Matcher col = Pattern.compile("`([^`]+)`").matcher(m.group(3));
        while (col.find()) {
            named.add(col.group(1));
        }
        assertEquals(List.of(t.header()), named, file + ": README column names");

        Matcher c = Pattern.compile("- Classes: (.*?)\\.\\n").matcher(s);
        assertTrue(c.find(), "README section for " + file + " lacks the '- Classes: ...' line");
        Map<String, Integer> stated = new TreeMap<>();
        for (String part : c.group(1).split(",")) {
            String[] kv = part.trim().split(" ");
            stated.put(kv[0], Integer.parseInt(kv[1]));
        }
        assertEquals(t.classCounts(), stated, file + ": README class counts");
    }

    @Test
    void irisIsFishersTable() throws IOException {
        Table t = read("iris.csv");
        assertArrayEquals(new String[] {"sepal_length", "sepal_width", "petal_length", "petal_width", "species"},
                t.header());
        assertEquals(150, t.rows().size());
        assertEquals(Map.of("setosa", 50, "versicolor", 50, "virginica", 50), t.classCounts());
        // Blocks of 50 in Fisher's order.
        for (int i = 0; i < 150; i++) {
            assertEquals(List.of("setosa", "versicolor", "virginica").get(i / 50), t.labels().get(i), "row " + (i + 1));
        }
        assertEquals(4.3, t.min("sepal_length"));
        assertEquals(7.9, t.max("sepal_length"));
        assertEquals(2.0, t.min("sepal_width"));
        assertEquals(4.4, t.max("sepal_width"));
        assertEquals(1.0, t.min("petal_length"));
        assertEquals(6.9, t.max("petal_length"));
        assertEquals(0.1, t.min("petal_width"));
        assertEquals(2.5, t.max("petal_width"));
        // Fisher's values, not UCI's two erroneous rows (UCI: 35 = 4.9,3.1,1.5,0.1; 38 = 4.9,3.1,1.5,0.1).
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, t.rows().get(0));
        assertArrayEquals(new double[] {4.9, 3.1, 1.5, 0.2}, t.rows().get(34));
        assertArrayEquals(new double[] {4.9, 3.6, 1.4, 0.1}, t.rows().get(37));
        assertArrayEquals(new double[] {5.9, 3.0, 5.1, 1.8}, t.rows().get(149));
        // Column sums (exact in tenths): R's colSums(iris[1:4]) = 876.5, 458.6, 563.7, 179.9.
        double[] sums = new double[4];
        t.rows().forEach(r -> {
            for (int j = 0; j < 4; j++) {
                sums[j] += Math.round(r[j] * 10);
            }
        });
        assertArrayEquals(new double[] {8765, 4586, 5637, 1799}, sums);
        assertReadmeDescribes("iris.csv", t);
    }

    @Test
    void penguinsHaveNoMissingValuesAndPlausibleSizes() throws IOException {
        Table t = read("penguins.csv");
        assertArrayEquals(
                new String[] {"bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "species"},
                t.header());
        assertEquals(342, t.rows().size());
        assertEquals(Map.of("Adelie", 151, "Chinstrap", 68, "Gentoo", 123), t.classCounts());
        assertEquals(32.1, t.min("bill_length_mm"));
        assertEquals(59.6, t.max("bill_length_mm"));
        assertEquals(13.1, t.min("bill_depth_mm"));
        assertEquals(21.5, t.max("bill_depth_mm"));
        assertEquals(172, t.min("flipper_length_mm"));
        assertEquals(231, t.max("flipper_length_mm"));
        assertEquals(2700, t.min("body_mass_g"));
        assertEquals(6300, t.max("body_mass_g"));
        // palmerpenguins' summary of the 342 complete birds: mean bill length 43.92193 mm, body mass 4201.754 g.
        double meanBill = t.rows().stream().mapToDouble(r -> r[0]).average().orElseThrow();
        double meanMass = t.rows().stream().mapToDouble(r -> r[3]).average().orElseThrow();
        assertEquals(43.92193, meanBill, 5e-6);
        assertEquals(4201.754, meanMass, 5e-4);
        // Species differ where the suggested inputs say they do: Gentoo bills are shallow, Adelie bills short.
        Map<String, double[]> meanBySpecies = new HashMap<>();
        Map<String, Integer> n = t.classCounts();
        for (int i = 0; i < t.rows().size(); i++) {
            double[] acc = meanBySpecies.computeIfAbsent(t.labels().get(i), k -> new double[2]);
            acc[0] += t.rows().get(i)[0] / n.get(t.labels().get(i));
            acc[1] += t.rows().get(i)[1] / n.get(t.labels().get(i));
        }
        assertTrue(meanBySpecies.get("Adelie")[0] < 40 && meanBySpecies.get("Chinstrap")[0] > 47
                && meanBySpecies.get("Gentoo")[0] > 46, "bill lengths by species");
        assertTrue(meanBySpecies.get("Gentoo")[1] < 16 && meanBySpecies.get("Adelie")[1] > 17.5
                && meanBySpecies.get("Chinstrap")[1] > 17.5, "bill depths by species");
        assertReadmeDescribes("penguins.csv", t);
    }

    @Test
    void readmeChecksumsMatchTheFiles() throws IOException, NoSuchAlgorithmException {
        Matcher m = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+\\.csv)$").matcher(readme());
        Map<String, String> stated = new LinkedHashMap<>();
        while (m.find()) {
            stated.put(m.group(2), m.group(1));
        }
        List<String> shipped;
        try (var files = Files.list(DIR)) {
            shipped = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv")).sorted().toList();
        }
        assertTrue(shipped.containsAll(List.of("iris.csv", "penguins.csv")), "CSV files in datasets/: " + shipped);
        assertEquals(shipped, stated.keySet().stream().sorted().toList(), "README checksum lines");
        for (String file : shipped) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(DIR.resolve(file)));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            assertEquals(stated.get(file), hex.toString(),
                    file + " changed: update its SHA-256 (and counts) in datasets/README.md");
        }
    }
}
