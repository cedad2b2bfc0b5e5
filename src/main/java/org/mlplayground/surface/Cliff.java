package org.mlplayground.surface;

import java.util.List;

/**
 * A cliff (Pascanu, Mikolov &amp; Bengio 2013; COURSE.md §5, gradient clipping): a flat valley along x that
 * slopes gently down to a steep wall,
 * <pre>
 * L = ½y² + s·x + (h/k)·ln(1 + e^(−kx))      with s = 1 (valley slope), h = 50 (wall slope), k = 200 (sharpness)
 * ∇L  = (s − h σ(−kx),  y)                    σ(z) = 1/(1 + e^(−z))
 * ∇²L = [[h k σ(−kx)(1 − σ(−kx)), 0], [0, 1]]
 * </pre>
 * For x ≫ 1/k the softplus term vanishes and L ≈ ½y² + x: a valley with slope 1. For x ≪ 0 it is
 * ≈ −(h − s) x, a wall 49 times as steep, and the switch happens within about 1/k = 0.005. The minimum
 * sits at the wall's foot, x* = ln(h/s − 1)/k ≈ 0.0195, y* = 0. Gradient descent walks down the valley in
 * steps of about γ, so it oversteps the narrow foot and lands on the wall, which throws it back about γh
 * (5 units at γ = 0.1) up the valley, and the walk down starts again. Clipping the gradient's norm to 1 caps
 * every step at γ and keeps the point at the wall's foot.
 */
public record Cliff() implements Surface {
    /** s, the valley's slope; h, the wall's slope; k, how sharp the bend between them is. */
    static final double S = 1, H = 50, K = 200;
    private static final double X_MIN = Math.log(H / S - 1) / K;

    /** σ(z) = 1/(1 + e^(−z)), without overflow for large |z|. */
    private static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** ln(1 + e^z), without overflow for large z. */
    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double value(double x, double y) {
        return 0.5 * y * y + S * x + H / K * softplus(-K * x);
    }

    @Override
    public void gradient(double x, double y, double[] into) {
        into[0] = S - H * sigmoid(-K * x);
        into[1] = y;
    }

    @Override
    public void hessian(double x, double y, double[][] into) {
        double p = sigmoid(-K * x);
        into[0][0] = H * K * p * (1 - p);
        into[0][1] = 0;
        into[1][0] = 0;
        into[1][1] = 1;
    }

    @Override
    public String id() {
        return "cliff";
    }

    @Override
    public String formula() {
        return "½y² + x + ¼·ln(1 + e^(−200x))";
    }

    @Override
    public String tex() {
        return "\\frac{1}{2}y^2 + x + \\frac{1}{4}\\ln\\left(1 + e^{-200x}\\right)";
    }

    @Override
    public double[] window() {
        return new double[] {-1, 6, -2, 2};
    }

    /** Up the valley, so that the walk down meets the wall. */
    @Override
    public double[] start() {
        return new double[] {4, 1.5};
    }

    @Override
    public List<Critical> criticalPoints() {
        return List.of(new Critical(X_MIN, 0, Critical.Kind.MINIMUM));
    }

    /** L* = s x* + (h/k) ln(1 + e^(−kx*)) = s x* + (h/k) ln(h/(h − s)), since e^(kx*) = h/s − 1. */
    @Override
    public double minimumValue() {
        return S * X_MIN + H / K * Math.log(H / (H - S));
    }
}
