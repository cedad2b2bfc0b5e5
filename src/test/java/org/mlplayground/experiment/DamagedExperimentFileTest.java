package org.mlplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.optim.Adam;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

/**
 * Damaged, truncated, newer and wrongly hand-edited files: each is refused with a message that names the file,
 * where the problem is (line and column, counted here from the text itself) and what is wrong.
 */
class DamagedExperimentFileTest {
    /** A good file: the 2-6-4-1 Adam run with dropout after 40 steps. */
    private static String good;

    @BeforeAll
    static void writeAGoodFile() throws Exception {
        TrainingConfig config = ExperimentRoundTripTest.config(Adam.Settings.DEFAULTS, 0.01);
        Trainer trainer = new Experiment(config, new ExperimentData.FromRecipe(), null).trainer();
        for (int i = 0; i < 40; i++) trainer.step();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExperimentWriter.write(new Experiment(config, new ExperimentData.FromRecipe(), trainer.checkpoint()), out);
        good = out.toString(StandardCharsets.UTF_8);
    }

    private static String message(String text) {
        return assertThrows(ExperimentFileException.class,
                () -> ExperimentReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "lesson3.json"))
                .getMessage();
    }

    /** The good file with the first match of {@code regex}'s group 1 replaced; remembers where that was. */
    private record Edit(String text, int line, int column) {
        String at() {
            return "line " + line + ", column " + column;
        }
    }

    private static Edit edit(String regex, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(good);
        assertTrue(m.find(), regex);
        int start = m.start(1);
        String before = good.substring(0, start);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = start - before.lastIndexOf('\n');
        return new Edit(before + replacement + good.substring(m.end(1)), line, column);
    }

    @Test
    void theGoodFileOpens() throws Exception {
        ExperimentReader.read(new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)), "lesson3.json");
    }

    @Test
    void anEmptyFile() {
        assertEquals("lesson3.json: the file is empty", message(""));
    }

    @Test
    void aTruncatedFile() {
        assertEquals("lesson3.json: the file ends early (truncated?)", message(good.substring(0, good.length() / 2)));
    }

    @Test
    void aFileCutJustBeforeItsLastBrace() {
        assertEquals("lesson3.json: the file ends early (truncated?)", message(good.substring(0, good.lastIndexOf('}'))));
    }

    @Test
    void textThatIsNotJson() {
        String m = message("this is my experiment");
        // Jackson points at the end of the bad token, hence no exact column.
        assertTrue(m.startsWith("lesson3.json: line 1, column "), m);
        assertTrue(m.contains(": not valid JSON: Unrecognized token 'this'"), m);
    }

    @Test
    void aListInsteadOfAnExperiment() {
        assertEquals("lesson3.json: line 1, column 1: 'the experiment' must be an object { … }, got a list", message("[1, 2]"));
    }

    @Test
    void anotherProgramsJson() {
        assertEquals("lesson3.json: line 1, column 1: not an MLP Playground experiment ('format' must be "
                + "\"mlp-playground-experiment\")", message("{\"name\": \"penguins\"}"));
    }

    @Test
    void aNewerFormatVersion() {
        Edit e = edit("\"version\" : (1)", "7");
        assertEquals("lesson3.json: " + e.at() + ": format version 7 is newer than this app understands (1); update the app",
                message(e.text()));
    }

    @Test
    void aNegativeLearningRate() {
        Edit e = edit("\"learningRate\" : (0\\.01)", "-1");
        assertEquals("lesson3.json: " + e.at() + ": 'config.learningRate' must be a number > 0, got -1", message(e.text()));
    }

    @Test
    void aLearningRateInWords() {
        Edit e = edit("\"learningRate\" : (0\\.01)", "\"fast\"");
        assertEquals("lesson3.json: " + e.at() + ": 'config.learningRate' must be a number > 0, got \"fast\"", message(e.text()));
    }

    @Test
    void aMissingBatchSize() {
        Edit e = edit("(\"batchSize\" : 7,\\s*)", "");
        Edit config = edit("\"config\" : (\\{)", "{");
        assertEquals("lesson3.json: " + config.at() + ": 'config' has no 'batchSize'", message(e.text()));
    }

    @Test
    void aFractionalBatchSize() {
        Edit e = edit("\"batchSize\" : (7)", "2.5");
        assertEquals("lesson3.json: " + e.at() + ": 'config.batchSize' must be a whole number ≥ 1, got 2.5", message(e.text()));
    }

    @Test
    void aNegativeLayerSize() {
        Edit e = edit("\"neurons\" : (6)", "-3");
        assertEquals("lesson3.json: " + e.at() + ": 'config.hidden[1].neurons' must be a whole number from 1 to 16, got -3",
                message(e.text()));
    }

    @Test
    void anUnknownActivation() {
        Edit e = edit("\"activation\" : (\"relu\")", "\"swish\"");
        assertEquals("lesson3.json: " + e.at() + ": 'config.hidden[2].activation': unknown activation 'swish'; known: identity, "
                + "sign, sigmoid, tanh, relu, leaky-relu, elu, hard-tanh, softplus, softmax", message(e.text()));
    }

    @Test
    void anUnknownOptimizer() {
        Edit e = edit("\"id\" : (\"adam\")", "\"adamw\"");
        assertEquals("lesson3.json: " + e.at() + ": 'config.optimizer.id' is 'adamw', not an optimizer this app knows (sgd, "
                + "momentum, nesterov, adagrad, rmsprop, rmsprop-nesterov, adadelta, adam, delta-bar-delta)", message(e.text()));
    }

    @Test
    void anUnknownProblemType() {
        Edit e = edit("\"problem\" : (\"binary-tanh\")", "\"clustering\"");
        assertEquals("lesson3.json: " + e.at() + ": 'config.problem': unknown problem type 'clustering'; known: regression, "
                + "binary-tanh, binary-sigmoid, softmax", message(e.text()));
    }

    @Test
    void anUnknownDataRecipe() {
        Edit e = edit("\"generator\" : (\"circle\")", "\"banana\"");
        String m = message(e.text());
        assertTrue(m.startsWith("lesson3.json: " + e.at() + ": 'config.data.generator': unknown data set 'banana'; known: circle, xor"), m);
    }

    @Test
    void notANumberWhereOnlyNumbersMayBe() {
        Edit e = edit("\"dropout\" : (0\\.2)", "\"NaN\"");
        assertEquals("lesson3.json: " + e.at() + ": 'config.hidden[1].dropout' must be a number ≥ 0 and below 1, got \"NaN\"",
                message(e.text()));
    }

    @Test
    void aWeightMatrixWithANumberMissing() {
        Edit e = edit("\"W2\" : (\\[ [-0-9.E]+, )", "[ ");
        assertEquals("lesson3.json: " + e.at() + ": layer 2's W has 23 numbers, the network needs 24", message(e.text()));
    }

    @Test
    void aWeightThatIsNotFinite() {
        Edit e = edit("\"b1\" : \\[ ([-0-9.E]+)", "\"Infinity\"");
        assertEquals("lesson3.json: " + e.at() + ": number 1 of 'state.weights.b1' must be a finite number, got \"Infinity\"",
                message(e.text()));
    }

    @Test
    void aMisspelledField() {
        Edit e = edit("(\"learningRate\")", "\"learningrate\"");
        String m = message(e.text());
        assertTrue(m.startsWith("lesson3.json: " + e.at() + ": unknown field 'learningrate' in 'config' (known: data, features"), m);
    }

    @Test
    void aFieldWrittenTwice() {
        Edit e = edit("\"seed\" : 11(\\s*)\\}", ", \"seed\" : 12 ");
        String m = message(e.text());
        assertEquals("lesson3.json: " + new Edit(null, e.line(), e.column() + 2).at() + ": 'seed' appears twice", m);
    }

    @Test
    void anOrderThatListsAPointTwice() {
        Edit e = edit("\"order\" : \\[ \\d+, (\\d+)", good.replaceAll("(?s).*\"order\" : \\[ (\\d+),.*", "$1"));
        String first = good.replaceAll("(?s).*\"order\" : \\[ (\\d+),.*", "$1");
        assertEquals("lesson3.json: " + e.at() + ": 'state.order' lists point " + first + " twice", message(e.text()));
    }

    @Test
    void aPositionPastTheTrainingSet() {
        Edit e = edit("\"position\" : (\\d+)", "100");
        assertEquals("lesson3.json: " + e.at() + ": 'state.position' must be a whole number from 0 to 99, got 100",
                message(e.text()));
    }

    @Test
    void anEvenGeneratorStep() {
        Edit e = edit("\"remedyRandom\" : \\{\\s*\"seed\" : -?\\d+,\\s*\"gamma\" : (-?\\d+)", "2");
        assertEquals("lesson3.json: " + e.at() + ": 'state.remedyRandom.gamma' must be an odd number, got 2", message(e.text()));
    }

    @Test
    void aProblemTypeTheDataCannotHave() {
        Edit e = edit("\"problem\" : (\"binary-tanh\")", "\"softmax\"");
        assertEquals("lesson3.json: " + e.at() + ": 'config.problem' is softmax, which needs class labels 0 … K−1, but the data "
                + "has two classes (±1)", message(e.text()));
    }

    @Test
    void aHistoryWhoseCountsDoNotAddUp() {
        Edit e = edit("\"added\" : (\\d+)", "5");
        Edit history = edit("\"history\" : (\\{)", "{");
        assertEquals("lesson3.json: " + history.at() + ": the history's counts do not add up: 5 points added, but 1 first point, "
                + "1 buckets of 1 and 0 pending make 2", message(e.text()));
    }

    @Test
    void adamsMemoryWithOneArrayInsteadOfTwo() {
        // The first block's slots: [ [f…], [a…] ] becomes [ [a…] ].
        Edit e = edit("\"blocks\" : \\[ (\\[ \\[ [^\\]]+\\], )", "[ ");
        Edit state = edit("\"state\" : (\\{)", "{");
        assertEquals("lesson3.json: " + state.at() + ": Adam keeps 2 arrays per parameter block, got 1 for block 1",
                message(e.text()));
    }

    @Test
    void moreTextAfterTheEnd() {
        String text = good + "{}\n";
        int line = (int) good.chars().filter(c -> c == '\n').count() + 1;
        assertEquals("lesson3.json: line " + line + ", column 1: more text after the end of the experiment", message(text));
    }

    @Test
    void anUnknownDataSource() {
        Edit e = edit("\"source\" : (\"recipe\")", "\"camera\"");
        assertEquals("lesson3.json: " + e.at() + ": 'data.source' must be \"recipe\" or \"points\", got 'camera'",
                message(e.text()));
    }

    @Test
    void aWrongTypeForAFlag() {
        Edit e = edit("\"standardize\" : (false)", "\"no\"");
        assertEquals("lesson3.json: " + e.at() + ": 'config.standardize' must be true or false, got \"no\"", message(e.text()));
    }

    @Test
    void aMissingFile(@TempDir Path dir) {
        ExperimentFileException e = assertThrows(ExperimentFileException.class,
                () -> ExperimentFiles.read(dir.resolve("gone.json")));
        assertEquals("gone.json: no such file", e.getMessage());
    }

    @Test
    void bytesThatAreNotText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("photo.json");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff});
        String m = assertThrows(ExperimentFileException.class, () -> ExperimentFiles.read(file)).getMessage();
        assertTrue(m.startsWith("photo.json: "), m);
        assertTrue(m.contains("not valid JSON") || m.contains("not UTF-8"), m);
    }
}
