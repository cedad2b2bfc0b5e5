package org.mlplayground.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each broken lesson is reported with its file, the line at fault and a message a teacher can act on. */
class BrokenLessonTest {
    /** A good lesson; line 1 is the first ---, the header's lines are 2 … 9. */
    private static final String GOOD = """
            ---
            title: XOR
            data: xor
            features: x1, x2
            hidden: none
            optimizer: sgd
            learning-rate: 0.03
            hide: layers
            ---
            Text with $w \\cdot x + b$.

            ## Try this: train
            Press Play.

            ## Try this: add the product
            set: features = x1, x2, x1*x2
            Train again.
            """;

    private static String message(String text) {
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.parse(text, "lessons/xor.md", "xor", "en"));
        return e.getMessage();
    }

    @Test
    void theGoodLessonLoads() throws LessonException {
        Lesson lesson = LessonParser.parse(GOOD, "lessons/xor.md", "xor", "en");
        assertEquals("XOR", lesson.title());
        assertEquals(2, lesson.tasks().size());
        assertEquals(16, lesson.tasks().get(1).changes().get(0).line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            misspelt key          | learning-rate: 0.03      | lerning-rate: 0.03   | lessons/xor.md:7: unknown setting 'lerning-rate' (did you mean 'learning-rate'?)
            not a number          | learning-rate: 0.03      | learning-rate: fast  | lessons/xor.md:7: learning-rate must be a number > 0, got 'fast'
            negative rate         | learning-rate: 0.03      | learning-rate: -1    | lessons/xor.md:7: learning-rate must be a number > 0, got '-1'
            unknown data set      | data: xor                | data: xorr           | lessons/xor.md:3: unknown data set 'xorr'; known: circle, xor, gaussians, spiral, moons, checkerboard, linear, rings, spiral-3, blobs, plane, multi-gaussian, sine
            unknown feature       | features: x1, x2         | features: x1, x3     | lessons/xor.md:4: unknown feature 'x3'; known: x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), cos(x1), cos(x2)
            unknown activation    | hidden: none             | hidden: 4 tanhh      | lessons/xor.md:5: hidden layer 1 ('4 tanhh'): unknown activation 'tanhh'; known: identity, sign, sigmoid, tanh, relu, leaky-relu, elu, hard-tanh, softplus, softmax
            too many neurons      | hidden: none             | hidden: 4 tanh, 20 relu | lessons/xor.md:5: hidden layer 2 ('20 relu'): a hidden layer has 1 … 16 neurons
            unknown optimizer     | optimizer: sgd           | optimizer: adamw     | lessons/xor.md:6: unknown optimizer 'adamw'; known optimizers: sgd, momentum, nesterov, adagrad, rmsprop, rmsprop-nesterov, adadelta, adam, delta-bar-delta
            unknown control       | hide: layers             | hide: layers, knobs  | lessons/xor.md:8: unknown control 'knobs'; known: data, noise, features, layers, neurons, activation, problem, learning-rate, optimizer, penalty, batch-size, initializer, seed, dropout, batch-norm, test-data, discretize, split, augmentation
            no colon              | hide: layers             | hide layers          | lessons/xor.md:8: expected 'key: value', got 'hide layers'
            noise above 1         | data: xor                | noise: 2             | lessons/xor.md:3: noise must be a number 0 … 1, got '2'
            unknown set key       | set: features = x1, x2, x1*x2 | set: featurs = x1 | lessons/xor.md:16: unknown setting 'featurs' (did you mean 'features'?)
            bad set value         | set: features = x1, x2, x1*x2 | set: batch-size = 0 | lessons/xor.md:16: batch-size must be a whole number 1 … 100000, got '0'
            set without equals    | set: features = x1, x2, x1*x2 | set: features x1    | lessons/xor.md:16: expected 'set: key = value', got 'set: features x1'
            unclosed formula      | Text with $w \\cdot x + b$. | Text with $w \\cdot x. | lessons/xor.md:10: a $ formula is not closed on its line (write \\$ for a dollar sign)
            formula not TeX       | Text with $w \\cdot x + b$. | Text with $\\foo x$. | lessons/xor.md:10: cannot typeset the formula '\\foo x'
            """)
    void aBrokenLineIsReportedWithFileLineAndProblem(String what, String good, String bad, String expected) {
        assertEquals(GOOD.indexOf(good), GOOD.lastIndexOf(good), "the line to break is unique");
        String got = message(GOOD.replace(good, bad));
        // JLaTeXMath's own explanation follows the formula; only the part the loader writes is compared.
        assertEquals(expected, what.equals("formula not TeX") ? got.substring(0, Math.min(got.length(), expected.length())) : got);
    }

    @Test
    void aKeySetTwiceNamesBothLines() {
        assertEquals("lessons/xor.md:8: 'data' is set twice (first on line 3)", message(GOOD.replace("hide: layers", "data: circle")));
    }

    @Test
    void anOptimizerSettingMustBelongToTheOptimizer() {
        assertEquals("lessons/xor.md:8: momentum does not apply to optimizer sgd (it takes no hyperparameters)",
                message(GOOD.replace("hide: layers", "momentum: 0.9")));
    }

    @Test
    void aProblemMustFitTheData() {
        assertEquals("lessons/xor.md:8: problem softmax needs multi-class data, but 'xor' is binary (two-class)",
                message(GOOD.replace("hide: layers", "problem: softmax")));
    }

    @Test
    void earlyStoppingNeedsAValidationSet() {
        assertEquals("lessons/xor.md:8: early stopping watches the validation loss: set a validation share, e.g. "
                + "'validation-share: 20 %'", message(GOOD.replace("hide: layers", "early-stopping: 20")));
    }

    @Test
    void aFileWithoutHeaderIsReportedAtLineOne() {
        assertEquals("lessons/xor.md:1: a lesson starts with a header between two '---' lines (see lessons/README.md)",
                message("# XOR\n\nText.\n"));
    }

    @Test
    void anUnclosedHeaderIsReported() {
        assertEquals("lessons/xor.md:1: the header that starts on line 1 is not closed by a '---' line",
                message("---\ntitle: XOR\n\n# XOR\n"));
    }

    @Test
    void aLessonNeedsATitle() {
        assertEquals("lessons/xor.md:1: the header has no title: add a line 'title: …'", message(GOOD.replace("title: XOR\n", "")));
    }

    @Test
    void aLessonNeedsTasks() {
        String noTasks = GOOD.substring(0, GOOD.indexOf("## Try this"));
        assertEquals("lessons/xor.md:9: the lesson has no tasks: add sections that start with '## Try this: …'", message(noTasks));
    }

    @Test
    void theFirstTaskHasNoSetLines() {
        assertEquals("lessons/xor.md:13: the first task starts from the preset: put its settings in the header",
                message(GOOD.replace("Press Play.", "set: noise = 0.1")));
    }

    @Test
    void aTaskCannotChangeTheView() {
        assertEquals("lessons/xor.md:16: 'view' belongs in the header; a task cannot change it",
                message(GOOD.replace("set: features = x1, x2, x1*x2", "set: view = backprop")));
    }

    @Test
    void aLabRowWithAParameterOfAnotherMethodIsReported() {
        assertEquals("lessons/xor.md:8: 'momentum' does not apply to adam (it takes beta1, beta2, epsilon, decay-exp, decay-inverse)",
                message(GOOD.replace("hide: layers", "lab-optimizer: adam lr 0.1 momentum 0.9")));
    }

    @Test
    void anUnclosedDisplayFormulaNamesTheLineItOpensOn() {
        assertEquals("lessons/xor.md:10: a $$ formula is not closed by another $$",
                message(GOOD.replace("Text with $w \\cdot x + b$.", "$$ w x")));
    }
}
