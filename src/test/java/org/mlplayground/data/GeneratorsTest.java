package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every generator: size, labels, balance, ranges, geometry at noise 0, and determinism per seed. */
class GeneratorsTest {

    @ParameterizedTest
    @EnumSource(Generator.class)
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers(Generator g) {
        Dataset a = g.generate(300, 0.2, 42), b = g.generate(300, 0.2, 42), c = g.generate(300, 0.2, 43);
        assertEquals(300, a.size());
        assertEquals(g.dimension(), a.inputSize());
        for (int i = 0; i < 300; i++) assertArrayEquals(a.x()[i], b.x()[i], 0.0);
        assertArrayEquals(a.y(), b.y(), 0.0);
        boolean differs = false;
        for (int i = 0; i < 300; i++) differs |= !Arrays.equals(a.x()[i], c.x()[i]);
        assertTrue(differs);
    }

    @ParameterizedTest
    @EnumSource(Generator.class)
    void labelsFitTheTaskAndClassesAreBalanced(Generator g) {
        int n = 3000;
        Dataset d = g.generate(n, 0, 7);
        switch (g.task()) {
            case BINARY -> {
                long positive = Arrays.stream(d.y()).filter(y -> y == 1).count();
                long negative = Arrays.stream(d.y()).filter(y -> y == -1).count();
                assertEquals(n, positive + negative, "labels are ±1");
                // half and half by construction; the uniform ones (xor, checkerboard, linear) within 5 points of 50 %
                assertEquals(0.5, positive / (double) n, 0.05, g.id());
            }
            case MULTICLASS -> {
                int k = g.defaultClasses();
                int[] counts = new int[k];
                for (double y : d.y()) {
                    assertTrue(y == Math.rint(y) && y >= 0 && y < k, "label " + y);
                    counts[(int) y]++;
                }
                for (int count : counts) assertEquals(n / (double) k, count, 1.0, g.id());
            }
            case REGRESSION -> {
                for (double y : d.y()) assertTrue(Double.isFinite(y));
                assertTrue(Arrays.stream(d.y()).distinct().count() > n / 2, "targets vary");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Generator.class, names = {"CIRCLE", "XOR", "SPIRAL", "MOONS", "CHECKERBOARD", "LINEAR", "RINGS",
            "SPIRAL3", "PLANE", "MULTI_GAUSSIAN", "SINE"})
    void withoutNoiseEveryPointLiesInTheSquareOfSide12(Generator g) {
        for (double[] p : g.generate(2000, 0, 3).x()) for (double v : p) assertTrue(Math.abs(v) <= 6, g.id() + ": " + v);
    }

    @Test
    void circleInsideIsPositiveAndTheGapIsEmpty() {
        Dataset d = Generators.circle(2000, 0, 1);
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x()[i][0], d.x()[i][1]);
            assertFalse(r > 2.5 && r < 3.5, "point in the gap at r = " + r);
            assertEquals(r < 2.5 ? 1 : -1, d.y()[i]);
        }
    }

    @Test
    void noiseFlipsLabelsNearTheBoundaryButDoesNotMovePoints() {
        Dataset clean = Generators.circle(2000, 0, 5), noisy = Generators.circle(2000, 0.3, 5);
        int flipped = 0;
        for (int i = 0; i < noisy.size(); i++) {
            double r = Math.hypot(noisy.x()[i][0], noisy.x()[i][1]);
            assertFalse(r > 2.5 && r < 3.5, "noise moved a point into the gap");
            if (noisy.y()[i] != (r < 2.5 ? 1 : -1)) flipped++;
        }
        assertTrue(flipped > 50 && flipped < 1000, flipped + " labels flipped");
        assertEquals(2000, clean.size());
    }

    @Test
    void xorPointsKeepOffTheAxesAndFollowTheQuadrants() {
        Dataset d = Generators.xor(2000, 0, 2);
        for (int i = 0; i < d.size(); i++) {
            double x1 = d.x()[i][0], x2 = d.x()[i][1];
            assertTrue(Math.abs(x1) >= 0.3 && Math.abs(x2) >= 0.3);
            assertEquals(x1 * x2 > 0 ? 1 : -1, d.y()[i]);
        }
    }

