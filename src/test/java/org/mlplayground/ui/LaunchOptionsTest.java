package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplayground.train.Penalty;

class LaunchOptionsTest {

    @Test
    void withoutRemedyOptionsTheWindowStartsWithNone() {
        LaunchOptions options = LaunchOptions.parse(List.of("--play"));
        assertEquals(new Penalty.None(), options.penalty());
        assertEquals(0.0, options.dropout());
    }

    @Test
    void penaltyRateAndDropoutAreReadTogether() {
        LaunchOptions options = LaunchOptions.parse(List.of("--penalty", "l1", "--lambda", "3", "--dropout", "0.2"));
        assertEquals(new Penalty.L1(3), options.penalty());
        assertEquals(0.2, options.dropout());
    }

    @Test
    void speedAndFrameReadoutAreOptional() {
        LaunchOptions plain = LaunchOptions.parse(List.of());
        assertEquals(TrainingLoop.DEFAULT_SPEED, plain.speed());
        assertEquals(false, plain.fps());
        LaunchOptions fast = LaunchOptions.parse(List.of("--speed", "250", "--fps"));
        assertEquals(250, fast.speed());
        assertEquals(true, fast.fps());
    }

    @Test
    void theGradientViewOpensWithAPresetOrAComparison() {
        assertEquals(false, LaunchOptions.parse(List.of()).gradients());
        LaunchOptions preset = LaunchOptions.parse(List.of("--health-preset", "relu-he"));
        assertEquals(true, preset.gradients(), "a preset opens the view");
        assertEquals(org.mlplayground.health.HealthPreset.RELU_HE, preset.healthPreset());
        LaunchOptions pair = LaunchOptions.parse(List.of("--compare", "Exploding"));
        assertEquals(org.mlplayground.health.HealthPreset.Comparison.EXPLODING, pair.comparison());
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--compare", "sigmoid")));
        assertEquals("--compare must be one of sigmoid-vs-relu, tanh-init, batch-norm, exploding; got 'sigmoid'",
                unknown.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--backprop", "--gradients")), "one place, one view");
    }

    @Test
    void aLessonAndClassroomModeCanBeAskedForAtStart() {
        LaunchOptions plain = LaunchOptions.parse(List.of());
        assertEquals(null, plain.lesson());
        assertEquals(false, plain.classroom());
        LaunchOptions lesson = LaunchOptions.parse(List.of("--lesson", "01-perceptron-xor", "--classroom"));
        assertEquals("01-perceptron-xor", lesson.lesson());
        assertEquals(true, lesson.classroom());
    }

    @Test
    void aPenaltyWithoutARateGetsThePanelsDefault() {
        assertEquals(new Penalty.L2(RegularizationRates.DEFAULT_RATE), LaunchOptions.parse(List.of("--penalty", "L2")).penalty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', textBlock = """
            --penalty l3                 # --penalty must be none, l1 or l2, got 'l3'
            --penalty l1 --lambda abc    # --lambda needs a number ≥ 0, got 'abc'
            --penalty l1 --lambda -1     # --lambda needs a number ≥ 0, got '-1'
            --penalty l2 --lambda NaN    # --lambda needs a number ≥ 0, got 'NaN'
            --lambda 3                   # --lambda is the rate of a penalty; add --penalty l1 or --penalty l2
            --dropout 1                  # --dropout needs a rate p with 0 ≤ p < 1, got '1'
            --dropout x                  # --dropout needs a rate p with 0 ≤ p < 1, got 'x'
            --dropout                    # --dropout needs a value; options: --play, --snapshot FILE, --epochs N, --penalty none|l1|l2, --lambda λ, --dropout p, --speed N, --fps, --backprop, --gradients, --health-preset ID, --compare ID, --lesson ID, --classroom, --lang en|cs|ru
            --speed 0                    # --speed needs a whole number of mini-batches per frame ≥ 1, got '0'
            --speed fast                 # --speed needs a whole number of mini-batches per frame ≥ 1, got 'fast'
            """)
    void impossibleRemediesAreRefusedNamingTheOption(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of(line.split(" "))));
        assertEquals(message, e.getMessage());
    }
}
