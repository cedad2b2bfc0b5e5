package org.mlplayground.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EllipticalBowlTest {

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

    @Test
    void unrotatedBowlIsHalfOfAxSquaredPlusBySquared() {
        EllipticalBowl bowl = new EllipticalBowl(1, 4, 0);
        // L(1, 1) = ½(1·1 + 4·1) = 2.5; L(3, −2) = ½(9 + 16) = 12.5
        assertEquals(2.5, bowl.value(1, 1), 0);
        assertEquals(12.5, bowl.value(3, -2), 0);
        // ∇L = (a x, b y): (1, 4) at (1, 1), (3, −8) at (3, −2)
        assertArrayEquals(new double[] {1, 4}, gradient(bowl, 1, 1), 0);
        assertArrayEquals(new double[] {3, -8}, gradient(bowl, 3, -2), 0);
        double[][] h = hessian(bowl, 3, -2);
        assertArrayEquals(new double[] {1, 0}, h[0], 0);
        assertArrayEquals(new double[] {0, 4}, h[1], 0);
    }

    @Test
    void bowlTurnedBy45DegreesMatchesHandValues() {
        // a = 1, b = 3, θ = 45°: c² = s² = cs = ½, so H = [[a/2 + b/2, (a − b)/2], [(a − b)/2, a/2 + b/2]]
        // = [[2, −1], [−1, 2]].
        EllipticalBowl bowl = new EllipticalBowl(1, 3, 45);
        double[][] h = hessian(bowl, 0, 0);
        assertArrayEquals(new double[] {2, -1}, h[0], 1e-15);
        assertArrayEquals(new double[] {-1, 2}, h[1], 1e-15);
        // L(1, 2) = ½(2·1 − 2·1·2 + 2·4) = ½(2 − 4 + 8) = 3; ∇L = Hw = (2 − 2, −1 + 4) = (0, 3)
        assertEquals(3, bowl.value(1, 2), 1e-14);
        assertArrayEquals(new double[] {0, 3}, gradient(bowl, 1, 2), 1e-14);
    }

    @Test
    void bowlTurnedBy90DegreesSwapsTheAxes() {
        // θ = 90°: x' = y, y' = −x, so L = ½(a y² + b x²); with a = 1, b = 4: L(1, 0) = 2, L(0, 1) = 0.5
        EllipticalBowl bowl = new EllipticalBowl(1, 4, 90);
        assertEquals(2, bowl.value(1, 0), 1e-15);
        assertEquals(0.5, bowl.value(0, 1), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 17, 45, 90, 123.4, -60, 300})
    void analyticGradientAndHessianAgreeWithFiniteDifferences(double angle) {
        EllipticalBowl bowl = new EllipticalBowl(2, 50, angle);
        double eps = 1e-5;
        double[][] points = {{1, 1}, {-0.7, 0.3}, {2.5, -1.5}, {0, 0}};
        for (double[] p : points) {
            double x = p[0], y = p[1];
            double dx = (bowl.value(x + eps, y) - bowl.value(x - eps, y)) / (2 * eps);
            double dy = (bowl.value(x, y + eps) - bowl.value(x, y - eps)) / (2 * eps);
            assertArrayEquals(new double[] {dx, dy}, gradient(bowl, x, y), 1e-6, () -> "gradient at " + x + ", " + y);

            double[] gxPlus = gradient(bowl, x + eps, y), gxMinus = gradient(bowl, x - eps, y);
            double[] gyPlus = gradient(bowl, x, y + eps), gyMinus = gradient(bowl, x, y - eps);
            double[][] h = hessian(bowl, x, y);
            for (int i = 0; i < 2; i++) {
                assertEquals((gxPlus[i] - gxMinus[i]) / (2 * eps), h[i][0], 1e-6, "∂²L/∂w" + i + "∂x");
                assertEquals((gyPlus[i] - gyMinus[i]) / (2 * eps), h[i][1], 1e-6, "∂²L/∂w" + i + "∂y");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 10, 30, 45, 77, 90, 135, 200, -33})
    void rotationKeepsTheEigenvaluesAAndB(double angle) {
        double a = 1, b = 100;
        double[][] h = hessian(new EllipticalBowl(a, b, angle), 0.3, -0.4);
        // eigenvalues of a symmetric 2×2 matrix: (tr ± √(tr² − 4 det)) / 2
        double trace = h[0][0] + h[1][1], det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        double root = Math.sqrt(trace * trace - 4 * det);
        assertEquals(b, (trace + root) / 2, 1e-12);
        assertEquals(a, (trace - root) / 2, 1e-12);
        assertEquals(h[0][1], h[1][0], 0, "the Hessian is symmetric");
    }

    @Test
    void impossibleCurvaturesAreRejectedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EllipticalBowl(0, 4, 0)).getMessage()
                .contains("curvature a"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EllipticalBowl(1, -4, 0)).getMessage()
                .contains("curvature b"));
        assertThrows(IllegalArgumentException.class, () -> new EllipticalBowl(Double.POSITIVE_INFINITY, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new EllipticalBowl(1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new EllipticalBowl(1, 4, Double.NaN));
    }
}
