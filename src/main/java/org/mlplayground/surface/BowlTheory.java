package org.mlplayground.surface;

import java.util.List;

/**
 * What theory predicts for first-order methods on a quadratic bowl L = ½ wᵀHw with eigenvalues
 * λ_min = λ_n ≤ λ_max = λ_1 (Goh, "Why Momentum Really Works", Distill 2017). In the eigenbasis the error
 * of every coordinate evolves on its own:
 * <ul>
 * <li>gradient descent with step γ: e ← (1 − γλ) e, so the error contracts by max_i |1 − γλ_i| per step, best
 *     at γ = 2/(λ_1 + λ_n) where the rate is (κ − 1)/(κ + 1), κ = λ_1/λ_n;
 * <li>momentum, our {@link org.mlplayground.optim.Momentum} v ← βv − γ∇L, w ← w + v: e_{k+1} =
 *     (1 + β − γλ) e_k − β e_{k−1}, whose rate is the larger root modulus of z² − (1 + β − γλ) z + β = 0. It
 *     converges iff 0 &lt; γλ &lt; 2 + 2β (with 0 ≤ β &lt; 1), best at γ = (2/(√λ_1 + √λ_n))²,
 *     β = ((√κ − 1)/(√κ + 1))², rate (√κ − 1)/(√κ + 1).
 * </ul>
 * Goh writes momentum as z ← βz + ∇L, w ← w − αz. With v = −αz that is exactly our v ← βv − α∇L, w ← w + v,
 * so his α is our γ and his optimal (α, β) is ours unchanged.
 *
 * @param lambdaMin λ_n, the smallest eigenvalue of H (&gt; 0)
 * @param lambdaMax λ_1, the largest
 * @param minAxisDegrees the direction of λ_min's eigenvector, in degrees from the x-axis
 */
public record BowlTheory(double lambdaMin, double lambdaMax, double minAxisDegrees) {

    /** Momentum's step γ and momentum β, as a pair. */
    public record GammaBeta(double gamma, double beta) {
    }

    public BowlTheory {
        if (!(lambdaMin > 0 && lambdaMin <= lambdaMax && Double.isFinite(lambdaMax))) {
            throw new IllegalArgumentException("a bowl needs eigenvalues 0 < λ_min ≤ λ_max, got " + lambdaMin + " and " + lambdaMax);
        }
    }

    /** The theory of this bowl: its eigenvalues a, b; a's axis is (cos θ, sin θ), b's is (−sin θ, cos θ). */
    public static BowlTheory of(EllipticalBowl bowl) {
        double theta = bowl.angleDegrees();
        return bowl.a() <= bowl.b() ? new BowlTheory(bowl.a(), bowl.b(), theta) : new BowlTheory(bowl.b(), bowl.a(), theta + 90);
    }

    /** κ = λ_max/λ_min. */
    public double kappa() {
        return lambdaMax / lambdaMin;
    }

    /** The unit eigenvector of λ_min, {x, y}. */
    public double[] eigenvectorMin() {
        double t = Math.toRadians(minAxisDegrees);
        return new double[] {Math.cos(t), Math.sin(t)};
    }

    /** The unit eigenvector of λ_max, {x, y}, perpendicular to {@link #eigenvectorMin()}. */
    public double[] eigenvectorMax() {
        double t = Math.toRadians(minAxisDegrees);
        return new double[] {-Math.sin(t), Math.cos(t)};
    }

    /** γ = 2/(λ_1 + λ_n), the gradient-descent step with the smallest rate. */
    public double optimalStep() {
        return 2 / (lambdaMin + lambdaMax);
    }

    /** Gradient descent's predicted contraction of the error per step, max(|1 − γλ_n|, |1 − γλ_1|). */
    public double gdRate(double gamma) {
        return Math.max(Math.abs(1 - gamma * lambdaMin), Math.abs(1 - gamma * lambdaMax));
    }

    /** (κ − 1)/(κ + 1), the rate at {@link #optimalStep()}. */
    public double optimalGdRate() {
        double k = kappa();
        return (k - 1) / (k + 1);
    }

    /** γ = (2/(√λ_1 + √λ_n))², β = ((√κ − 1)/(√κ + 1))². */
    public GammaBeta optimalMomentum() {
        double sum = Math.sqrt(lambdaMax) + Math.sqrt(lambdaMin), root = Math.sqrt(kappa());
        double gamma = 2 / sum, beta = (root - 1) / (root + 1);
        return new GammaBeta(gamma * gamma, beta * beta);
    }

