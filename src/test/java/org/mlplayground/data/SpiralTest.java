package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** TensorFlow Playground's spiral, with noise as a fraction of the radius 5 like {@link Generators#circle}. */
class SpiralTest {

    @Test
    void spiralHasNTwoDimensionalPointsAndBalancedLabels() {
        Dataset data = Generators.spiral(200, 0.3, 7);
        assertEquals("spiral", data.name());
        assertEquals(200, data.size());
        assertEquals(2, data.inputSize());
        long positives = Arrays.stream(data.y()).filter(y -> y == 1).count();
        long negatives = Arrays.stream(data.y()).filter(y -> y == -1).count();
        assertEquals(100, positives);
        assertEquals(100, negatives);
    }

    @Test
    void oddSizeGivesTheFirstArmTheExtraPoint() {
        Dataset data = Generators.spiral(7, 0, 1);
        assertEquals(7, data.size());
        assertEquals(4, Arrays.stream(data.y()).filter(y -> y == 1).count());
    }

    @Test
    void sameSeedGivesTheSamePointsAndAnotherSeedOtherPoints() {
        Dataset a = Generators.spiral(100, 0.2, 42), b = Generators.spiral(100, 0.2, 42), c = Generators.spiral(100, 0.2, 43);
        for (int i = 0; i < 100; i++) assertArrayEquals(a.x()[i], b.x()[i], 0.0);
        assertArrayEquals(a.y(), b.y(), 0.0);
        assertFalse(Arrays.deepEquals(a.x(), c.x()));
    }

    @Test
    void withoutNoiseArmOneLiesOnRadiusFiveTimesAngleOverThreePointFivePi() {
        int n = 100;
        Dataset data = Generators.spiral(n, 0, 3);
        for (int i = 0; i < n / 2; i++) {
            double px = data.x()[i][0], py = data.x()[i][1];
            double r = Math.hypot(px, py);
            assertEquals(5.0 * i / 50, r, 1e-12, "radius of point " + i);
            // On r = 5·t/(3.5π) the angle follows from the radius; x = r sin t, y = r cos t.
            double t = 3.5 * Math.PI * r / 5;
            assertEquals(r * Math.sin(t), px, 1e-12, "x of point " + i);
            assertEquals(r * Math.cos(t), py, 1e-12, "y of point " + i);
            assertEquals(1, data.y()[i]);
        }
        // The last point of the arm: i = 49, r = 4.9, t = 1.75·2π·0.98 = 3.43π.
        assertEquals(4.9 * Math.sin(3.43 * Math.PI), data.x()[49][0], 1e-12);
    }

    @Test
    void withoutNoiseArmTwoIsArmOneTurnedByHalfATurn() {
        Dataset data = Generators.spiral(60, 0, 5);
        for (int i = 0; i < 30; i++) {
            assertEquals(-data.x()[i][0], data.x()[30 + i][0], 1e-12);
            assertEquals(-data.x()[i][1], data.x()[30 + i][1], 1e-12);
            assertEquals(-1, data.y()[30 + i]);
        }
    }

    @Test
    void noiseMovesEachCoordinateByAtMostNoiseTimesTheRadius() {
        Dataset clean = Generators.spiral(400, 0, 9), noisy = Generators.spiral(400, 0.3, 9);
        double largest = 0;
        for (int i = 0; i < 400; i++) {
            for (int d = 0; d < 2; d++) largest = Math.max(largest, Math.abs(noisy.x()[i][d] - clean.x()[i][d]));
        }
        assertTrue(largest <= 1.5, "largest shift " + largest);
        assertTrue(largest > 1.4, "400 points should nearly reach the bound 1.5, largest shift " + largest);
    }

    @Test
    void impossibleArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Generators.spiral(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Generators.spiral(100, 1.5, 1));
    }
}
