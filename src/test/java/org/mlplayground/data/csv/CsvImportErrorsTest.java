package org.mlplayground.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input, each with the message a student reads: file, line and (where it applies) column. */
class CsvImportErrorsTest {
    @TempDir
    Path dir;

    private CsvImportException fail(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return assertThrows(CsvImportException.class, () -> CsvImporter.read(file));
    }

    private CsvImportException fail(String name, String text) throws IOException {
        return fail(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private CsvImportException fail(String text) throws IOException {
        return fail("data.csv", text);
    }

    private static void assertAt(CsvImportException e, int line, int column) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @Test
    void textInANumberColumnNamesFileLineColumnAndValue() throws IOException {
        CsvImportException e = fail("penguins.csv", "bill_length,bill_depth,species\n39.1,18.7,Adelie\n46.5,abc,Gentoo\n");
        assertEquals("penguins.csv, line 3, column 2 (bill_depth): 'abc' is not a number", e.getMessage());
        assertEquals("penguins.csv", e.source());
        assertAt(e, 3, 2);
    }

    @Test
    void textBeforeTheFirstNumberOfAColumnIsReportedWhereItIs() throws IOException {
        CsvImportException e = fail("x1,x2,label\n1,abc,a\n2,3,b\n");
        assertEquals("data.csv, line 2, column 2 (x2): 'abc' is not a number", e.getMessage());
    }

    @Test
    void aDecimalCommaInATabFileGetsAHint() throws IOException {
        CsvImportException e = fail("x1\tx2\tlabel\n1\t2,5\ta\n2\t3\tb\n");
        assertEquals("data.csv, line 2, column 2 (x2): '2,5' is not a number (a decimal comma works only with ';' as "
                + "the separator)", e.getMessage());
    }

    @Test
    void aMissingInputValueNamesItsLineAndColumn() throws IOException {
        CsvImportException e = fail("x1;x2;label\n1;2;a\n;4;b\n");
        assertEquals("data.csv, line 3, column 1 (x1): the value is missing; every input needs a number in every row",
                e.getMessage());
    }

    @Test
    void aMissingLabelNamesItsLineAndColumn() throws IOException {
        CsvImportException e = fail("x1,x2,label\n1,2,a\n3,4,\n");
        assertEquals("data.csv, line 3, column 3 (label): the label is missing", e.getMessage());
    }

    @Test
    void tooFewValuesOnALineAreComparedWithTheHeader() throws IOException {
        CsvImportException e = fail("x1,x2,label\n# note\n1,2,a\n3,4\n");
        assertEquals("data.csv, line 4: this line has 2 values, but the header (line 1) names 3 columns", e.getMessage());
        assertAt(e, 4, 0);
    }

    @Test
    void tooManyValuesWithoutAHeaderAreComparedWithTheFirstLine() throws IOException {
        CsvImportException e = fail("\n1,2,a\n3,4,b,5\n");
        assertEquals("data.csv, line 3: this line has 4 values, but line 2 has 3", e.getMessage());
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        CsvImportException e = fail("empty.csv", "");
        assertEquals("empty.csv: the file has no data: it is empty or holds only blank lines and # comments", e.getMessage());
        assertAt(e, 0, 0);
        assertEquals(e.getMessage().replace("empty.csv", "notes.csv"), fail("notes.csv", "# only\n\n  \n# comments\n").getMessage());
    }

    @Test
    void aHeaderWithoutDataRowsNamesTheHeaderLine() throws IOException {
        CsvImportException e = fail("# made by hand\nx1,x2,label\n\n");
        assertEquals("data.csv, line 2: the file has column names but no data rows below them", e.getMessage());
    }

    @Test
    void oneClassOnlyNamesTheClassAndTheLabelColumn() throws IOException {
        CsvImportException e = fail("x1,x2,species\n1,2,Adelie\n3,4,Adelie\n");
        assertEquals("data.csv, line 2, column 3 (species): every row has the class 'Adelie'; a classifier needs at "
                + "least two classes", e.getMessage());
    }

    @Test
    void oneNumericLabelValueOnlyIsAnError() throws IOException {
        CsvImportException e = fail("x,y\n1,1\n2,1.0\n3,1\n");
        assertEquals("data.csv, line 2, column 2 (y): every row has the label 1; the labels must take at least two values",
                e.getMessage());
    }

    @Test
    void nanAndInfinityAreRefusedInInputsAndLabels() throws IOException {
        String rule = "is not a finite number; NaN, infinity and numbers beyond ±1.8e308 cannot be used";
        assertEquals("data.csv, line 3, column 1 (x1): 'NaN' " + rule, fail("x1,x2,y\n1,2,3\nNaN,2,4\n").getMessage());
        assertEquals("data.csv, line 2, column 2 (x2): '-Infinity' " + rule, fail("x1,x2,y\n1,-Infinity,3\n").getMessage());
        assertEquals("data.csv, line 2, column 1 (x1): 'inf' " + rule, fail("x1,x2,y\ninf,2,3\n").getMessage());
        assertEquals("data.csv, line 3, column 2 (x2): '1e999' " + rule, fail("x1,x2,y\n1,2,3\n1,1e999,3\n").getMessage());
        assertEquals("data.csv, line 3, column 3 (y): 'nan' " + rule, fail("x1,x2,y\n1,2,3\n1,2,nan\n").getMessage());
    }

    @Test
    void moreThanOneHundredThousandRowsAreRefusedAtTheFirstRowTooMany() throws IOException {
        StringBuilder s = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i <= CsvImporter.MAX_ROWS; i++) s.append(i).append(',').append(i).append(i % 2 == 0 ? ",a\n" : ",b\n");
        CsvImportException e = fail("big.csv", s.toString());
        assertEquals("big.csv, line 100002: the file has more than 100,000 data rows, the most the playground takes",
                e.getMessage());
    }

    @Test
    void exactlyOneHundredThousandRowsAreFine() throws Exception {
        StringBuilder s = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < CsvImporter.MAX_ROWS; i++) s.append(i).append(',').append(i).append(i % 2 == 0 ? ",a\n" : ",b\n");
        Path file = dir.resolve("big.csv");
        Files.writeString(file, s);
        assertEquals(100_000, CsvImporter.read(file).rows());
    }

