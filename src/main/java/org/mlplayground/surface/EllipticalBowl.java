package org.mlplayground.surface;

/**
 * The elliptical bowl, the quadratic every optimizer is first judged on (COURSE.md §5):
 * <pre>L = ½(a x'² + b y'²),   x' = x cos θ + y sin θ,   y' = −x sin θ + y cos θ</pre>
 * i.e. ½(a x² + b y²) with its axes turned by θ. In matrix form L = ½ wᵀHw with the constant Hessian
 * H = Rᵀ diag(a, b) R, whose eigenvalues are a and b for every θ; the condition number is
 * κ = max(a, b)/min(a, b). Gradient ∇L = Hw, minimum L = 0 at the origin.
 */
public final class EllipticalBowl implements Surface {
    private final double a, b, angleDegrees;
    /** The entries of H = Rᵀ diag(a, b) R: hxx = a c² + b s², hxy = (a − b) c s, hyy = a s² + b c². */
    private final double hxx, hxy, hyy;

    /**
     * @param a            curvature along the bowl's first axis (> 0)
     * @param b            curvature along its second axis (> 0)
     * @param angleDegrees θ, the rotation of the axes in degrees (0 gives ½(a x² + b y²))
     * @throws IllegalArgumentException if a or b is not a finite number > 0, or θ is not finite
     */
    public EllipticalBowl(double a, double b, double angleDegrees) {
        if (!(a > 0 && Double.isFinite(a))) throw new IllegalArgumentException("bowl curvature a must be a finite number > 0, got " + a);
        if (!(b > 0 && Double.isFinite(b))) throw new IllegalArgumentException("bowl curvature b must be a finite number > 0, got " + b);
        if (!Double.isFinite(angleDegrees)) throw new IllegalArgumentException("bowl angle must be a finite number of degrees, got " + angleDegrees);
        this.a = a;
        this.b = b;
        this.angleDegrees = angleDegrees;
        double theta = Math.toRadians(angleDegrees), c = Math.cos(theta), s = Math.sin(theta);
        hxx = a * c * c + b * s * s;
        hxy = (a - b) * c * s;
        hyy = a * s * s + b * c * c;
    }

    /** The unrotated bowl ½(a x² + b y²). */
    public EllipticalBowl(double a, double b) {
        this(a, b, 0);
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    public double angleDegrees() {
        return angleDegrees;
    }

    /** L = ½(hxx x² + 2 hxy x y + hyy y²). */
    @Override
    public double value(double x, double y) {
        return 0.5 * (hxx * x * x + 2 * hxy * x * y + hyy * y * y);
    }

    /** ∇L = Hw = (hxx x + hxy y, hxy x + hyy y). */
    @Override
    public void gradient(double x, double y, double[] into) {
        into[0] = hxx * x + hxy * y;
        into[1] = hxy * x + hyy * y;
    }

    /** ∇²L = H, the same at every point. */
    @Override
    public void hessian(double x, double y, double[][] into) {
        into[0][0] = hxx;
        into[0][1] = hxy;
        into[1][0] = hxy;
        into[1][1] = hyy;
    }

    @Override
    public String toString() {
        return "EllipticalBowl[a=" + a + ", b=" + b + ", angle=" + angleDegrees + "°]";
    }
}
