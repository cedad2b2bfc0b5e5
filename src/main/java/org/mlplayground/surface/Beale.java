package org.mlplayground.surface;

import java.util.List;

/**
 * Beale's function L = Σᵢ tᵢ² with t₁ = 1.5 − x + xy, t₂ = 2.25 − x + xy², t₃ = 2.625 − x + xy³: a narrow
 * curved valley with flat shelves and very steep corners. Minimum L = 0 at (3, ½); a saddle at (0, 1), where
 * the whole line x = 0 is flat along y (L = 1.5² + 2.25² + 2.625² there), and another near (0.1005, −2.6445)
 * (found by Newton's method on ∇L = 0, to full precision).
 * <pre>
 * with uᵢ = ∂tᵢ/∂x = yⁱ − 1 and vᵢ = ∂tᵢ/∂y = i x yⁱ⁻¹:
 * ∇L  = 2 Σᵢ tᵢ (uᵢ, vᵢ)
 * ∂²L/∂x² = 2 Σᵢ uᵢ²,  ∂²L/∂x∂y = 2 Σᵢ (uᵢvᵢ + tᵢ i yⁱ⁻¹),  ∂²L/∂y² = 2 Σᵢ (vᵢ² + tᵢ i(i−1) x yⁱ⁻²)
 * </pre>
 */
public record Beale() implements Surface {
    private static final double C1 = 1.5, C2 = 2.25, C3 = 2.625;
    /** The lower saddle, {x, y}: Newton's iteration on ∇L = 0 from (0.1, −2.64), where it converges quadratically. */
    private static final double[] LOWER_SADDLE = lowerSaddle();

    private static double[] lowerSaddle() {
        Beale beale = new Beale();
        double[] w = {0.1, -2.64}, g = new double[2];
        double[][] h = new double[2][2];
        for (int i = 0; i < 20; i++) {
            beale.gradient(w[0], w[1], g);
            beale.hessian(w[0], w[1], h);
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
            w[0] -= (h[1][1] * g[0] - h[0][1] * g[1]) / det;
            w[1] -= (h[0][0] * g[1] - h[1][0] * g[0]) / det;
        }
        return w;
    }

    @Override
    public double value(double x, double y) {
        double y2 = y * y, t1 = C1 - x + x * y, t2 = C2 - x + x * y2, t3 = C3 - x + x * y2 * y;
        return t1 * t1 + t2 * t2 + t3 * t3;
    }

    @Override
    public void gradient(double x, double y, double[] into) {
        double y2 = y * y, y3 = y2 * y;
        double t1 = C1 - x + x * y, t2 = C2 - x + x * y2, t3 = C3 - x + x * y3;
        into[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
        into[1] = 2 * (t1 * x + t2 * 2 * x * y + t3 * 3 * x * y2);
    }

    @Override
    public void hessian(double x, double y, double[][] into) {
        double y2 = y * y, y3 = y2 * y;
        double t1 = C1 - x + x * y, t2 = C2 - x + x * y2, t3 = C3 - x + x * y3;
        double u1 = y - 1, u2 = y2 - 1, u3 = y3 - 1;
        double v1 = x, v2 = 2 * x * y, v3 = 3 * x * y2;
        into[0][0] = 2 * (u1 * u1 + u2 * u2 + u3 * u3);
        into[0][1] = 2 * (u1 * v1 + t1 + u2 * v2 + t2 * 2 * y + u3 * v3 + t3 * 3 * y2);
        into[1][0] = into[0][1];
        into[1][1] = 2 * (v1 * v1 + v2 * v2 + t2 * 2 * x + v3 * v3 + t3 * 6 * x * y);
    }

    @Override
    public String id() {
        return "beale";
    }

    @Override
    public String formula() {
        return "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²";
    }

    @Override
    public String tex() {
        return "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2";
    }

    @Override
    public double[] window() {
        return new double[] {-4.5, 4.5, -4.5, 4.5};
    }

    /**
     * (½, ½): momentum, Nesterov, RMSProp and Adam at their default rates reach the minimum from here, plain
     * Newton heads for the saddle (0, 1), and gradient descent needs γ well below 0.1.
     */
    @Override
    public double[] start() {
        return new double[] {0.5, 0.5};
    }

    @Override
    public List<Critical> criticalPoints() {
        return List.of(new Critical(3, 0.5, Critical.Kind.MINIMUM), new Critical(0, 1, Critical.Kind.SADDLE),
                new Critical(LOWER_SADDLE[0], LOWER_SADDLE[1], Critical.Kind.SADDLE));
    }

    @Override
    public double minimumValue() {
        return 0;
    }
}
