package org.mlplayground.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GradientHealthSentenceTest {

    @Test
    void aSmallFirstLayerGradientReadsAsSlower() {
        assertEquals("layer 1 learns 96× slower than layer 5", GradientHealth.speedSentence(1, 5, 0.01, 0.96));
    }

    @Test
    void aLargeFirstLayerGradientReadsAsFaster() {
        assertEquals("layer 1 learns 40× faster than layer 5", GradientHealth.speedSentence(1, 5, 4.0, 0.1));
    }

    @Test
    void factorsReadAsPeopleWriteThem() {
        assertEquals("2.5×", GradientHealth.times(2.5));
        assertEquals("4300×", GradientHealth.times(4300.2));
        assertEquals("3.0·10¹¹×", GradientHealth.times(3.0e11));
        assertEquals("1.0·10⁵×", GradientHealth.times(99_999.9));
        assertEquals("layer 1 learns about as fast as layer 6", GradientHealth.speedSentence(1, 6, 1.02, 1));
        assertEquals("layer 6 gets no gradient at all; layer 1 does", GradientHealth.speedSentence(1, 6, 1, 0));
    }
}