    @Test
    void linearDataKeepsAMarginAroundItsLine() {
        Dataset d = Generators.linear(2000, 0, 4);
        double norm = Math.hypot(0.5, 1);
        for (int i = 0; i < d.size(); i++) {
            double distance = (d.x()[i][1] - 0.5 * d.x()[i][0]) / norm;
            assertTrue(Math.abs(distance) >= 0.5);
            assertEquals(distance > 0 ? 1 : -1, d.y()[i]);
        }
    }

    @Test
    void checkerboardSquaresAlternate() {
        Dataset d = Generators.checkerboard(2000, 0, 4);
        for (int i = 0; i < d.size(); i++) {
            int col = (int) Math.floor(d.x()[i][0] / 2.5), row = (int) Math.floor(d.x()[i][1] / 2.5);
            assertEquals(Math.floorMod(col + row, 2) == 0 ? 1 : -1, d.y()[i]);
        }
    }

    @Test
    void ringsHaveTheirRadii() {
        Dataset d = Generators.rings(1500, 0, 4);
        double[][] bands = {{0, 1.5}, {2.5, 3.5}, {4.5, 5.5}};
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x()[i][0], d.x()[i][1]);
            double[] band = bands[(int) d.y()[i]];
            assertTrue(r >= band[0] && r <= band[1], "class " + d.y()[i] + " at r = " + r);
        }
    }

    @Test
    void blobsCentreOnTheirCircleAndTakeK() {
        Dataset d = Generators.blobs(4000, 5, 0, 6);
        double[][] sum = new double[5][2];
        int[] count = new int[5];
        for (int i = 0; i < d.size(); i++) {
            int j = (int) d.y()[i];
            sum[j][0] += d.x()[i][0];
            sum[j][1] += d.x()[i][1];
            count[j]++;
        }
        for (int j = 0; j < 5; j++) {
            double angle = Math.PI / 2 + 2 * Math.PI * j / 5;
            // 800 points of σ = 0.5: the mean is within 4 standard errors (0.07) of the centre
            assertEquals(3.5 * Math.cos(angle), sum[j][0] / count[j], 0.07);
            assertEquals(3.5 * Math.sin(angle), sum[j][1] / count[j], 0.07);
        }
        assertThrows(IllegalArgumentException.class, () -> Generators.blobs(100, 9, 0, 1));
    }

    @Test
    void regressionTargetsFollowTheirFormulas() {
        Dataset plane = Generators.plane(500, 0, 1);
        for (int i = 0; i < plane.size(); i++) assertEquals((plane.x()[i][0] + plane.x()[i][1]) / 10, plane.y()[i], 1e-15);
        Dataset sine = Generators.sine(500, 0, 1);
        for (int i = 0; i < sine.size(); i++) assertEquals(Math.sin(sine.x()[i][0]), sine.y()[i], 0.0);
        Dataset bumps = Generators.multiGaussian(3000, 0, 1);
        for (int i = 0; i < bumps.size(); i++) {
            assertTrue(Math.abs(bumps.y()[i]) <= 1);
            double x1 = bumps.x()[i][0], x2 = bumps.x()[i][1];
            if (Math.hypot(x1 - 4, x2 - 2.5) < 0.5) assertTrue(bumps.y()[i] > 0.75, "near the +1 bump at (4, 2.5)");
            if (Math.hypot(x1, x2 - 2.5) < 0.5) assertTrue(bumps.y()[i] < -0.75, "near the −1 bump at (0, 2.5)");
        }
    }

    @Test
    void aRecipeSplitsIntoTrainingValidationAndTestAlikeEveryTime() {
        DataRecipe recipe = DataRecipe.of(Generator.SPIRAL, 9).withPoints(1000).withTrainShare(0.6).withValidationShare(0.25);
        DataRecipe.Parts a = recipe.make(), b = recipe.make();
        assertEquals(450, a.train().size());
        assertEquals(150, a.validation().size());
        assertEquals(400, a.test().size());
        assertArrayEquals(a.validation().y(), b.validation().y(), 0.0);
        assertArrayEquals(a.test().x()[17], b.test().x()[17], 0.0);
        assertNull(DataRecipe.of(Generator.XOR, 1).make().validation());
        assertEquals("training share must be 10 … 90 %, got 95.0 %",
                assertThrows(IllegalArgumentException.class, () -> recipe.withTrainShare(0.95)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> recipe.withPoints(100_001));
        assertEquals(Generator.SPIRAL3, Generator.byId("spiral-3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Generator.byId("donut")).getMessage()
                .startsWith("unknown data set 'donut'; known: circle, xor"));
    }
}