    @Test
    void aMissingFileNamesItsFullPath() {
        Path file = dir.resolve("nope.csv");
        CsvImportException e = assertThrows(CsvImportException.class, () -> CsvImporter.read(file));
        assertEquals("nope.csv: the file does not exist (looked for " + file.toAbsolutePath() + ")", e.getMessage());
    }

    @Test
    void aFolderIsNotAFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("data"));
        CsvImportException e = assertThrows(CsvImportException.class, () -> CsvImporter.read(folder));
        assertEquals("data: this is a folder, not a file (" + folder.toAbsolutePath() + ")", e.getMessage());
    }

    @Test
    void aReadErrorIsReportedAtTheLineWhereReadingStopped() {
        Reader broken = new Reader() {
            private final Reader start = new StringReader("x1,x2,label\n1,2,a\n3,");

            @Override
            public int read(char[] target, int offset, int length) throws IOException {
                int n = start.read(target, offset, length);
                if (n < 0) throw new IOException("the USB stick was pulled out");
                return n;
            }

            @Override
            public void close() {
            }
        };
        CsvImportException e = assertThrows(CsvImportException.class, () -> CsvImporter.read(broken, "stick.csv"));
        assertEquals("stick.csv, line 3: the file could not be read (the USB stick was pulled out)", e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreReportedOnTheirOwnLineEvenFarIntoTheFile() throws IOException {
        StringBuilder s = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 2000; i++) s.append(i).append(",1,a\n"); // some 16 kB before the bad byte
        byte[] good = s.toString().getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "5,6,Kl\u00e1ra\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + latin1.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(latin1, 0, all, good.length, latin1.length);
        CsvImportException e = fail("latin.csv", all);
        assertEquals("latin.csv, line 2002: the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"",
                e.getMessage());
    }

    @Test
    void aUtf16FileIsNotUtf8() throws IOException {
        CsvImportException e = fail("excel.txt", "x1\tx2\tlabel\n1\t2\ta\n".getBytes(StandardCharsets.UTF_16));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void textAmongNumericLabelsIsAnError() throws IOException {
        CsvImportException e = fail("x,y\n1,0.5\n2,abc\n");
        assertEquals("data.csv, line 3, column 2 (y): 'abc' is not a number, but the labels above are numbers; a label "
                + "column holds either numbers or class names", e.getMessage());
    }

    @Test
    void aNumberAmongClassNamesIsAnError() throws IOException {
        CsvImportException e = fail("x1,x2,species\n1,2,Adelie\n3,4,3\n");
        assertEquals("data.csv, line 3, column 3 (species): '3' is a number, but the labels above are class names; a "
                + "label column holds either numbers or class names", e.getMessage());
    }

    @Test
    void aQuoteThatIsNeverClosedNamesTheLineWhereItOpens() throws IOException {
        CsvImportException e = fail("x1,x2,label\n1,2,\"Adelie\n3,4,b\n");
        assertEquals("data.csv, line 2, column 3: the quote \" that starts this value is never closed", e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() throws IOException {
        CsvImportException e = fail("x1,x2,label\n1,\"2\"5,a\n");
        assertEquals("data.csv, line 2, column 2: there is text after the closing quote of this value; write a quote "
                + "inside a quoted value as two quotes \"\"", e.getMessage());
    }

    @Test
    void aLineLongerThanOneMegabyteIsRefused() throws IOException {
        CsvImportException e = fail("x1,x2,label\n1,2," + "a".repeat(CsvTokenizer.MAX_RECORD_CHARS) + "\n");
        assertAt(e, 2, 0);
        assertTrue(e.getMessage().startsWith("data.csv, line 2: the line is longer than 1,048,576 characters (1 MB)"),
                e.getMessage());
    }

    @Test
    void moreThanAThousandColumnsAreRefused() throws IOException {
        CsvImportException e = fail("1,".repeat(1000) + "a\n");
        assertEquals("data.csv, line 1: the line has more than 1,000 columns", e.getMessage());
    }

    @Test
    void twoColumnsWithTheSameNameAreAnError() throws IOException {
        CsvImportException e = fail("x,x,label\n1,2,a\n");
        assertEquals("data.csv, line 1, column 2 (x): column 1 has the same name; each column needs a name of its own",
                e.getMessage());
    }

    @Test
    void aSingleColumnAsksForASeparator() throws IOException {
        CsvImportException e = fail("label\na\nb\n");
        assertEquals("data.csv, line 1: found only one column; separate the columns (the inputs and the label) with a "
                + "comma, a semicolon or a tab", e.getMessage());
    }

    @Test
    void noNumericInputColumnIsAnError() throws IOException {
        CsvImportException e = fail("name,label\nfoo,a\nbar,b\n");
        assertEquals("data.csv, line 2: no column besides the label holds numbers (name holds text), but the inputs must "
                + "be numbers", e.getMessage());
    }

    @Test
    void noInputColumnBesidesLabelAndSplitIsAnError() throws IOException {
        CsvImportException e = fail("label,split\na,train\nb,test\n");
        assertEquals("data.csv, line 1: there is no input column besides the label label and the split", e.getMessage());
    }

    @Test
    void aSplitValueOtherThanTrainOrTestIsAnError() throws IOException {
        CsvImportException e = fail("x1,x2,label,split\n1,2,a,train\n3,4,b,tset\n");
        assertEquals("data.csv, line 3, column 4 (split): 'tset' is neither; the split column says train or test in every row",
                e.getMessage());
    }

    @Test
    void moreThanOneHundredClassesSuggestsTheWrongLabelColumn() throws IOException {
        StringBuilder s = new StringBuilder("x1,x2,name\n");
        for (int i = 1; i <= 101; i++) s.append(i).append(',').append(i).append(",penguin ").append(i).append('\n');
        CsvImportException e = fail(s.toString());
        assertEquals("data.csv, line 102, column 3 (name): more than 100 different class names; is this really the label "
                + "column?", e.getMessage());
    }

    @Test
    void tooManyValuesInAllAreRefused() throws IOException {
        StringBuilder s = new StringBuilder();
        String row = "1,".repeat(999) + "a\n";
        for (int i = 0; i < 10_011; i++) s.append(row);
        CsvImportException e = fail(s.toString());
        // 999 inputs per row: row 10,011 would make 10,000,989 values
        assertEquals("data.csv, line 10011: the file has more than 10,000,000 input values (rows × input columns), the most "
                + "the playground takes", e.getMessage());
    }
}