    /** (√κ − 1)/(√κ + 1), the rate at {@link #optimalMomentum()}. */
    public double optimalMomentumRate() {
        double root = Math.sqrt(kappa());
        return (root - 1) / (root + 1);
    }

    /** Momentum's predicted contraction per step: the larger of {@link #momentumRate(double, double, double)} at λ_n and λ_1. */
    public double momentumRate(double gamma, double beta) {
        return Math.max(momentumRate(gamma, beta, lambdaMin), momentumRate(gamma, beta, lambdaMax));
    }

    /**
     * The spectral radius of momentum's iteration along one eigen-direction: the larger |z| of
     * z² − (1 + β − γλ) z + β = 0. Complex roots have |z| = √β; real ones (|t| + √(t² − 4β))/2, t = 1 + β − γλ.
     */
    public static double momentumRate(double gamma, double beta, double lambda) {
        double t = 1 + beta - gamma * lambda, discriminant = t * t - 4 * beta;
        return discriminant < 0 ? Math.sqrt(beta) : (Math.abs(t) + Math.sqrt(discriminant)) / 2;
    }

    /** Momentum converges on this bowl: along both eigen-directions, i.e. 0 &lt; γλ_max &lt; 2 + 2β (with γ &gt; 0). */
    public boolean momentumConverges(double gamma, double beta) {
        return momentumConverges(gamma, beta, lambdaMin) && momentumConverges(gamma, beta, lambdaMax);
    }

    /** Momentum converges along an eigen-direction with eigenvalue λ iff 0 &lt; γλ &lt; 2 + 2β and 0 ≤ β &lt; 1. */
    public static boolean momentumConverges(double gamma, double beta, double lambda) {
        double gl = gamma * lambda;
        return 0 <= beta && beta < 1 && 0 < gl && gl < 2 + 2 * beta;
    }

    /**
     * The measured contraction per step of a run, to set beside the predicted rate. It reads the loss gap
     * L_k − L*, which on a quadratic is ½ eᵀHe with e = w_k − w*, so its square root shrinks asymptotically
     * by the same factor as ‖w_k − w*‖ (the slowest mode) without knowing w*. Robustly:
     * <ol>
     * <li>keep the points from w_0 up to the first one whose gap is not finite or outside [10⁻²⁸⁰, 10²⁸⁰] (or
     *     within 1000 ulps of L*, where the loss is rounding noise);
     * <li>take the second half of them, the tail, where the slowest mode dominates;
     * <li>replace each gap by the largest gap from there to the end of the tail (from the start of the tail
     *     instead, for a growing run), an envelope that ignores the dips of oscillating runs (momentum's
     *     complex roots);
     * <li>fit a straight line to ln(envelope) against k by least squares: the rate is e^(slope/2).
     * </ol>
     * Near a minimum away from the origin the gap cannot fall below the rounding floor of w itself, so a run
     * that has stalled there reads close to 1: measure before that.
     *
     * @return the rate, or NaN if fewer than 4 points are usable
     */
    public static double measuredRate(Trajectory t, double minimumValue) {
        List<Trajectory.Point> points = t.points();
        double floor = Math.max(1e-280, 1000 * Math.ulp(Math.abs(minimumValue)));
        int n = 0;
        while (n < points.size()) {
            double gap = points.get(n).loss() - minimumValue;
            if (!(gap > floor && gap < 1e280)) break;
            n++;
        }
        int from = n / 2, count = n - from;
        if (count < 4) return Double.NaN;
        double[] envelope = new double[count];
        boolean growing = gap(points, n - 1, minimumValue) > gap(points, from, minimumValue);
        if (growing) {
            double max = 0;
            for (int i = 0; i < count; i++) envelope[i] = max = Math.max(max, gap(points, from + i, minimumValue));
        } else {
            double max = 0;
            for (int i = count - 1; i >= 0; i--) envelope[i] = max = Math.max(max, gap(points, from + i, minimumValue));
        }
        double meanK = (count - 1) / 2.0, meanLog = 0;
        for (double e : envelope) meanLog += Math.log(e);
        meanLog /= count;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < count; i++) {
            double dk = i - meanK;
            sxy += dk * (Math.log(envelope[i]) - meanLog);
            sxx += dk * dk;
        }
        return Math.exp(sxy / sxx / 2);
    }

    private static double gap(List<Trajectory.Point> points, int k, double minimumValue) {
        return points.get(k).loss() - minimumValue;
    }
}
