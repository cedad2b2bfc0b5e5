package org.mlplayground.cli;

import java.io.PrintWriter;
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
import org.mlplayground.surface.EllipticalBowl;
import org.mlplayground.surface.Surface;
import org.mlplayground.surface.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code surface}: one optimizer on an analytic 2-D loss, printed as CSV {@code step,x,y,loss} with
 * step 0 the start point. Values are printed with {@link Double#toString}, the shortest text that reads
 * back as the same double.
 */
@Command(name = "surface", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one optimizer on an analytic 2-D loss and print CSV step,x,y,loss (step 0 = start).")
final class SurfaceCommand implements Callable<Integer> {
    /** Every --fn name, in the order the error message lists them. */
    static final List<String> SURFACES = List.of("bowl");

    /** The optimizer-specific options each optimizer takes. */
    private static final Map<String, List<String>> OPTIONS_OF = Map.of(
            "sgd", List.of(),
            "momentum", List.of("--momentum"),
            "nesterov", List.of("--momentum"),
            "adagrad", List.of("--eps"),
            "rmsprop", List.of("--rho", "--eps"),
            "rmsprop-nesterov", List.of("--momentum", "--rho", "--eps"),
            "adadelta", List.of("--rho", "--eps"),
            "adam", List.of("--beta1", "--beta2", "--eps"),
            "delta-bar-delta", List.of());

    @Spec
    private CommandSpec spec;

    @Option(names = "--fn", paramLabel = "NAME", defaultValue = "bowl",
            description = "Loss surface: bowl = ½(A x'² + B y'²), the bowl turned by --angle (default: ${DEFAULT-VALUE}).")
    private String fn;

    @Option(names = "--a", paramLabel = "A", description = "Bowl curvature along x (> 0; default 1).")
    private Double a;

    @Option(names = "--b", paramLabel = "B", description = "Bowl curvature along y (> 0; default 4).")
    private Double b;

    @Option(names = "--angle", paramLabel = "DEG", description = "Bowl rotation in degrees (default 0).")
    private Double angle;

    @Option(names = "--start", paramLabel = "X,Y", defaultValue = "1,1",
            description = "Start point (default: ${DEFAULT-VALUE}).")
    private String start;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100",
            description = "Number of steps (≥ 0; default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--optimizer", paramLabel = "ID", defaultValue = "sgd",
            description = "sgd, momentum, nesterov, adagrad, rmsprop, rmsprop-nesterov, adadelta, adam or "
                    + "delta-bar-delta (default: ${DEFAULT-VALUE}).")
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
        double[] w0 = pair("--start", "X,Y", start);
        if (steps < 0) throw new IllegalArgumentException("--steps must be a whole number ≥ 0, got " + steps);
        Hyperparameters settings = settings();
        double gamma = lr == null ? settings.defaultLearningRate() : lr;
        if (!(gamma > 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + show(gamma));
        }
        Schedule rates = schedule(gamma);
        Clipping clipping = clipping();

        Trajectory trajectory = Trajectory.run(surface, w0[0], w0[1], steps, settings.create(), rates, clipping);
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
        return switch (fn) {
            case "bowl" -> new EllipticalBowl(a == null ? 1 : a, b == null ? 4 : b, angle == null ? 0 : angle);
            default -> throw new IllegalArgumentException("unknown surface '" + fn + "' for --fn; known surfaces: "
                    + String.join(", ", SURFACES));
        };
    }

    /** The optimizer's settings: its defaults, overridden by the options given, which must all apply to it. */
    private Hyperparameters settings() {
        Hyperparameters defaults = Hyperparameters.defaults(optimizer);
        Map<String, Double> given = new LinkedHashMap<>();
        given.put("--momentum", momentum);
        given.put("--rho", rho);
        given.put("--beta1", beta1);
        given.put("--beta2", beta2);
        given.put("--eps", eps);
        List<String> takes = OPTIONS_OF.get(optimizer);
        for (Map.Entry<String, Double> option : given.entrySet()) {
            if (option.getValue() != null && !takes.contains(option.getKey())) {
                throw new IllegalArgumentException(option.getKey() + " does not apply to --optimizer " + optimizer
                        + " (it takes " + (takes.isEmpty() ? "no optimizer options" : String.join(", ", takes)) + ")");
            }
        }
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
