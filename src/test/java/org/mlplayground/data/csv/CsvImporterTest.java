package org.mlplayground.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.csv.ImportedTable.ClassCount;
import org.mlplayground.data.csv.ImportedTable.LabelKind;

/** The import rules, each on a small file written here. */
class CsvImporterTest {
    @TempDir
    Path dir;

    private ImportedTable read(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return CsvImporter.read(file);
    }

    private ImportedTable read(String text) throws Exception {
        return read("data.csv", text);
    }

    @Test
    void commaSeparatedFileWithHeaderGivesNamedInputsAndTextClasses() throws Exception {
        ImportedTable t = read("penguins.csv", "bill_length,bill_depth,species\n39.1,18.7,Adelie\n46.5,17.9,Chinstrap\n"
                + "49.1,14.8,Gentoo\n38.6,21.2,Adelie\n");
        assertEquals("penguins.csv", t.source());
        assertEquals(List.of("bill_length", "bill_depth"), t.inputNames());
        assertEquals("species", t.labelName());
        assertEquals(LabelKind.CLASSES, t.labelKind());
        assertArrayEquals(new double[][] {{39.1, 18.7}, {46.5, 17.9}, {49.1, 14.8}, {38.6, 21.2}}, t.x());
        assertArrayEquals(new double[] {0, 1, 2, 0}, t.y());
        assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), t.classNames());
        assertEquals(List.of(new ClassCount("Adelie", 0, 2), new ClassCount("Chinstrap", 1, 1),
                new ClassCount("Gentoo", 2, 1)), t.classes());
        assertFalse(t.hasSplit());
        assertEquals(List.of(), t.ignoredColumns());
    }

    @Test
    void classNamesAreNumberedInSortedOrderNotInOrderOfAppearance() throws Exception {
        ImportedTable t = read("a,b,label\n1,2,virginica\n3,4,setosa\n5,6,versicolor\n");
        assertEquals(List.of("setosa", "versicolor", "virginica"), t.classNames());
        assertArrayEquals(new double[] {2, 0, 1}, t.y());
    }

    @Test
    void semicolonIsDetectedAndDecimalCommaMeansDecimalPoint() throws Exception {
        ImportedTable t = read("x1;x2;label\n2,5;-0,75;A\n1.5;3;B\n");
        assertArrayEquals(new double[][] {{2.5, -0.75}, {1.5, 3}}, t.x());
        assertArrayEquals(new double[] {-1, 1}, t.y());
    }

    @Test
    void tabIsDetected() throws Exception {
        ImportedTable t = read("x1\tx2\ty\n1\t2\t0.5\n3\t4\t1.5\n5\t6\t-2\n");
        assertEquals(List.of("x1", "x2"), t.inputNames());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}, {5, 6}}, t.x());
        assertArrayEquals(new double[] {0.5, 1.5, -2}, t.y());
    }

    @Test
    void commaWinsWhenSemicolonsOnlyAppearInsideQuotes() throws Exception {
        ImportedTable t = read("x1,x2,label\n1,2,\"a;b\"\n3,4,\"c;d\"\n");
        assertEquals(List.of("a;b", "c;d"), t.classNames());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, t.x());
    }

    @Test
    void withoutHeaderTheColumnsAreX1X2AndTheLastIsTheLabel() throws Exception {
        ImportedTable t = read("1,2,3,1\n4,5,6,0\n");
        assertEquals(List.of("x1", "x2", "x3"), t.inputNames());
        assertEquals("label", t.labelName());
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, t.x());
    }

    @Test
    void aFirstRowWithANumberIsDataEvenIfItAlsoHasText() throws Exception {
        ImportedTable t = read("5.1,3.5,setosa\n7.0,3.2,versicolor\n");
        assertEquals(2, t.rows());
        assertArrayEquals(new double[] {5.1, 3.5}, t.x()[0]);
    }

    @Test
    void zeroOneLabelsBecomeMinusOneAndPlusOne() throws Exception {
        ImportedTable t = read("x1,x2,y\n0,0,0\n1,1,1\n2,2,1.0\n3,3,0\n");
        assertEquals(LabelKind.BINARY, t.labelKind());
        assertArrayEquals(new double[] {-1, 1, 1, -1}, t.y());
        assertEquals(List.of(), t.classNames());
        assertEquals(List.of(new ClassCount("0", -1, 2), new ClassCount("1", 1, 2)), t.classes());
    }

    @Test
    void minusOnePlusOneLabelsStayAsTheyAre() throws Exception {
        ImportedTable t = read("x1,x2,y\n0,0,-1\n1,1,+1\n2,2,1\n");
        assertEquals(LabelKind.BINARY, t.labelKind());
        assertArrayEquals(new double[] {-1, 1, 1}, t.y());
        assertEquals(List.of(new ClassCount("-1", -1, 1), new ClassCount("+1", 1, 2)), t.classes());
    }

    @Test
    void twoTextClassesAreMinusOneForTheFirstInSortedOrder() throws Exception {
        ImportedTable t = read("x1,x2,sex\n1,2,male\n3,4,female\n5,6,male\n");
        assertEquals(LabelKind.BINARY, t.labelKind());
        assertEquals(List.of("female", "male"), t.classNames());
        assertArrayEquals(new double[] {1, -1, 1}, t.y());
    }

    @Test
    void numericLabelsWithOtherValuesAreRegression() throws Exception {
        ImportedTable t = read("x,target\n0,0.5\n1,2\n2,0\n3,1\n");
        assertEquals(LabelKind.REGRESSION, t.labelKind());
        assertArrayEquals(new double[] {0.5, 2, 0, 1}, t.y());
        assertEquals(List.of(), t.classes());
        assertEquals(List.of("x"), t.inputNames());
    }

    @Test
    void twoNumericValuesOtherThanZeroOneAreRegression() throws Exception {
        assertEquals(LabelKind.REGRESSION, read("x,y\n0,1\n1,2\n").labelKind());
    }

    @Test
    void theLabelColumnIsFoundByNameWhereverItIs() throws Exception {
        ImportedTable t = read("Species,bill_length,bill_depth\nAdelie,39.1,18.7\nGentoo,49.1,14.8\n");
        assertEquals("Species", t.labelName());
        assertEquals(List.of("bill_length", "bill_depth"), t.inputNames());
        assertArrayEquals(new double[][] {{39.1, 18.7}, {49.1, 14.8}}, t.x());
    }

    @Test
    void labelIsPreferredOverYSoXAndYCanBeInputs() throws Exception {
        ImportedTable t = read("x,y,label\n1,2,a\n3,4,b\n");
        assertEquals("label", t.labelName());
        assertEquals(List.of("x", "y"), t.inputNames());
    }

    @Test
    void withoutALabelNameTheLastColumnIsTheLabel() throws Exception {
        ImportedTable t = read("width,height,kind\n1,2,a\n3,4,b\n");
        assertEquals("kind", t.labelName());
        assertEquals(List.of("width", "height"), t.inputNames());
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws Exception {
        Path file = dir.resolve("bom.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "délka,šířka,druh\n1,2,kos\n3,4,sýkora\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        Files.write(file, all);
        ImportedTable t = CsvImporter.read(file);
        assertEquals(List.of("délka", "šířka"), t.inputNames());
        assertEquals(List.of("kos", "sýkora"), t.classNames());
    }

    @Test
    void quotedFieldsMayHoldSeparatorsDoubledQuotesAndLineBreaks() throws Exception {
        ImportedTable t = read("\"x, first\",\"x \"\"two\"\"\",label\n1,\"2\",\"a, b\"\n3,4,\"say \"\"hi\"\"\r\nthere\"\n");
        assertEquals(List.of("x, first", "x \"two\""), t.inputNames());
        assertEquals(List.of("a, b", "say \"hi\"\r\nthere"), t.classNames());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, t.x());
    }

    @Test
    void commentsBlankLinesAndEmptyRowsAreSkipped() throws Exception {
        ImportedTable t = read("# made by hand\n\nx1;x2;label\n  # another comment\n1;2;a\n   \n;;\n3;4;b\n#end");
        assertEquals(2, t.rows());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, t.x());
    }

    @Test
    void crlfLfAndCrLineEndsAllWork() throws Exception {
        for (String end : List.of("\n", "\r\n", "\r")) {
            ImportedTable t = read(String.join(end, "x1,x2,label", "1,2,a", "3,4,b", ""));
            assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, t.x(), end.replace("\r", "CR").replace("\n", "LF"));
        }
    }

    @Test
    void spacesAroundValuesAreIgnored() throws Exception {
        ImportedTable t = read(" x1 , x2 , label \n 1 , 2 , a \n3,  4,b\n");
        assertEquals(List.of("x1", "x2"), t.inputNames());
        assertEquals(List.of("a", "b"), t.classNames());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, t.x());
    }

    @Test
    void numbersInEveryPlainDecimalFormAreRead() throws Exception {
        ImportedTable t = read("x,y\n-1.5,.5\n5.,1e3\n+2E-2,-0\n");
        assertArrayEquals(new double[][] {{-1.5}, {5}, {0.02}}, t.x());
        assertArrayEquals(new double[] {0.5, 1000, -0.0}, t.y());
    }

    @Test
    void aColumnWithNoNumberAtAllIsLeftOutAndListed() throws Exception {
        ImportedTable t = read("island,bill_length,sex,bill_depth,species\nDream,39.1,,18.7,Adelie\nBiscoe,49.1,male,14.8,Gentoo\n");
        assertEquals(List.of("bill_length", "bill_depth"), t.inputNames());
        assertEquals(List.of("island", "sex"), t.ignoredColumns());
        assertArrayEquals(new double[][] {{39.1, 18.7}, {49.1, 14.8}}, t.x());
    }

    @Test
    void aSplitColumnRecordsTheTrainTestSplit() throws Exception {
        ImportedTable t = read("x1,x2,label,split\n1,2,a,train\n3,4,b,TEST\n5,6,a,Train\n");
        assertEquals(List.of("x1", "x2"), t.inputNames());
        assertArrayEquals(new boolean[] {false, true, false}, t.test());
        Dataset.Split split = t.toSplit();
        assertArrayEquals(new double[][] {{1, 2}, {5, 6}}, split.train().x());
        assertArrayEquals(new double[] {-1, -1}, split.train().y());
        assertArrayEquals(new double[][] {{3, 4}}, split.test().x());
        assertEquals(List.of("a", "b"), split.test().classNames());
        assertEquals("data.csv (train)", split.train().name());
    }

    @Test
    void anEmptyHeaderCellIsNamedByItsColumnNumber() throws Exception {
        ImportedTable t = read(",x1,x2,label\n0,1,2,a\n1,3,4,b\n");
        assertEquals(List.of("column 1", "x1", "x2"), t.inputNames());
    }

    @Test
    void anyTwoNumericColumnsCanBeChosenAsTheInputs() throws Exception {
        ImportedTable t = read("a,b,c,label\n1,2,3,x\n4,5,6,y\n");
        Dataset d = t.toDataset(2, 0);
        assertArrayEquals(new double[][] {{3, 1}, {6, 4}}, d.x());
        assertArrayEquals(new double[] {-1, 1}, d.y());
        assertEquals(List.of("x", "y"), d.classNames());
        assertEquals(3, t.toDataset().inputSize());
        assertThrows(IllegalArgumentException.class, () -> t.toDataset(1, 1));
        assertThrows(IllegalArgumentException.class, () -> t.toDataset(0, 3));
        assertThrows(IllegalStateException.class, t::toSplit);
    }

    @Test
    void aReaderWithASourceNameReadsTheSameAsAFile() throws Exception {
        ImportedTable t = CsvImporter.read(new StringReader("x1,x2,label\n1,2,a\n3,4,b\n"), "pasted");
        assertEquals("pasted", t.source());
        assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, t.x());
        assertNull(t.test());
    }

    @Test
    void separatorIsFoundEvenWhenTheFirstLinesAreLongerThanTheSample() throws Exception {
        StringBuilder s = new StringBuilder("a;b;label\n");
        for (int i = 0; i < 20_000; i++) s.append(i).append(";").append(i).append(",5;").append(i % 2 == 0 ? "even" : "odd").append('\n');
        ImportedTable t = read(s.toString());
        assertEquals(20_000, t.rows());
        assertArrayEquals(new double[] {19_999, 19_999.5}, t.x()[19_999]);
    }

    @Test
    void summaryNamesRowsInputsLabelAndClassesWithCounts() throws Exception {
        assertEquals("p.csv: 4 rows, inputs bill_length, bill_depth; label species: 3 classes (Adelie 2, Chinstrap 1, Gentoo 1)",
                read("p.csv", "bill_length,bill_depth,species\n1,2,Adelie\n3,4,Chinstrap\n5,6,Gentoo\n7,8,Adelie\n").summary());
        assertEquals("b.csv: 3 rows, inputs x1, x2; label y: 2 classes, 0 = -1 (2), 1 = +1 (1); split: 2 train, 1 test; "
                + "ignored text column note", read("b.csv", "x1,x2,note,y,split\n1,2,a,0,train\n3,4,b,1,test\n5,6,c,0,train\n").summary());
        assertEquals("r.csv: 3 rows, input x; label y: regression, values -1.5 to 4",
                read("r.csv", "x,y\n1,-1.5\n2,4\n3,0\n").summary());
    }
}
