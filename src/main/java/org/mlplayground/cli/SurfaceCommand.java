package org.mlplayground.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlplayground.optim.AdaGrad;
import org.mlplayground.optim.Adadelta;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Nesterov;
import org.mlplayground.optim.RmsProp;
import org.mlplayground.optim.RmsPropNesterov;
import org.mlplayground.optim.Schedule;
import org.mlplayground.surface.SecondOrder;
import org.mlplayground.surface.Surface;
import org.mlplayground.surface.Surfaces;
import org.mlplayground.surface.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code surface}: one optimizer on an analytic 2-D loss, printed as CSV {@code step,x,y,loss} with
 * step 0 the start point. Values are printed with {@link Double#toString}, the shortest text that reads
 * back as the same double. The optimizer is one of the first-order ones that train networks
 * ({@link Hyperparameters#IDS}) or a second-order method of {@link SecondOrder}, which chooses its own step
 * length and so takes no learning rate, schedule or clipping.
 */
@Command(name = "surface", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one optimizer on an analytic 2-D loss and print CSV step,x,y,loss (step 0 = start).")
final class SurfaceCommand implements Callable<Integer> {
    /** The second-order methods, in the order the error message lists them. */
    static final List<String> SECOND_ORDER = List.of("newton", "cg", "bfgs", "lbfgs");

    /** Every --optimizer id: the first-order ones, then the second-order ones. */
    static final List<String> OPTIMIZERS = concat(Hyperparameters.IDS, SECOND_ORDER);

    /** The options a second-order method does not take: it chooses its own step. */
    private static final List<String> STEP_OPTIONS = List.of("--lr", "--schedule", "--clip-value", "--clip-norm");

    /** L-BFGS's memory when --m is not given. */
    private static final int DEFAULT_MEMORY = 5;

    /** The optimizer-specific options each optimizer takes. */
    private static final Map<String, List<String>> OPTIONS_OF = Map.ofEntries(
            Map.entry("sgd", List.of()),
            Map.entry("momentum", List.of("--momentum")),
            Map.entry("nesterov", List.of("--momentum")),
            Map.entry("adagrad", List.of("--eps")),
            Map.entry("rmsprop", List.of("--rho", "--eps")),
            Map.entry("rmsprop-nesterov", List.of("--momentum", "--rho", "--eps")),
            Map.entry("adadelta", List.of("--rho", "--eps")),
            Map.entry("adam", List.of("--beta1", "--beta2", "--eps")),
            Map.entry("delta-bar-delta", List.of()),
            Map.entry("newton", List.of("--damping")),
            Map.entry("cg", List.of()),
            Map.entry("bfgs", List.of()),
            Map.entry("lbfgs", List.of("--m")));

    @Spec
    private CommandSpec spec;

    @Option(names = "--fn", paramLabel = "NAME", defaultValue = "bowl",
            description = "Loss surface: bowl = ½(A x'² + B y'²) turned by --angle, circle = x² + y², stretched = x² + 4y², "
                    + "saddle = x² − y², rosenbrock = (1−x)² + 100(y−x²)², beale, cliff (a flat valley ending in a "
                    + "steep wall), two-minima (a tilted double well), plateau = 1 − e^(−(x² + 2y²)/2) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String fn;

    @Option(names = "--a", paramLabel = "A", description = "Bowl curvature along x (> 0; default 1; --fn bowl only).")
    private Double a;

    @Option(names = "--b", paramLabel = "B", description = "Bowl curvature along y (> 0; default 4; --fn bowl only).")
    private Double b;

    @Option(names = "--angle", paramLabel = "DEG", description = "Bowl rotation in degrees (default 0; --fn bowl only).")
    private Double angle;

    @Option(names = "--start", paramLabel = "X,Y",
            description = "Start point (default: the surface's own, 1,1 on the bowls, -1.2,1 on rosenbrock).")
    private String start;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100",
            description = "Number of steps (≥ 0; default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--optimizer", paramLabel = "ID", defaultValue = "sgd",
            description = "sgd, momentum, nesterov, adagrad, rmsprop, rmsprop-nesterov, adadelta, adam, "
                    + "delta-bar-delta, or the second-order newton, cg, bfgs, lbfgs (default: ${DEFAULT-VALUE}).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "GAMMA", description = "Learning rate γ_0 (> 0; default: the optimizer's own).")
    private Double lr;

    @Option(names = "--momentum", paramLabel = "BETA", description = "Momentum β of momentum, nesterov, rmsprop-nesterov.")
    private Double momentum;

    @Option(names = "--rho", paramLabel = "RHO", description = "Decay ρ of rmsprop, rmsprop-nesterov, adadelta.")
    private Double rho;

    @Option(names = "--beta1", paramLabel = "BETA1", description = "Adam's β1.")
    private Double beta1;

    @Option(names = "--beta2", paramLabel = "BETA2", description = "Adam's β2.")
    private Double beta2;

    @Option(names = "--eps", paramLabel = "EPS", description = "ε of adagrad, rmsprop, rmsprop-nesterov, adadelta, adam.")
    private Double eps;

    @Option(names = "--damping", paramLabel = "LAMBDA",
            description = "Damped Newton: step −(∇²L + λI)⁻¹∇L (≥ 0; default: plain Newton, λ = 0).")
    private Double damping;

    @Option(names = "--m", paramLabel = "M", description = "Memory of lbfgs: the number of (s, y) pairs kept (≥ 1; default 5).")
    private Integer memory;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "constant",
            description = "constant, exp:ALPHA (γ_0 e^(−αk)), inverse:ALPHA (γ_0/(1+αk)), "
                    + "step:FACTOR:EVERY (γ_0 · FACTOR^⌊k/EVERY⌋) or cosine:PERIOD "
                    + "(γ_0/2 · (1 + cos(π (k mod PERIOD)/PERIOD)), restarted every PERIOD steps) (default: ${DEFAULT-VALUE}).")
    private String schedule;

    @Option(names = "--clip-value", paramLabel = "T|MIN,MAX",
            description = "Clamp every gradient component to [−T, T] or [MIN, MAX].")
    private String clipValue;

    @Option(names = "--clip-norm", paramLabel = "C|unit",
            description = "Cap the gradient's norm at C, or scale it to norm 1 with 'unit'.")
    private String clipNorm;

    @Override
    public Integer call() {
        Surface surface = surface();
        double[] w0 = start == null ? surface.start() : pair("--start", "X,Y", start);
        if (steps < 0) throw new IllegalArgumentException("--steps must be a whole number ≥ 0, got " + steps);
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'; known optimizers: " + String.join(", ", OPTIMIZERS));
        }
        checkOptionsApply();
        Trajectory trajectory = SECOND_ORDER.contains(optimizer) ? secondOrder(surface, w0) : firstOrder(surface, w0);
        PrintWriter out = spec.commandLine().getOut();
        out.println("step,x,y,loss");
        for (Trajectory.Point p : trajectory.points()) {
            out.println(p.step() + "," + p.x() + "," + p.y() + "," + p.loss());
        }
        if (trajectory.diverged()) {
            spec.commandLine().getErr().println("note: diverged at step " + trajectory.last().step()
                    + " (x, y or loss no longer finite); stopped there");
        }
        return 0;
    }

    private Surface surface() {
        if (!Surfaces.IDS.contains(fn)) {
            throw new IllegalArgumentException("unknown surface '" + fn + "' for --fn; known surfaces: " + String.join(", ", Surfaces.IDS));
        }
        if (fn.equals("bowl")) return Surfaces.bowl(a == null ? 1 : a, b == null ? 4 : b, angle == null ? 0 : angle);
        for (String option : List.of("--a", "--b", "--angle")) {
            if (given(option)) throw new IllegalArgumentException(option + " applies only to --fn bowl; " + fn + " has no parameters");
        }
        return Surfaces.of(fn);
    }

    /** True if the user typed this option. */
    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Every optimizer option given must be one the chosen optimizer takes. */
    private void checkOptionsApply() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("--momentum", momentum);
        given.put("--rho", rho);
        given.put("--beta1", beta1);
        given.put("--beta2", beta2);
        given.put("--eps", eps);
        given.put("--damping", damping);
        given.put("--m", memory);
        List<String> takes = OPTIONS_OF.get(optimizer);
        for (Map.Entry<String, Object> option : given.entrySet()) {
            if (option.getValue() != null && !takes.contains(option.getKey())) {
                throw new IllegalArgumentException(option.getKey() + " does not apply to --optimizer " + optimizer
                        + " (it takes " + (takes.isEmpty() ? "no optimizer options" : String.join(", ", takes)) + ")");
            }
        }
        if (SECOND_ORDER.contains(optimizer)) {
            for (String option : STEP_OPTIONS) {
                if (given(option)) {
                    throw new IllegalArgumentException(option + " does not apply to --optimizer " + optimizer
                            + " (a second-order method chooses its own step length)");
                }
            }
        }
    }

    private Trajectory firstOrder(Surface surface, double[] w0) {
        Hyperparameters settings = settings();
        double gamma = lr == null ? settings.defaultLearningRate() : lr;
        if (!(gamma > 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + show(gamma));
        }
        return Trajectory.run(surface, w0[0], w0[1], steps, settings.create(), schedule(gamma), clipping());
    }

    private Trajectory secondOrder(Surface surface, double[] w0) {
        if (damping != null && !(damping >= 0 && Double.isFinite(damping))) {
            throw new IllegalArgumentException("--damping must be a number ≥ 0, got " + show(damping));
        }
        if (memory != null && memory < 1) throw new IllegalArgumentException("--m must be a whole number ≥ 1, got " + memory);
        return switch (optimizer) {
            case "newton" -> damping == null ? SecondOrder.newton(surface, w0[0], w0[1], steps)
                    : SecondOrder.dampedNewton(surface, w0[0], w0[1], steps, damping);
            case "cg" -> SecondOrder.conjugateGradient(surface, w0[0], w0[1], steps);
            case "bfgs" -> SecondOrder.bfgs(surface, w0[0], w0[1], steps);
            case "lbfgs" -> SecondOrder.lbfgs(surface, w0[0], w0[1], steps, memory == null ? DEFAULT_MEMORY : memory);
            default -> throw new IllegalStateException("not a second-order method: " + optimizer);
        };
    }

    /** The first-order optimizer's settings: its defaults, overridden by the options given. */
    private Hyperparameters settings() {
        Hyperparameters defaults = Hyperparameters.defaults(optimizer);
        return switch (optimizer) {
            case "momentum" -> new Momentum.Settings(or(momentum, Momentum.Settings.DEFAULTS.beta()));
            case "nesterov" -> new Nesterov.Settings(or(momentum, Nesterov.Settings.DEFAULTS.beta()));
            case "adagrad" -> new AdaGrad.Settings(or(eps, AdaGrad.Settings.DEFAULTS.epsilon()));
            case "rmsprop" -> new RmsProp.Settings(or(rho, RmsProp.Settings.DEFAULTS.rho()),
                    or(eps, RmsProp.Settings.DEFAULTS.epsilon()));
            case "rmsprop-nesterov" -> new RmsPropNesterov.Settings(or(momentum, RmsPropNesterov.Settings.DEFAULTS.beta()),
                    or(rho, RmsPropNesterov.Settings.DEFAULTS.rho()), or(eps, RmsPropNesterov.Settings.DEFAULTS.epsilon()));
            case "adadelta" -> new Adadelta.Settings(or(rho, Adadelta.Settings.DEFAULTS.rho()),
                    or(eps, Adadelta.Settings.DEFAULTS.epsilon()));
            case "adam" -> new Adam.Settings(or(beta1, Adam.Settings.DEFAULTS.beta1()), or(beta2, Adam.Settings.DEFAULTS.beta2()),
                    or(eps, Adam.Settings.DEFAULTS.epsilon()));
            default -> defaults; // sgd and delta-bar-delta take no options here
        };
    }

    private Schedule schedule(double gamma) {
        String[] parts = schedule.split(":", -1);
        String form = "--schedule must be constant, exp:ALPHA, inverse:ALPHA, step:FACTOR:EVERY or cosine:PERIOD, got '"
                + schedule + "'";
        return switch (parts[0]) {
            case "constant" -> {
                if (parts.length != 1) throw new IllegalArgumentException(form);
                yield new Schedule.Constant(gamma);
            }
            case "exp", "inverse" -> {
                if (parts.length != 2) throw new IllegalArgumentException(form);
                double alpha = number("--schedule " + parts[0] + ":ALPHA", parts[1]);
                yield parts[0].equals("exp") ? new Schedule.Exponential(gamma, alpha) : new Schedule.Inverse(gamma, alpha);
            }
            case "step" -> {
                if (parts.length != 3) throw new IllegalArgumentException(form);
                double factor = number("--schedule step:FACTOR:EVERY's FACTOR", parts[1]);
                long every = steps("--schedule step:FACTOR:EVERY's EVERY", parts[2]);
                yield new Schedule.StepDecay(gamma, factor, every);
            }
            case "cosine" -> {
                if (parts.length != 2) throw new IllegalArgumentException(form);
                yield new Schedule.CyclicCosine(gamma, steps("--schedule cosine:PERIOD's PERIOD", parts[1]));
            }
            default -> throw new IllegalArgumentException(form);
        };
    }

    private Clipping clipping() {
        if (clipValue != null && clipNorm != null) {
            throw new IllegalArgumentException("--clip-value and --clip-norm cannot be combined; choose one");
        }
        if (clipValue != null) {
            if (!clipValue.contains(",")) {
                double t = number("--clip-value", clipValue);
                if (!(t > 0)) throw new IllegalArgumentException("--clip-value T must be a number > 0, got " + show(t));
                return Clipping.ByValue.symmetric(t);
            }
            double[] range = pair("--clip-value", "MIN,MAX", clipValue);
            return new Clipping.ByValue(range[0], range[1]);
        }
        if (clipNorm != null) {
            return clipNorm.equals("unit") ? new Clipping.UnitNorm() : new Clipping.ByNorm(number("--clip-norm", clipNorm));
        }
        return new Clipping.None();
    }

    private static double or(Double given, double fallback) {
        return given == null ? fallback : given;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Two finite numbers separated by a comma. */
    private static double[] pair(String option, String form, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(option + " must be two numbers " + form + " such as 1,1, got '" + text + "'");
        }
        return new double[] {number(option, parts[0]), number(option, parts[1])};
    }

    /** A finite number, or an error naming the option. */
    private static double number(String option, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, got '" + text + "'");
        }
        if (!Double.isFinite(value)) throw new IllegalArgumentException(option + " expects a finite number, got '" + text + "'");
        return value;
    }

    /** A whole number of steps, or an error naming the setting. */
    private static long steps(String setting, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be a whole number of steps, got '" + text + "'");
        }
    }

    /** -1.0 as "-1", 0.5 as "0.5": the number as a user would have typed it. */
    private static String show(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
