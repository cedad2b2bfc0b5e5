package org.mlplayground.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SurfacesTest {

    /** Every surface of the lab, and bowls with large κ and odd angles. */
    static Stream<Surface> surfaces() {
        return Stream.concat(Surfaces.IDS.stream().map(Surfaces::of),
                Stream.of(Surfaces.bowl(0.1, 1000, 0), Surfaces.bowl(1000, 0.1, 33.3), Surfaces.bowl(3, 7, -120)));
    }

    private static double[] gradient(Surface s, double x, double y) {
        double[] g = new double[2];
        s.gradient(x, y, g);
        return g;
    }

    private static double[][] hessian(Surface s, double x, double y) {
        double[][] h = new double[2][2];
        s.hessian(x, y, h);
        return h;
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void gradientAndHessianAgreeWithCentralDifferencesAcrossTheWindow(Surface s) {
        SplittableRandom random = new SplittableRandom(20261123L);
        double[] window = s.window();
        double h = 1e-5;
        for (int n = 0; n < 300; n++) {
            double x = window[0] + (window[1] - window[0]) * random.nextDouble();
            double y = window[2] + (window[3] - window[2]) * random.nextDouble();
            double[] g = gradient(s, x, y);
            double gScale = 1 + Math.hypot(g[0], g[1]);
            double dx = (s.value(x + h, y) - s.value(x - h, y)) / (2 * h);
            double dy = (s.value(x, y + h) - s.value(x, y - h)) / (2 * h);
            String at = s.id() + " at (" + x + ", " + y + ")";
            assertEquals(dx, g[0], 1e-6 * gScale, () -> "∂L/∂x of " + at);
            assertEquals(dy, g[1], 1e-6 * gScale, () -> "∂L/∂y of " + at);

            double[][] hess = hessian(s, x, y);
            double hScale = 1 + Math.max(Math.max(Math.abs(hess[0][0]), Math.abs(hess[1][1])), Math.abs(hess[0][1]));
            double[] gxPlus = gradient(s, x + h, y), gxMinus = gradient(s, x - h, y);
            double[] gyPlus = gradient(s, x, y + h), gyMinus = gradient(s, x, y - h);
            for (int i = 0; i < 2; i++) {
                int row = i;
                assertEquals((gxPlus[i] - gxMinus[i]) / (2 * h), hess[i][0], 1e-5 * hScale, () -> "H[" + row + "][0] of " + at);
                assertEquals((gyPlus[i] - gyMinus[i]) / (2 * h), hess[i][1], 1e-5 * hScale, () -> "H[" + row + "][1] of " + at);
            }
            assertEquals(hess[0][1], hess[1][0], 0, () -> "symmetric Hessian of " + at);
        }
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void criticalPointsHaveZeroGradientAndTheKindTheHessianSays(Surface s) {
        List<Surface.Critical> critical = s.criticalPoints();
        assertFalse(critical.isEmpty());
        for (Surface.Critical c : critical) {
            double[] g = gradient(s, c.x(), c.y());
            assertEquals(0, g[0], 1e-12, () -> s.id() + " " + c);
            assertEquals(0, g[1], 1e-12, () -> s.id() + " " + c);
            double[][] h = hessian(s, c.x(), c.y());
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0], trace = h[0][0] + h[1][1];
            Surface.Critical.Kind kind = det < 0 ? Surface.Critical.Kind.SADDLE
                    : trace > 0 ? Surface.Critical.Kind.MINIMUM : Surface.Critical.Kind.MAXIMUM;
            assertTrue(det != 0, () -> s.id() + " " + c + " is degenerate");
            assertEquals(kind, c.kind(), () -> s.id() + " " + c);
        }
        // minima first
        boolean seenOther = false;
        for (Surface.Critical c : critical) {
            if (c.kind() != Surface.Critical.Kind.MINIMUM) seenOther = true;
            else assertFalse(seenOther, () -> s.id() + ": a minimum listed after a saddle");
        }
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void everyCriticalPointNewtonFindsInTheWindowIsListed(Surface s) {
        // Newton's iteration on ∇L = 0 from a 41 × 41 grid over the window
        double[] w = s.window(), g = new double[2];
        double[][] h = new double[2][2];
        for (int i = 0; i <= 40; i++) {
            for (int j = 0; j <= 40; j++) {
                double x = w[0] + (w[1] - w[0]) * i / 40, y = w[2] + (w[3] - w[2]) * j / 40;
                for (int n = 0; n < 60 && Double.isFinite(x + y) && Math.abs(x) + Math.abs(y) < 1e3; n++) {
                    s.gradient(x, y, g);
                    s.hessian(x, y, h);
                    double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
                    x -= (h[1][1] * g[0] - h[0][1] * g[1]) / det;
                    y -= (h[0][0] * g[1] - h[1][0] * g[0]) / det;
                }
                if (!(x > w[0] && x < w[1] && y > w[2] && y < w[3])) continue;
                s.gradient(x, y, g);
                if (Math.hypot(g[0], g[1]) > 1e-9) continue;
                double fx = x, fy = y;
                assertTrue(s.criticalPoints().stream().anyMatch(c -> Math.hypot(c.x() - fx, c.y() - fy) < 1e-6),
                        () -> s.id() + ": critical point (" + fx + ", " + fy + ") is not listed");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void minimumValueIsTheFirstMinimumsLossAndNothingInTheWindowIsLower(Surface s) {
        Surface.Critical first = s.criticalPoints().get(0);
        if (first.kind() == Surface.Critical.Kind.MINIMUM) {
            assertEquals(s.value(first.x(), first.y()), s.minimumValue(), 1e-15, s.id());
        } else {
            assertEquals(Double.NEGATIVE_INFINITY, s.minimumValue(), s.id());
        }
        double[] w = s.window();
        for (int i = 0; i <= 200; i++) {
            for (int j = 0; j <= 200; j++) {
                double x = w[0] + (w[1] - w[0]) * i / 200, y = w[2] + (w[3] - w[2]) * j / 200;
                assertTrue(s.value(x, y) >= s.minimumValue(), s.id() + " at " + x + ", " + y);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("surfaces")
    void startAndCriticalPointsLieInsideTheWindow(Surface s) {
        double[] w = s.window(), start = s.start();
        assertEquals(4, w.length);
        assertTrue(w[0] < w[1] && w[2] < w[3]);
        assertTrue(w[0] < start[0] && start[0] < w[1] && w[2] < start[1] && start[1] < w[3], s.id());
        for (Surface.Critical c : s.criticalPoints()) {
            assertTrue(w[0] < c.x() && c.x() < w[1] && w[2] < c.y() && c.y() < w[3], s.id() + " " + c);
        }
        assertFalse(s.formula().isBlank());
        assertFalse(s.tex().isBlank());
    }

    @Test
    void idsAreDistinctAndEachNamesItsSurface() {
        assertEquals(List.of("bowl", "circle", "stretched", "saddle", "rosenbrock", "beale", "cliff", "two-minima", "plateau"),
                Surfaces.IDS);
        assertEquals(Surfaces.IDS.size(), new HashSet<>(Surfaces.IDS).size());
        for (String id : Surfaces.IDS) assertEquals(id, Surfaces.of(id).id());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Surfaces.of("himmelblau"));
        assertTrue(e.getMessage().contains("'himmelblau'"));
        assertTrue(e.getMessage().contains(String.join(", ", Surfaces.IDS)), e.getMessage());
    }

    @Test
    void valuesMatchHandWorkedNumbers() {
        assertEquals(2, Surfaces.of("circle").value(1, 1), 1e-15); // 1 + 1
        assertEquals(5, Surfaces.of("stretched").value(1, 1), 1e-15); // 1 + 4
        assertEquals(2.5, Surfaces.of("bowl").value(1, 1), 1e-15); // ½(1 + 4)
        assertEquals(-5, Surfaces.of("saddle").value(2, 3), 0); // 4 − 9
        assertEquals(24.2, Surfaces.of("rosenbrock").value(-1.2, 1), 1e-12); // 2.2² + 100·(1 − 1.44)² = 4.84 + 19.36
        assertEquals(14.203125, Surfaces.of("beale").value(0, 0), 1e-15); // 1.5² + 2.25² + 2.625²
        assertEquals(0, Surfaces.of("beale").value(3, 0.5), 1e-15); // 1.5 − 3 + 1.5, 2.25 − 3 + 0.75, 2.625 − 3 + 0.375
        assertEquals(0.25 * Math.log(2), Surfaces.of("cliff").value(0, 0), 1e-15); // (50/200) ln(1 + e⁰)
        assertEquals(2.5 + 0.25 * Math.log1p(Math.exp(-400)), Surfaces.of("cliff").value(2, 1), 1e-15); // ½·1 + 2 + ¼ ln(1 + e⁻⁴⁰⁰)
        assertEquals(49, Surfaces.of("cliff").value(-1, 0), 1e-12); // −1 + ¼ ln(1 + e²⁰⁰) = −1 + ¼(200 + ln(1 + e⁻²⁰⁰))
        assertEquals(0.5, Surfaces.of("two-minima").value(1, 0), 1e-15); // 0 + ½
        assertEquals(2, Surfaces.of("two-minima").value(0, 1), 1e-15); // 1 + 0 + 1
        assertEquals(1 - Math.exp(-1.5), Surfaces.of("plateau").value(1, 1), 1e-15); // q = (1 + 2)/2
    }

    @Test
    void theWallOfTheCliffIsFortyNineTimesSteeperThanTheValley() {
        Surface cliff = Surfaces.of("cliff");
        assertEquals(1, gradient(cliff, 3, 0)[0], 1e-15);
        assertEquals(1 - 50, gradient(cliff, -1, 0)[0], 1e-15);
    }

    @Test
    void theTiltMakesTheLeftWellTheDeeperOne() {
        List<Surface.Critical> c = Surfaces.of("two-minima").criticalPoints();
        assertEquals(3, c.size());
        assertTrue(c.get(0).x() < -1 && c.get(1).x() > 0.9 && c.get(2).x() > 0 && c.get(2).x() < c.get(1).x(), c.toString());
        Surface s = Surfaces.of("two-minima");
        assertTrue(s.value(c.get(0).x(), 0) < s.value(c.get(1).x(), 0));
    }

    @Test
    void theLecturePairAreBowlsWithTheirOwnNames() {
        EllipticalBowl circle = EllipticalBowl.circle(), stretched = EllipticalBowl.stretched();
        assertEquals(1, circle.kappa(), 0);
        assertEquals(4, stretched.kappa(), 0);
        assertEquals("x² + 4y²", stretched.formula());
    }
}
