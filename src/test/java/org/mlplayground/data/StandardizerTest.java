package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Input normalisation z_i = (x_i − μ_i)/s_i, fitted on the training split. */
class StandardizerTest {

    private static Dataset points(String name, double[]... x) {
        return new Dataset(name, x, new double[x.length]);
    }

    @Test
    void meanAndScaleComeFromTheTrainingSplitOnly() {
        // Train x = 1, 2, 3, 4: μ = 2.5, σ² = (1.5² + 0.5² + 0.5² + 1.5²)/4 = 5/4.
        Dataset train = points("train", new double[] {1}, new double[] {2}, new double[] {3}, new double[] {4});
        // The test points have their own mean 15, which must not be used.
        Dataset test = points("test", new double[] {10}, new double[] {20});

        Standardizer z = Standardizer.fit(train);
        Dataset mapped = z.applyTo(test);

        assertEquals(2.5, z.mean(0), 1e-15);
        assertEquals(Math.sqrt(1.25), z.scale(0), 1e-15);
        assertEquals(7.5 / Math.sqrt(1.25), mapped.x()[0][0], 1e-12);
        assertEquals(17.5 / Math.sqrt(1.25), mapped.x()[1][0], 1e-12);
    }

    @Test
    void theStandardisedTrainingSetHasMeanZeroAndStandardDeviationOnePerFeature() {
        // Features of very different size and offset: x1 around 1000 and spread by hundreds, x2 tiny.
        Dataset.Split split = Generators.circle(300, 0.2, 11).split(0.7, 3);
        double[][] raw = split.train().x();
        double[][] x = new double[raw.length][];
        for (int k = 0; k < raw.length; k++) x[k] = new double[] {1000 + 250 * raw[k][0], 1e-3 * raw[k][1], raw[k][0]};
        Dataset train = new Dataset("train", x, split.train().y());

        Dataset z = Standardizer.fit(train).applyTo(train);

        for (int i = 0; i < 3; i++) {
            double sum = 0, squares = 0;
            for (double[] p : z.x()) sum += p[i];
            double mean = sum / z.size();
            for (double[] p : z.x()) squares += (p[i] - mean) * (p[i] - mean);
            assertEquals(0, mean, 1e-12, "mean of feature " + i);
            assertEquals(1, Math.sqrt(squares / z.size()), 1e-12, "population std of feature " + i);
        }
    }

    @Test
    void groupedFeaturesShareTheRootOfTheirMeanVariance() {
        // x1 = 4, 6: μ = 5, σ² = 1.  x2 = −3, 3: μ = 0, σ² = 9.  x3 = 0, 10: μ = 5, σ² = 25 (not grouped).
        // Grouping x1 and x2: s = √((1 + 9)/2) = √5 for both, each centred by its own mean.
        Dataset train = points("train", new double[] {4, -3, 0}, new double[] {6, 3, 10});

        Standardizer z = Standardizer.fit(train, List.of(new int[] {0, 1}));
        Dataset mapped = z.applyTo(train);

        assertEquals(5, z.mean(0), 0);
        assertEquals(0, z.mean(1), 0);
        assertEquals(Math.sqrt(5), z.scale(0), 1e-15);
        assertEquals(Math.sqrt(5), z.scale(1), 1e-15);
        assertEquals(5, z.scale(2), 1e-15);
        assertArrayEquals(new double[] {-1 / Math.sqrt(5), -3 / Math.sqrt(5), -1}, mapped.x()[0], 1e-15);
        assertArrayEquals(new double[] {1 / Math.sqrt(5), 3 / Math.sqrt(5), 1}, mapped.x()[1], 1e-15);
    }

    @Test
    void groupingKeepsTheRatioOfFeaturesInTheSameUnit() {
        // Without the group each feature would be divided by its own σ (1 and 3), and x2's spread would
        // look as large as x1's; with it, x2 stays three times as spread as x1.
        Dataset train = points("train", new double[] {4, -3}, new double[] {6, 3});

        Dataset alone = Standardizer.fit(train).applyTo(train);
        Dataset together = Standardizer.fit(train, List.of(new int[] {1, 0})).applyTo(train);

        assertEquals(1, alone.x()[1][1] / alone.x()[1][0], 1e-15);
        assertEquals(3, together.x()[1][1] / together.x()[1][0], 1e-15);
    }

    @Test
    void aConstantFeatureIsOnlyCentred() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004 in double, so a naive mean misses 0.1 by an ulp and a naive σ
        // of about 1e−17 would turn that rounding error into ±1.
        Dataset train = points("train", new double[] {0.1, 1}, new double[] {0.1, 2}, new double[] {0.1, 3});
        Dataset test = points("test", new double[] {0.6, 2});

        Standardizer z = Standardizer.fit(train);

