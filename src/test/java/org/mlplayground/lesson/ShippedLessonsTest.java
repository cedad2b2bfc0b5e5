package org.mlplayground.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlplayground.data.Dataset;
import org.mlplayground.health.HealthPreset;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

/** Every lesson in lessons/ loads, and its preset, built as the playground builds a run, trains 200 epochs. */
class ShippedLessonsTest {
    private static final Path FOLDER = Path.of("lessons");
    private static final int EPOCHS = 200;

    private static final LessonLibrary LIBRARY = LessonLibrary.load(FOLDER);

    @Test
    void everyShippedLessonLoadsWithoutProblems() {
        assertEquals(List.of(), LIBRARY.problems().stream().map(Exception::getMessage).toList());
        assertTrue(LIBRARY.inLanguage("en").size() >= 17, "at least 17 lessons, got " + LIBRARY.inLanguage("en").size());
    }

    @Test
    void everyShippedLessonHasTwoToFiveTasksAndATitle() {
        for (Lesson l : LIBRARY.lessons()) {
            assertTrue(l.tasks().size() >= 2 && l.tasks().size() <= 5, l.source() + " has " + l.tasks().size() + " tasks");
            assertFalse(l.title().isBlank(), l.source());
            assertFalse(l.topics().isEmpty(), l.source() + " has no topics");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPresetTrains200EpochsWithoutDiverging() {
        return LIBRARY.inLanguage("en").stream().map(lesson -> dynamicTest(lesson.id(), () -> {
            Trainer trainer = HealthPreset.trainer(lesson.config());
            trainer.recordMetrics(false);
            for (int e = 0; e < EPOCHS && trainer.earlyStop().isEmpty(); e++) {
                trainer.runEpoch();
                assertTrue(trainer.divergence().isEmpty(), () -> lesson.id() + ": " + trainer.divergence().get().message());
            }
            Trainer.Evaluation end = Trainer.evaluate(trainer.network(), trainer.trainingSet());
            assertTrue(Double.isFinite(end.loss()), lesson.id() + " ends with training loss " + end.loss());
        }));
    }

    /** Lesson 1's claim: a perceptron cannot learn XOR from x₁, x₂, and learns it from x₁x₂. */
    @Test
    void xorLessonPerceptronFailsThenTheProductFeatureFixesIt() {
        Lesson xor = LIBRARY.find("01-perceptron-xor", "en").orElseThrow();
        assertTrue(accuracy(xor.config()) <= 0.75, "a line cannot do XOR");
        assertTrue(accuracy(xor.configAtTask(1)) >= 0.95, "x1*x2 separates XOR");
        assertTrue(accuracy(xor.configAtTask(2)) >= 0.95, "a hidden layer of 4 tanh learns XOR");
    }

    /** Lesson 2's claim: identity layers collapse to a line, tanh layers close the circle. */
    @Test
    void depthLessonIdentityLayersStayLinearAndTanhLayersLearnTheCircle() {
        Lesson depth = LIBRARY.find("02-depth-needs-nonlinearity", "en").orElseThrow();
        assertTrue(accuracy(depth.config()) <= 0.75, "a linear model cannot do the circle");
        assertTrue(accuracy(depth.configAtTask(1)) <= 0.75, "four linear layers cannot either");
        assertTrue(accuracy(depth.configAtTask(2)) >= 0.9, "two tanh layers can");
    }

    /** Lesson 12: stopping early on the validation loss ends with a lower test loss than training 400 epochs. */
    @Test
    void overfittingLessonEarlyStoppingBeatsTrainingOn() {
        Lesson lesson = LIBRARY.find("12-overfitting-early-stopping", "en").orElseThrow();
        assertTrue(testLoss(lesson.configAtTask(1), 400) < testLoss(lesson.config(), 400));
    }

    /** Lessons 13 and 14: L2 (λ = 3) and dropout 0.2 end with a lower test loss than the bare network. */
    @Test
    void l2AndDropoutLessonsRemediesLowerTheTestLoss() {
        Lesson l2 = LIBRARY.find("13-l1-l2-regularisation", "en").orElseThrow();
        assertTrue(testLoss(l2.configAtTask(1), 400) < testLoss(l2.config(), 400));
        Lesson dropout = LIBRARY.find("14-dropout", "en").orElseThrow();
        assertTrue(testLoss(dropout.configAtTask(1), 200) < testLoss(dropout.config(), 200));
    }

    /** Lesson 15: five sigmoid layers stay stuck; with batch norm they learn the circle. */
    @Test
    void batchNormLessonSigmoidNetLearnsOnlyWithBatchNorm() {
        Lesson lesson = LIBRARY.find("15-batch-normalisation", "en").orElseThrow();
        assertTrue(accuracy(lesson.config()) <= 0.75);
        assertTrue(accuracy(lesson.configAtTask(1)) >= 0.95);
    }

    private static double testLoss(TrainingConfig config, int epochs) {
        Trainer trainer = HealthPreset.trainer(config);
        trainer.recordMetrics(false);
        for (int e = 0; e < epochs && trainer.earlyStop().isEmpty(); e++) trainer.runEpoch();
        return Trainer.evaluate(trainer.network(), trainer.testSet().orElseThrow()).loss();
    }

    /** Test accuracy after 200 epochs. */
    private static double accuracy(TrainingConfig config) {
        Trainer trainer = HealthPreset.trainer(config);
        trainer.recordMetrics(false);
        for (int e = 0; e < EPOCHS; e++) trainer.runEpoch();
        Dataset test = trainer.testSet().orElseThrow();
        return Trainer.evaluate(trainer.network(), test).accuracy();
    }
}
