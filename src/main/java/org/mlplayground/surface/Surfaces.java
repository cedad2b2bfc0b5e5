package org.mlplayground.surface;

import java.util.List;

/** The optimizer lab's surfaces by {@code --fn} name, with their default parameters. */
public final class Surfaces {
    /** Every surface id, in the order a menu lists them. */
    public static final List<String> IDS = List.of("bowl", "circle", "stretched", "saddle", "rosenbrock", "beale", "cliff",
            "two-minima", "plateau");

    private Surfaces() {
    }

    /**
     * The surface with this id; the bowl with its defaults ½(x² + 4y²) (a = 1, b = 4, θ = 0).
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public static Surface of(String id) {
        return switch (id) {
            case "bowl" -> bowl(1, 4, 0);
            case "circle" -> EllipticalBowl.circle();
            case "stretched" -> EllipticalBowl.stretched();
            case "saddle" -> new Saddle();
            case "rosenbrock" -> new Rosenbrock();
            case "beale" -> new Beale();
            case "cliff" -> new Cliff();
            case "two-minima" -> new TwoMinima();
            case "plateau" -> new Plateau();
            default -> throw new IllegalArgumentException("unknown surface '" + id + "'; known surfaces: " + String.join(", ", IDS));
        };
    }

    /**
     * The bowl ½(a x′² + b y′²) turned by θ (see {@link EllipticalBowl}).
     *
     * @throws IllegalArgumentException if a or b is not a finite number > 0, or θ is not finite
     */
    public static EllipticalBowl bowl(double a, double b, double angleDegrees) {
        return new EllipticalBowl(a, b, angleDegrees);
    }
}