        assertEquals(0.1, z.mean(0), 0);
        assertEquals(1, z.scale(0), 0);
        for (double[] p : z.applyTo(train).x()) assertEquals(0, p[0], 0);
        assertEquals(0.5, z.applyTo(test).x()[0][0], 1e-15);
    }

    @Test
    void aConstantFeatureCountsWithVarianceZeroInItsGroup() {
        // x1 = 2, 2: σ² = 0.  x2 = 0, 4: μ = 2, σ² = 4.  Pooled: (0 + 4)/2 = 2, s = √2.
        Dataset train = points("train", new double[] {2, 0}, new double[] {2, 4});

        Standardizer z = Standardizer.fit(train, List.of(new int[] {0, 1}));

        assertEquals(Math.sqrt(2), z.scale(0), 1e-15);
        assertEquals(Math.sqrt(2), z.scale(1), 1e-15);
        assertArrayEquals(new double[] {0, -2 / Math.sqrt(2)}, z.applyTo(train).x()[0], 1e-15);
    }

    @Test
    void aGroupOfConstantFeaturesIsOnlyCentred() {
        Dataset train = points("train", new double[] {2, 7}, new double[] {2, 7});

        Standardizer z = Standardizer.fit(train, List.of(new int[] {0, 1}));

        assertEquals(1, z.scale(0), 0);
        assertEquals(1, z.scale(1), 0);
    }

    @Test
    void applyWorksColumnByColumnOnTheEnginesLayout() {
        // Train (0, 10), (2, 30): μ = (1, 20), σ = (1, 10).
        Standardizer z = Standardizer.fit(points("train", new double[] {0, 10}, new double[] {2, 30}));
        // Three examples as columns: (1, 20), (3, 0), (−1, 40).
        DMatrixRMaj raw = new DMatrixRMaj(new double[][] {{1, 3, -1}, {20, 0, 40}});
        DMatrixRMaj out = new DMatrixRMaj(1, 1);

        z.apply(raw, out);

        assertEquals(2, out.numRows);
        assertEquals(3, out.numCols);
        assertArrayEquals(new double[] {0, 2, -2, 0, -2, 2}, out.data, 1e-15);
        assertFalse(z.isIdentity());
        assertEquals(2, z.inputSize());
        assertEquals(2, z.outputSize());
    }

    @Test
    void applyToKeepsNameAndLabels() {
        Dataset train = new Dataset("circle (train)", new double[][] {{0, 10}, {2, 30}}, new double[] {1, -1});

        Dataset mapped = Standardizer.fit(train).applyTo(train);

        assertEquals("circle (train)", mapped.name());
        assertArrayEquals(new double[] {1, -1}, mapped.y(), 0);
        assertArrayEquals(new double[] {-1, -1}, mapped.x()[0], 1e-15);
        assertArrayEquals(new double[] {1, 1}, mapped.x()[1], 1e-15);
        assertArrayEquals(new double[] {0, 10}, train.x()[0], 0, "the original points stay as they were");
    }

    @Test
    void anEmptyTrainingSetIsRejected() {
        Dataset empty = new Dataset("circle (train)", new double[0][], new double[0]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(empty));

        assertTrue(e.getMessage().contains("circle (train)"), e.getMessage());
        assertTrue(e.getMessage().contains("no examples"), e.getMessage());
    }

    @Test
    void badGroupsAreRejectedWithMessagesNamingTheGroup() {
        Dataset train = points("train", new double[] {1, 2, 3}, new double[] {2, 4, 8});

        assertMessage("normalisation group 1 names feature 3, but the points have 3 features, numbered 0 … 2",
                () -> Standardizer.fit(train, List.of(new int[] {0, 3})));
        assertMessage("normalisation group 2 names feature -1, but the points have 3 features, numbered 0 … 2",
                () -> Standardizer.fit(train, List.of(new int[] {0}, new int[] {-1})));
        assertMessage("feature 1 is in normalisation groups 1 and 2; a feature can be scaled together with only one group",
                () -> Standardizer.fit(train, List.of(new int[] {0, 1}, new int[] {1, 2})));
        assertMessage("normalisation group 1 names feature 2 twice",
                () -> Standardizer.fit(train, List.of(new int[] {2, 2})));
        assertMessage("normalisation group 2 is empty; a group needs at least one feature",
                () -> Standardizer.fit(train, List.of(new int[] {0, 1}, new int[0])));
    }

    @Test
    void nonFiniteTrainingValuesAndWrongShapesAreRejected() {
        assertMessage("train: example 2 has NaN in feature 1; the input normalisation needs finite numbers",
                () -> Standardizer.fit(points("train", new double[] {1, 2}, new double[] {1, Double.NaN})));
        assertMessage("train: example 2 has 1 values but example 1 has 2",
                () -> Standardizer.fit(points("train", new double[] {1, 2}, new double[] {1})));
        Standardizer z = Standardizer.fit(points("train", new double[] {1, 2}, new double[] {3, 4}));
        assertMessage("the input normalisation was fitted on 2 features but got 3",
                () -> z.apply(new DMatrixRMaj(3, 4), new DMatrixRMaj(1, 1)));
        assertMessage("feature 2 does not exist; there are 2 features, numbered 0 … 1", () -> z.scale(2));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
