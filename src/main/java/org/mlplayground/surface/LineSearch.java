package org.mlplayground.surface;

/**
 * Step lengths along a search direction p from a point w on a surface: φ(α) = L(w + αp), φ′(α) = ∇L(w + αp)ᵀp.
 * Holds a scratch gradient, so one instance per run and no allocation per step.
 */
final class LineSearch {
    /** Sufficient decrease φ(α) ≤ φ(0) + c₁αφ′(0) and curvature |φ′(α)| ≤ c₂|φ′(0)| (Nocedal &amp; Wright §3.1). */
    static final double C1 = 1e-4, C2 = 0.9;
    private static final double ALPHA_MAX = 1e6;
    private static final int MAX_BRACKET = 60, MAX_ZOOM = 60, MAX_HALVINGS = 60;

    private final Surface surface;
    private final double[] g = new double[2];
    private double x, y, px, py, phi0, dphi0;

    LineSearch(Surface surface) {
        this.surface = surface;
    }

    private double phi(double alpha) {
        return surface.value(x + alpha * px, y + alpha * py);
    }

    private double dphi(double alpha) {
        surface.gradient(x + alpha * px, y + alpha * py, g);
        return g[0] * px + g[1] * py;
    }

    private boolean sufficientDecrease(double alpha, double phi) {
        return Double.isFinite(phi) && phi <= phi0 + C1 * alpha * dphi0;
    }

    /**
     * Backtracking (Armijo): α = α₀, α₀/2, α₀/4, … until φ(α) ≤ φ(0) + c₁αφ′(0); 0 if none of 60 halvings
     * decreases L enough (then the caller stays put).
     *
     * @param f     L(w)
     * @param slope φ′(0) = ∇L(w)ᵀp, negative for a descent direction
     */
    double armijo(double x, double y, double px, double py, double f, double slope, double alpha0) {
        set(x, y, px, py, f, slope);
        double alpha = alpha0;
        for (int i = 0; i < MAX_HALVINGS; i++, alpha *= 0.5) {
            if (sufficientDecrease(alpha, phi(alpha))) return alpha;
        }
        return 0;
    }

    /**
     * A step satisfying the strong Wolfe conditions, by bracketing and zooming (Nocedal &amp; Wright,
     * Algorithms 3.5 and 3.6, with safeguarded quadratic interpolation). If the zoom runs out of room it
     * returns the best step with sufficient decrease found (possibly 0: stay put). Along a direction where L
     * keeps falling (unbounded below) the step doubles up to 10⁶.
     */
    double wolfe(double x, double y, double px, double py, double f, double slope, double alpha1) {
        set(x, y, px, py, f, slope);
        double prev = 0, phiPrev = f, dphiPrev = slope, alpha = alpha1;
        for (int i = 0; i < MAX_BRACKET; i++) {
            double phi = phi(alpha);
            if (!sufficientDecrease(alpha, phi) || (i > 0 && phi >= phiPrev)) {
                return zoom(prev, phiPrev, dphiPrev, alpha, phi);
            }
            double dphi = dphi(alpha);
            if (Math.abs(dphi) <= -C2 * dphi0) return alpha;
            if (dphi >= 0) return zoom(alpha, phi, dphi, prev, phiPrev);
            if (alpha >= ALPHA_MAX) return alpha;
            prev = alpha;
            phiPrev = phi;
            dphiPrev = dphi;
            alpha = Math.min(2 * alpha, ALPHA_MAX);
        }
        return prev;
    }

    /** Shrinks [lo, hi] (lo: sufficient decrease and the lowest φ so far) until a strong-Wolfe step is found. */
    private double zoom(double lo, double phiLo, double dphiLo, double hi, double phiHi) {
        for (int j = 0; j < MAX_ZOOM; j++) {
            double width = hi - lo, alpha = lo + 0.5 * width;
            if (Double.isFinite(phiHi)) {
                // minimiser of the parabola through φ(lo), φ′(lo), φ(hi), kept inside the middle 80 %
                double curvature = phiHi - phiLo - dphiLo * width;
                if (curvature > 0) {
                    double trial = lo - dphiLo * width * width / (2 * curvature);
                    double a = lo + 0.1 * width, b = lo + 0.9 * width;
                    alpha = Math.min(Math.max(trial, Math.min(a, b)), Math.max(a, b));
                }
            }
            if (alpha == lo || alpha == hi) break;
            double phi = phi(alpha);
            if (!sufficientDecrease(alpha, phi) || phi >= phiLo) {
                hi = alpha;
                phiHi = phi;
            } else {
                double dphi = dphi(alpha);
                if (Math.abs(dphi) <= -C2 * dphi0) return alpha;
                if (dphi * (hi - lo) >= 0) {
                    hi = lo;
                    phiHi = phiLo;
                }
                lo = alpha;
                phiLo = phi;
                dphiLo = dphi;
            }
        }
        return lo;
    }

    private void set(double x, double y, double px, double py, double f, double slope) {
        this.x = x;
        this.y = y;
        this.px = px;
        this.py = py;
        this.phi0 = f;
        this.dphi0 = slope;
    }
}
