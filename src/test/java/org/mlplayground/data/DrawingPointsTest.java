package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Draw mode's data operations: a click adds a point of the chosen class, a right click removes the nearest. */
class DrawingPointsTest {
    private final Dataset three = new Dataset("drawn", new double[][] {{0, 0}, {1, 1}, {3, 0}}, new double[] {1, -1, 1},
            List.of("no", "yes"));

    @Test
    void addingAPointAppendsItWithItsLabelAndKeepsTheOriginal() {
        Dataset more = three.withPoint(new double[] {2, -2}, -1);
        assertEquals(4, more.size());
        assertArrayEquals(new double[] {2, -2}, more.x()[3], 0.0);
        assertEquals(-1, more.y()[3]);
        assertEquals(3, three.size(), "the original stays as it was (undo keeps working)");
        assertEquals(List.of("no", "yes"), more.classNames());
    }

    @Test
    void removingTakesTheNearestPointWithinTheRadiusOnly() {
        Dataset fewer = three.withoutNearest(0.9, 0.8, 0.5);
        assertEquals(2, fewer.size());
        assertArrayEquals(new double[] {3, 0}, fewer.x()[1], 0.0);
        assertArrayEquals(new double[] {1, 1}, fewer.y(), 0.0);
        assertSame(three, three.withoutNearest(-3, -3, 0.5), "nothing near: nothing removed");
    }

    @Test
    void impossiblePointsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> three.withPoint(new double[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> three.withPoint(new double[] {Double.NaN, 0}, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> three.withPoint(new double[] {0, 0}, 2));
        assertEquals("drawn: example 4 has label 2.0, which none of the 2 class names stands for (−1 or +1)", e.getMessage());
    }
}
