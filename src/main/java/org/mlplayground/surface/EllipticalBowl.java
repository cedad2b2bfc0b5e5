package org.mlplayground.surface;

import java.util.List;

/**
 * The elliptical bowl, the quadratic every optimizer is first judged on (COURSE.md §5):
 * <pre>L = ½(a x'² + b y'²),   x' = x cos θ + y sin θ,   y' = −x sin θ + y cos θ</pre>
 * i.e. ½(a x² + b y²) with its axes turned by θ. In matrix form L = ½ wᵀHw with the constant Hessian
 * H = Rᵀ diag(a, b) R, whose eigenvalues are a and b for every θ; the condition number is
 * κ = max(a, b)/min(a, b). Gradient ∇L = Hw, minimum L = 0 at the origin.
 *
 * <p>The lecture's pair are bowls too: the circular x² + y² = ½(2x² + 2y²) ({@link #circle()}) and the
 * stretched x² + 4y² = ½(2x² + 8y²) ({@link #stretched()}); they differ from the general bowl only in their
 * {@link #id()} and formula.
 */
public final class EllipticalBowl implements Surface {
    private final double a, b, angleDegrees;
    private final String id, formula, tex;
    /** The entries of H = Rᵀ diag(a, b) R: hxx = a c² + b s², hxy = (a − b) c s, hyy = a s² + b c². */
    private final double hxx, hxy, hyy;

    /**
     * @param a            curvature along the bowl's first axis (> 0)
     * @param b            curvature along its second axis (> 0)
     * @param angleDegrees θ, the rotation of the axes in degrees (0 gives ½(a x² + b y²))
     * @throws IllegalArgumentException if a or b is not a finite number > 0, or θ is not finite
     */
    public EllipticalBowl(double a, double b, double angleDegrees) {
        this(a, b, angleDegrees, "bowl", "½(a x′² + b y′²)", "\\frac{1}{2}\\left(a\\,x'^2 + b\\,y'^2\\right)");
    }

    private EllipticalBowl(double a, double b, double angleDegrees, String id, String formula, String tex) {
        if (!(a > 0 && Double.isFinite(a))) throw new IllegalArgumentException("bowl curvature a must be a finite number > 0, got " + a);
        if (!(b > 0 && Double.isFinite(b))) throw new IllegalArgumentException("bowl curvature b must be a finite number > 0, got " + b);
        if (!Double.isFinite(angleDegrees)) throw new IllegalArgumentException("bowl angle must be a finite number of degrees, got " + angleDegrees);
        this.a = a;
        this.b = b;
        this.angleDegrees = angleDegrees;
        this.id = id;
        this.formula = formula;
        this.tex = tex;
        double theta = Math.toRadians(angleDegrees), c = Math.cos(theta), s = Math.sin(theta);
        hxx = a * c * c + b * s * s;
        hxy = (a - b) * c * s;
        hyy = a * s * s + b * c * c;
    }

    /** The unrotated bowl ½(a x² + b y²). */
    public EllipticalBowl(double a, double b) {
        this(a, b, 0);
    }

    /** The circular bowl x² + y² (a = b = 2), the first of the lecture's pair. */
    public static EllipticalBowl circle() {
        return new EllipticalBowl(2, 2, 0, "circle", "x² + y²", "x^2 + y^2");
    }

    /** The stretched bowl x² + 4y² (a = 2, b = 8, κ = 4), the second of the lecture's pair. */
    public static EllipticalBowl stretched() {
        return new EllipticalBowl(2, 8, 0, "stretched", "x² + 4y²", "x^2 + 4y^2");
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

    /** The condition number κ = max(a, b)/min(a, b). */
    public double kappa() {
        return Math.max(a, b) / Math.min(a, b);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String formula() {
        return formula;
    }

    @Override
    public String tex() {
        return tex;
    }

    @Override
    public double[] window() {
        return new double[] {-1.5, 1.5, -1.5, 1.5};
    }

    /** (1, 1), the lecture's start. */
    @Override
    public double[] start() {
        return new double[] {1, 1};
    }

    @Override
    public List<Critical> criticalPoints() {
        return List.of(new Critical(0, 0, Critical.Kind.MINIMUM));
    }

    @Override
    public double minimumValue() {
        return 0;
    }

    @Override
    public String toString() {
        return "EllipticalBowl[" + id + ", a=" + a + ", b=" + b + ", angle=" + angleDegrees + "°]";
    }
}
