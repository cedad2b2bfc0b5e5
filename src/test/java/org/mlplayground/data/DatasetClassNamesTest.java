package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetClassNamesTest {
    private static final double[][] X = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};

    @Test
    void theThreeArgumentConstructorGivesNoClassNames() {
        assertEquals(List.of(), new Dataset("d", X, new double[] {1, -1, 1, -1}).classNames());
    }

    @Test
    void classNamesTravelIntoBothPartsOfASplit() {
        Dataset d = new Dataset("d", X, new double[] {0, 1, 2, 0}, List.of("Adelie", "Chinstrap", "Gentoo"));
        Dataset.Split split = d.split(0.5, 1);
        assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), split.train().classNames());
        assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), split.test().classNames());
    }

    @Test
    void twoNamesGoWithLabelsMinusOneAndPlusOne() {
        assertEquals(2, new Dataset("d", X, new double[] {-1, 1, 1, -1}, List.of("no", "yes")).classNames().size());
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", X, new double[] {0, 1, 1, 0}, List.of("no", "yes")));
    }

    @Test
    void kNamesGoWithLabelsZeroToKMinusOne() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", X, new double[] {0, 1, 3, 0}, List.of("a", "b", "c")));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", X, new double[] {0, 1, 1.5, 0}, List.of("a", "b", "c")));
    }

    @Test
    void oneNameOrRepeatedNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", X, new double[] {1, 1, 1, 1}, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", X, new double[] {-1, 1, 1, 1}, List.of("a", "a")));
    }
}
