package org.mlplayground.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an optimizer lesson sets up in the optimizer lab: a 2-D loss surface, for the elliptical bowl
 * L = ½(a x'² + b y'²) (the bowl turned by {@code angle} degrees) its curvatures, the start point, and the
 * optimizers that race from there, each with its learning rate and named hyperparameters. Kept as data: the
 * names are checked against {@link #SURFACES}, {@link #METHODS} and {@link #PARAMETERS}; the lab builds the
 * optimizers.
 *
 * @param surface one of {@link #SURFACES}
 * @param a       the bowl's curvature along x', &gt; 0
 * @param b       the bowl's curvature along y', &gt; 0
 * @param angle   the bowl's rotation in degrees
 * @param rows    the optimizers, 1 … {@value #MAX_ROWS}
 */
public record LabPreset(String surface, double a, double b, double angle, double startX, double startY,
        List<Row> rows) {
    public static final int MAX_ROWS = 6;
    public static final List<String> SURFACES = List.of("bowl", "circle", "stretched", "saddle", "rosenbrock", "beale",
            "cliff", "two-minima", "plateau");
    public static final List<String> METHODS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop",
            "rmsprop-nesterov", "adadelta", "adam", "newton", "damped-newton", "cg", "bfgs", "lbfgs");
    /** The second-order methods: they take no learning rate of their own (γ = 1 unless given). */
    public static final List<String> SECOND_ORDER = List.of("newton", "damped-newton", "cg", "bfgs", "lbfgs");
    private static final List<String> DECAY = List.of("decay-exp", "decay-inverse");
    /** The named hyperparameters each method takes (decay-exp: γ_k = γ_0 e^(−αk); decay-inverse: γ_0/(1+αk)). */
    public static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("sgd", DECAY),
            Map.entry("momentum", plus("momentum")),
            Map.entry("nesterov", plus("momentum")),
            Map.entry("adagrad", plus("epsilon")),
            Map.entry("rmsprop", plus("rho", "epsilon")),
            Map.entry("rmsprop-nesterov", plus("momentum", "rho", "epsilon")),
            Map.entry("adadelta", plus("rho", "epsilon")),
            Map.entry("adam", plus("beta1", "beta2", "epsilon")),
            Map.entry("newton", List.of()),
            Map.entry("damped-newton", List.of("damping")),
            Map.entry("cg", List.of()),
            Map.entry("bfgs", List.of()),
            Map.entry("lbfgs", List.of("memory")));

    /** The lab's opening setup: the bowl a = 1, b = 4 from (1, 1), with plain gradient descent at γ = 0.1. */
    public static final LabPreset DEFAULT = new LabPreset("bowl", 1, 4, 0, 1, 1, List.of(new Row("sgd", 0.1, Map.of())));

    public LabPreset {
        Objects.requireNonNull(surface, "surface");
        if (!SURFACES.contains(surface)) {
            throw new IllegalArgumentException("unknown surface '" + surface + "'; known: " + String.join(", ", SURFACES));
        }
        if (!(a > 0 && Double.isFinite(a))) throw new IllegalArgumentException("the bowl's a must be a number > 0, got " + a);
        if (!(b > 0 && Double.isFinite(b))) throw new IllegalArgumentException("the bowl's b must be a number > 0, got " + b);
        if (!Double.isFinite(angle)) throw new IllegalArgumentException("the bowl's angle must be a number, got " + angle);
        if (!Double.isFinite(startX) || !Double.isFinite(startY)) {
            throw new IllegalArgumentException("the start point must be two numbers, got " + startX + ", " + startY);
        }
        rows = List.copyOf(rows);
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("the lab races 1 … " + MAX_ROWS + " optimizers, got " + rows.size());
        }
    }

    /**
     * One optimizer in the lab.
     *
     * @param method       one of {@link #METHODS}
     * @param learningRate γ, &gt; 0
     * @param parameters   named hyperparameters, each one the method takes (see {@link #PARAMETERS}), in the order given
     */
    public record Row(String method, double learningRate, Map<String, Double> parameters) {
        public Row {
            Objects.requireNonNull(method, "method");
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("unknown optimizer '" + method + "'; known: " + String.join(", ", METHODS));
            }
            if (!(learningRate > 0 && Double.isFinite(learningRate))) {
                throw new IllegalArgumentException("the learning rate of " + method + " must be a number > 0, got " + learningRate);
            }
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            List<String> takes = PARAMETERS.get(method);
            for (Map.Entry<String, Double> p : parameters.entrySet()) {
                if (!takes.contains(p.getKey())) {
                    throw new IllegalArgumentException("'" + p.getKey() + "' does not apply to " + method + " (it takes "
                            + (takes.isEmpty() ? "no hyperparameters" : String.join(", ", takes)) + ")");
                }
                checkParameter(p.getKey(), p.getValue());
            }
        }

        /** The row of this method with its usual learning rate: γ = 1 for the second-order methods, else 0.1. */
        public static Row of(String method) {
            return new Row(method, 1.0, Map.of()).withLearningRate(SECOND_ORDER.contains(method) ? 1.0 : 0.1);
        }

        public Row withLearningRate(double learningRate) {
            return new Row(method, learningRate, parameters);
        }

        /** A hyperparameter's value, or {@code fallback} if the lesson does not set it. */
        public double parameter(String name, double fallback) {
            Double v = parameters.get(name);
            return v == null ? fallback : v;
        }
    }

    private static void checkParameter(String name, double v) {
        String rule = switch (name) {
            case "momentum", "rho", "beta1", "beta2" -> v >= 0 && v < 1 ? null : "a number from 0 up to (not including) 1";
            case "epsilon" -> v > 0 && Double.isFinite(v) ? null : "a number > 0";
            case "damping", "decay-exp", "decay-inverse" -> v >= 0 && Double.isFinite(v) ? null : "a number ≥ 0";
            case "memory" -> v >= 1 && v <= 100 && v == Math.rint(v) ? null : "a whole number 1 … 100";
            default -> null;
        };
        if (rule != null) {
            throw new IllegalArgumentException(name + " must be " + rule + ", got " + String.format(Locale.ROOT, "%s", v));
        }
    }

    private static List<String> plus(String... names) {
        List<String> all = new ArrayList<>(List.of(names));
        all.addAll(DECAY);
        return List.copyOf(all);
    }

    public LabPreset withSurface(String surface) {
        return new LabPreset(surface, a, b, angle, startX, startY, rows);
    }

    public LabPreset withBowl(double a, double b, double angle) {
        return new LabPreset(surface, a, b, angle, startX, startY, rows);
    }

    public LabPreset withStart(double x, double y) {
        return new LabPreset(surface, a, b, angle, x, y, rows);
    }

    public LabPreset withRows(List<Row> rows) {
        return new LabPreset(surface, a, b, angle, startX, startY, rows);
    }
}
