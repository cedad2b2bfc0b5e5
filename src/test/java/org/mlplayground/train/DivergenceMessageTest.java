package org.mlplayground.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergenceMessageTest {

    @Test
    void aWeightThatOverflowedInTheUpdateLetsTheStudentGoOnFromTheKeptWeights() {
        String message = new Divergence(12, "W2", 3.5).message();
        assertTrue(message.contains("step 12") && message.contains("W2") && message.contains("go on"), message);
        assertFalse(message.contains("Reset"), message);
    }

    @Test
    void aLossThatAlreadyOverflowedAsksForAReset() {
        String message = new Divergence(163, "loss", Double.POSITIVE_INFINITY).message();
        assertTrue(message.contains("step 163") && message.contains("Reset"), message);
    }
}
