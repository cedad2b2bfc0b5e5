package org.mlplayground.surface;

/**
 * Methods that use curvature, on a 2-D surface (COURSE.md §5, beyond first order): Newton, damped Newton,
 * nonlinear conjugate gradients, BFGS and L-BFGS. Each returns the same {@link Trajectory} as the first-order
 * optimizers (w_0 … w_n with their losses; {@code diverged} if a point stops being finite), so a view draws
 * them side by side. At a point where ∇L is exactly 0 every method stays put.
 *
 * <p>Work arrays are allocated once per run, never per step.
 */
public final class SecondOrder {

    private SecondOrder() {
    }

    /**
     * Newton's method, w ← w − (∇²L)⁻¹∇L: it jumps to the critical point of the local quadratic model. On a
     * quadratic bowl that is the minimum, reached in one step whatever κ; at the saddle x² − y² it is the
     * saddle, also in one step (Newton seeks ∇L = 0, not a lower L). Where ∇²L is singular the step is
     * infinite and the run ends as diverged.
     *
     * @throws IllegalArgumentException if steps is negative or the start is not finite
     */
    public static Trajectory newton(Surface s, double x0, double y0, int steps) {
        return dampedNewton(s, x0, y0, steps, 0);
    }

    /**
     * Damped (Levenberg) Newton, w ← w − (∇²L + λI)⁻¹∇L: λ blends Newton (λ = 0) with gradient descent of
     * step 1/λ (λ large). If ∇²L + λI is positive definite the step goes downhill. If it is not — λ below
     * minus the most negative eigenvalue, e.g. λ &lt; 2 on the saddle — the step is still taken as the formula
     * says, and along the negative-curvature direction it goes uphill. On x² − y² each step multiplies x by
     * λ/(λ + 2) and y by λ/(λ − 2): for λ &lt; 1 the point is drawn into the saddle (plain Newton, λ = 0, lands
     * on it in one step), for 1 &lt; λ &lt; 2 it is thrown from side to side ever further, λ = 2 is singular
     * (the run diverges) and for λ &gt; 2 it escapes downhill along y. That is the lesson, so there is no
     * fix-up.
     *
     * @param lambda λ ≥ 0
     * @throws IllegalArgumentException if λ is negative or not finite, steps is negative or the start is not
     *                                  finite
     */
    public static Trajectory dampedNewton(Surface s, double x0, double y0, int steps, double lambda) {
        if (!(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("Newton damping λ must be a finite number ≥ 0, got " + lambda);
        }
        Path path = new Path(s, x0, y0, steps);
        double[] g = new double[2];
        double[][] h = new double[2][2];
        double x = x0, y = y0;
        while (path.more()) {
            s.gradient(x, y, g);
            if (g[0] == 0 && g[1] == 0) {
                path.stayUntilTheEnd(x, y); // a critical point: nothing changes any more
                break;
            }
            s.hessian(x, y, h);
            double a = h[0][0] + lambda, b = h[0][1], c = h[1][0], d = h[1][1] + lambda, det = a * d - b * c;
            // (H + λI)⁻¹ g by Cramer's rule
            x -= (d * g[0] - b * g[1]) / det;
            y -= (a * g[1] - c * g[0]) / det;
            path.add(x, y);
        }
        return path.trajectory();
    }

    /**
     * Nonlinear conjugate gradients (Polak–Ribière+): d_0 = −g_0, then w ← w + αd,
     * d ← −g_new + βd with β = max(0, g_newᵀ(g_new − g)/gᵀg). The step length starts from the exact minimiser
     * of the local quadratic along d, α = −gᵀd/(dᵀ∇²L d) when dᵀ∇²L d &gt; 0 (otherwise from α = 1), and is
     * halved until the Armijo condition holds. On a quadratic that first guess is exact, so in 2-D the method
     * is linear CG and stops at the minimum after at most 2 steps. A direction that is not downhill is replaced
     * by −g (restart).
     *
     * @throws IllegalArgumentException if steps is negative or the start is not finite
     */
    public static Trajectory conjugateGradient(Surface s, double x0, double y0, int steps) {
        Path path = new Path(s, x0, y0, steps);
        LineSearch search = new LineSearch(s);
        double[] g = new double[2], gNew = new double[2];
        double[][] h = new double[2][2];
        double x = x0, y = y0;
        s.gradient(x, y, g);
        double dx = -g[0], dy = -g[1];
        while (path.more()) {
            double gg = g[0] * g[0] + g[1] * g[1];
            if (gg == 0) {
                path.stayUntilTheEnd(x, y); // a critical point: nothing changes any more
                break;
            }
            double slope = g[0] * dx + g[1] * dy;
            boolean steepest = dx == -g[0] && dy == -g[1];
            if (!(slope < 0)) {
                dx = -g[0];
                dy = -g[1];
                slope = -gg;
                steepest = true;
            }
            s.hessian(x, y, h);
            double dHd = dx * (h[0][0] * dx + h[0][1] * dy) + dy * (h[1][0] * dx + h[1][1] * dy);
            double alpha0 = dHd > 0 ? -slope / dHd : 1;
            double alpha = search.armijo(x, y, dx, dy, s.value(x, y), slope, alpha0);
            if (x + alpha * dx == x && y + alpha * dy == y && steepest) {
                // no steepest-descent step lowers L any more (rounding): every later step would be this one
                path.stayUntilTheEnd(x, y);
                break;
            }
            x += alpha * dx;
            y += alpha * dy;
            s.gradient(x, y, gNew);
            double beta = Math.max(0, (gNew[0] * (gNew[0] - g[0]) + gNew[1] * (gNew[1] - g[1])) / gg);
            dx = -gNew[0] + beta * dx;
            dy = -gNew[1] + beta * dy;
            g[0] = gNew[0];
            g[1] = gNew[1];
            path.add(x, y);
        }
        return path.trajectory();
    }

    /**
     * BFGS: the step p = −B∇L with B an approximation of (∇²L)⁻¹ built from the steps s = w_new − w and
     * gradient changes y = g_new − g alone, B ← (I − ρsyᵀ) B (I − ρysᵀ) + ρssᵀ, ρ = 1/yᵀs (Nocedal &amp; Wright
     * §6.1). B starts as I; before the first update it is rescaled to (sᵀy/yᵀy) I. The step length satisfies
     * the strong Wolfe conditions (c₁ = 10⁻⁴, c₂ = 0.9), trying α = 1 first (the first step tries
     * min(1, 1/‖g‖)). An update with sᵀy ≤ 0 is skipped; a direction that is not downhill resets B to I.
     *
     * @throws IllegalArgumentException if steps is negative or the start is not finite
     */
    public static Trajectory bfgs(Surface s, double x0, double y0, int steps) {
        Path path = new Path(s, x0, y0, steps);
        LineSearch search = new LineSearch(s);
        double[] g = new double[2], gNew = new double[2];
        double b00 = 1, b01 = 0, b11 = 1;
        boolean scaled = false;
        double x = x0, y = y0, f = s.value(x, y);
        s.gradient(x, y, g);
        while (path.more()) {
            if (g[0] == 0 && g[1] == 0) {
                path.stayUntilTheEnd(x, y); // a critical point: nothing changes any more
                break;
            }
            double px = -(b00 * g[0] + b01 * g[1]), py = -(b01 * g[0] + b11 * g[1]);
            double slope = g[0] * px + g[1] * py;
            if (!(slope < 0)) {
                b00 = 1;
                b01 = 0;
                b11 = 1;
                scaled = false;
                px = -g[0];
                py = -g[1];
                slope = -(g[0] * g[0] + g[1] * g[1]);
            }
            double alpha1 = scaled ? 1 : Math.min(1, 1 / Math.hypot(g[0], g[1]));
            double alpha = search.wolfe(x, y, px, py, f, slope, alpha1);
            double sx = alpha * px, sy = alpha * py;
            if (x + sx == x && y + sy == y) {
                // stuck at rounding level: w, g and B stay as they are, so every later step is this one
                path.stayUntilTheEnd(x, y);
                break;
            }
            x += sx;
            y += sy;
            f = s.value(x, y);
            s.gradient(x, y, gNew);
            // the update is the same for (s, y) and (s, y)/‖s‖; the scaled pair keeps ρ = 1/sᵀy finite near the minimum
            double norm = Math.hypot(sx, sy), ux = sx / norm, uy = sy / norm;
            double yx = (gNew[0] - g[0]) / norm, yy = (gNew[1] - g[1]) / norm, sTy = ux * yx + uy * yy;
            if (sTy > 0 && Double.isFinite(sTy)) {
                if (!scaled) {
                    double scale = sTy / (yx * yx + yy * yy);
                    b00 = scale;
                    b01 = 0;
                    b11 = scale;
                    scaled = true;
                }
                // B ← B − ρ(By sᵀ + s (By)ᵀ) + (ρ² yᵀBy + ρ) s sᵀ, B symmetric
                double rho = 1 / sTy, byx = b00 * yx + b01 * yy, byy = b01 * yx + b11 * yy;
                double c = rho * rho * (yx * byx + yy * byy) + rho;
                b00 += -rho * 2 * byx * ux + c * ux * ux;
                b01 += -rho * (byx * uy + ux * byy) + c * ux * uy;
                b11 += -rho * 2 * byy * uy + c * uy * uy;
            }
            g[0] = gNew[0];
            g[1] = gNew[1];
            path.add(x, y);
        }
        return path.trajectory();
    }

    /**
     * L-BFGS: BFGS that keeps only the last m pairs (s, y) and applies its inverse-Hessian approximation to
     * the gradient by the two-loop recursion (Nocedal &amp; Wright Algorithm 7.4), starting from
     * H₀ = (sᵀy/yᵀy) I of the newest pair. Same Wolfe line search as {@link #bfgs}; pairs with sᵀy ≤ 0 are not
     * stored, and a direction that is not downhill clears the memory.
     *
     * @param m memory, the number of pairs kept (≥ 1)
     * @throws IllegalArgumentException if m &lt; 1, steps is negative or the start is not finite
     */
    public static Trajectory lbfgs(Surface s, double x0, double y0, int steps, int m) {
        if (m < 1) throw new IllegalArgumentException("L-BFGS memory m must be a whole number ≥ 1, got " + m);
        Path path = new Path(s, x0, y0, steps);
        LineSearch search = new LineSearch(s);
        double[] g = new double[2], gNew = new double[2];
        double[] sx = new double[m], sy = new double[m], yx = new double[m], yy = new double[m], rho = new double[m],
                a = new double[m];
        int stored = 0, newest = -1;
        double x = x0, y = y0, f = s.value(x, y);
        s.gradient(x, y, g);
        while (path.more()) {
            if (g[0] == 0 && g[1] == 0) {
                path.stayUntilTheEnd(x, y); // a critical point: nothing changes any more
                break;
            }
            // two-loop recursion: r = H g
            double qx = g[0], qy = g[1];
            for (int k = 0, i = newest; k < stored; k++, i = (i - 1 + m) % m) {
                a[i] = rho[i] * (sx[i] * qx + sy[i] * qy);
                qx -= a[i] * yx[i];
                qy -= a[i] * yy[i];
            }
            double h0 = stored == 0 ? 1 : 1 / (rho[newest] * (yx[newest] * yx[newest] + yy[newest] * yy[newest]));
            double rx = h0 * qx, ry = h0 * qy;
            for (int k = 0, i = (newest - stored + 1 + m) % m; k < stored; k++, i = (i + 1) % m) {
                double b = rho[i] * (yx[i] * rx + yy[i] * ry);
                rx += sx[i] * (a[i] - b);
                ry += sy[i] * (a[i] - b);
            }
            double px = -rx, py = -ry, slope = g[0] * px + g[1] * py;
            if (!(slope < 0)) {
                stored = 0;
                px = -g[0];
                py = -g[1];
                slope = -(g[0] * g[0] + g[1] * g[1]);
            }
            double alpha1 = stored > 0 ? 1 : Math.min(1, 1 / Math.hypot(g[0], g[1]));
            double alpha = search.wolfe(x, y, px, py, f, slope, alpha1);
            double stepX = alpha * px, stepY = alpha * py;
            if (x + stepX == x && y + stepY == y) {
                // stuck at rounding level: w, g and the pairs stay as they are, so every later step is this one
                path.stayUntilTheEnd(x, y);
                break;
            }
            x += stepX;
            y += stepY;
            f = s.value(x, y);
            s.gradient(x, y, gNew);
            // the pair is stored divided by ‖s‖, which changes nothing in H but keeps ρ = 1/sᵀy finite
            double norm = Math.hypot(stepX, stepY), ux = stepX / norm, uy = stepY / norm;
            double dgx = (gNew[0] - g[0]) / norm, dgy = (gNew[1] - g[1]) / norm, sTy = ux * dgx + uy * dgy;
            if (sTy > 0 && Double.isFinite(sTy)) {
                newest = (newest + 1) % m;
                sx[newest] = ux;
                sy[newest] = uy;
                yx[newest] = dgx;
                yy[newest] = dgy;
                rho[newest] = 1 / sTy;
                stored = Math.min(stored + 1, m);
            }
            g[0] = gNew[0];
            g[1] = gNew[1];
            path.add(x, y);
        }
        return path.trajectory();
    }
}
