package org.mlplayground.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Feature;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.optim.AdaGrad;
import org.mlplayground.optim.Adadelta;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.DeltaBarDelta;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Nesterov;
import org.mlplayground.optim.RmsProp;
import org.mlplayground.optim.RmsPropNesterov;
import org.mlplayground.train.Augmentation;
import org.mlplayground.train.EarlyStopping;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingConfig.HiddenLayer;
import org.mlplayground.train.TrainingConfig.Problem;

/**
 * The preset keys of a lesson (documented in lessons/README.md), applied one by one to a config and a lab
 * setup: the header's keys on top of the playground's defaults, a task's {@code set:} lines on top of the
 * config before it. Each key checks its value's form at once; what depends on several keys (an optimizer's
 * hyperparameters, a problem type that must fit the data) is checked when the config is built, at the line of
 * the key that decides.
 */
final class PresetDraft {
    /** Keys that change the training config. */
    static final List<String> CONFIG_KEYS = List.of("data", "points", "noise", "train-share", "validation-share",
            "data-seed", "classes", "features", "standardize", "hidden", "problem", "init", "optimizer", "momentum", "rho",
            "beta1", "beta2", "epsilon", "kappa", "phi", "theta", "learning-rate", "batch-size", "penalty", "lambda",
            "input-noise", "jitter", "rotation", "mirror", "mixup", "label-smoothing", "early-stopping", "min-delta", "seed");
    /** Keys that change the optimizer lab's setup. */
    static final List<String> LAB_KEYS = List.of("lab-surface", "lab-a", "lab-b", "lab-angle", "lab-start", "lab-optimizer");
    /** The hyperparameter keys each optimizer takes. */
    private static final Map<String, List<String>> OPTIMIZER_KEYS = Map.of(
            "sgd", List.of(),
            "momentum", List.of("momentum"),
            "nesterov", List.of("momentum"),
            "adagrad", List.of("epsilon"),
            "rmsprop", List.of("rho", "epsilon"),
            "rmsprop-nesterov", List.of("momentum", "rho", "epsilon"),
            "adadelta", List.of("rho", "epsilon"),
            "adam", List.of("beta1", "beta2", "epsilon"),
            "delta-bar-delta", List.of("kappa", "phi", "theta"));

    private final TrainingConfig base;
    private Generator generator;
    private int points;
    private double noise, trainShare, validationShare;
    private long dataSeed;
    private int classes;
    private List<Feature> features;
    private boolean standardize;
    private List<HiddenLayer> hidden;
    private Problem problem;
    private boolean problemSet;
    private Initializer init;
    private String optimizerId;
    private final Map<String, Double> optimizerValues = new LinkedHashMap<>();
    private Double learningRate;
    private int batchSize;
    private String penaltyId;
    private Double lambda;
    private Augmentation augmentation;
    private Integer patience;
    private Double minDelta;
    private long seed;
    /** The line each key was last set on, for errors found when building. */
    private final Map<String, Integer> lines = new HashMap<>();

    private LabPreset lab;
    private final List<LabPreset.Row> labRows = new ArrayList<>();
    private boolean labTouched;

    /** A draft that starts from {@code config} and {@code lab} (null: the lab's default, used once a lab key is set). */
    PresetDraft(TrainingConfig config, LabPreset lab) {
        base = config;
        DataRecipe d = config.data();
        generator = d.generator();
        points = d.points();
        noise = d.noise();
        trainShare = d.trainShare();
        validationShare = d.validationShare();
        dataSeed = d.seed();
        classes = d.classes();
        features = config.features();
        standardize = config.standardize();
        hidden = config.hidden();
        problem = config.problem();
        init = config.init();
        optimizerId = config.optimizer().id();
        batchSize = config.batchSize();
        penaltyId = config.penalty().id();
        augmentation = config.augmentation();
        seed = config.seed();
        this.lab = lab;
    }

    static boolean isKey(String key) {
        return CONFIG_KEYS.contains(key) || LAB_KEYS.contains(key);
    }

    /**
     * Applies one key.
     *
     * @throws LineError saying what is wrong with the value, at {@code line}
     */
    void set(String key, String value, int line) {
        try {
            apply(key, value.strip());
        } catch (IllegalArgumentException e) {
            throw new LineError(line, e.getMessage());
        }
        lines.put(key, line);
    }

    private void apply(String key, String v) {
        switch (key) {
            case "data" -> {
                generator = Generator.byId(v);
                classes = generator.defaultClasses();
                if (!problemSet) problem = Problem.defaultFor(generator.task());
            }
            case "points" -> points = (int) whole(key, v, 2, 100_000);
            case "noise" -> noise = number(key, v, 0, 1, "a number 0 … 1");
            case "train-share" -> trainShare = share(key, v, 0.1, 0.9, "10 … 90 %");
            case "validation-share" -> validationShare = share(key, v, 0, 0.5, "0 … 50 %");
            case "data-seed" -> dataSeed = whole(key, v, Long.MIN_VALUE, Long.MAX_VALUE);
            case "classes" -> classes = (int) whole(key, v, 2, 8);
            case "features" -> features = features(v);
            case "standardize" -> standardize = yesNo(key, v);
            case "hidden" -> hidden = hidden(v);
            case "problem" -> {
                problem = Problem.byId(v.strip());
                problemSet = true;
            }
            case "init" -> init = Initializer.byId(v);
            case "optimizer" -> {
                String id = v.toLowerCase(Locale.ROOT);
                Hyperparameters.defaults(id); // names the known optimizers if it is not one
                optimizerId = id;
            }
            case "momentum", "rho", "beta1", "beta2", "kappa", "phi", "theta" ->
                    optimizerValues.put(key, number(key, v, 0, Math.nextDown(1.0), "a number from 0 up to (not including) 1"));
            case "epsilon" -> optimizerValues.put(key, positive(key, v));
            case "learning-rate" -> learningRate = positive(key, v);
            case "batch-size" -> batchSize = (int) whole(key, v, 1, 100_000);
            case "penalty" -> {
                penaltyId = v.toLowerCase(Locale.ROOT);
                Penalty.of(penaltyId, 0); // names the known penalties if it is not one
            }
            case "lambda" -> lambda = number(key, v, 0, Double.MAX_VALUE, "a number ≥ 0");
            case "input-noise" -> augmentation = augmentation.withInputNoise(number(key, v, 0, Double.MAX_VALUE, "a number ≥ 0"));
            case "jitter" -> augmentation = augmentation.withJitter(number(key, v, 0, Double.MAX_VALUE, "a number ≥ 0"));
            case "rotation" -> augmentation = augmentation.withRotation(number(key, v, 0, 180, "an angle 0 … 180 (degrees)"));
            case "mirror" -> augmentation = switch (v.toLowerCase(Locale.ROOT)) {
                case "none" -> augmentation.withMirror(false, false);
                case "x" -> augmentation.withMirror(true, false);
                case "y" -> augmentation.withMirror(false, true);
                case "both" -> augmentation.withMirror(true, true);
                default -> throw new IllegalArgumentException("mirror must be none, x, y or both, got '" + v + "'");
            };
            case "mixup" -> augmentation = augmentation.withMixup(number(key, v, 0, Double.MAX_VALUE, "a number ≥ 0"));
            case "label-smoothing" -> augmentation = augmentation.withLabelSmoothing(
                    number(key, v, 0, Math.nextDown(1.0), "a number from 0 up to (not including) 1"));
            case "early-stopping" -> patience = v.equalsIgnoreCase("off") ? Integer.valueOf(0)
                    : Integer.valueOf((int) whole(key, v, 1, 100_000, "a whole number of epochs ≥ 1, or off"));
            case "min-delta" -> minDelta = number(key, v, 0, Double.MAX_VALUE, "a number ≥ 0");
            case "seed" -> seed = whole(key, v, Long.MIN_VALUE, Long.MAX_VALUE);
            case "lab-surface" -> lab = lab().withSurface(v.toLowerCase(Locale.ROOT));
            case "lab-a" -> lab = lab().withBowl(positive(key, v), lab().b(), lab().angle());
            case "lab-b" -> lab = lab().withBowl(lab().a(), positive(key, v), lab().angle());
            case "lab-angle" -> lab = lab().withBowl(lab().a(), lab().b(), number(key, v, -360, 360, "an angle −360 … 360 (degrees)"));
            case "lab-start" -> {
                double[] xy = pair(key, v);
                lab = lab().withStart(xy[0], xy[1]);
            }
            case "lab-optimizer" -> {
                LabPreset current = lab();
                labRows.add(row(v));
                if (labRows.size() > LabPreset.MAX_ROWS) {
                    throw new IllegalArgumentException("the lab races at most " + LabPreset.MAX_ROWS + " optimizers");
                }
                lab = current.withRows(labRows);
            }
            default -> throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        if (LAB_KEYS.contains(key)) labTouched = true;
    }

    private LabPreset lab() {
        if (lab == null) lab = LabPreset.DEFAULT;
        return lab;
    }

    /** The lab setup, or null if it started without one and no lab key was set. */
    LabPreset labPreset() {
        return labTouched || lab != null ? lab() : null;
    }

    /**
     * The config these keys make.
     *
     * @throws LineError at the line of the key that cannot go with the others
     */
    TrainingConfig config() {
        DataRecipe data = build("data", () -> new DataRecipe(generator, points, noise, trainShare, validationShare, dataSeed,
                classes));
        if (lines.containsKey("classes") && generator != Generator.BLOBS) {
            throw new LineError(lines.get("classes"), "classes applies to the Gaussian blobs only (data: blobs)");
        }
        if (problem.task() != generator.task()) {
            String key = lines.containsKey("problem") ? "problem" : "data";
            throw new LineError(line(key), "problem " + problem.id() + " needs " + describe(problem.task()) + " data, but '"
                    + generator.id() + "' is " + describe(generator.task()));
        }
        Hyperparameters optimizer = build("optimizer", this::optimizer);
        double rate = learningRate != null ? learningRate
                : lines.containsKey("optimizer") ? Hyperparameters.defaults(optimizerId).defaultLearningRate()
                : base.learningRate();
        Penalty penalty = build("penalty", () -> Penalty.of(penaltyId, lambda != null ? lambda
                : penaltyId.equals(base.penalty().id()) ? base.penalty().lambda() : 0));
        if (lambda != null && lambda > 0 && penalty instanceof Penalty.None) {
            throw new LineError(line("lambda"), "lambda has no effect without a penalty: add 'penalty: l2' or 'penalty: l1'");
        }
        EarlyStopping early = base.earlyStopping();
        if (patience != null) {
            early = patience == 0 ? null : new EarlyStopping(patience, minDelta != null ? minDelta : 0);
        } else if (minDelta != null) {
            if (early == null) throw new LineError(line("min-delta"), "min-delta needs early-stopping (e.g. 'early-stopping: 20')");
            early = new EarlyStopping(early.patience(), minDelta);
        }
        if (early != null && data.validationShare() == 0) {
            throw new LineError(line(patience != null ? "early-stopping" : "validation-share"),
                    "early stopping watches the validation loss: set a validation share, e.g. 'validation-share: 20 %'");
        }
        EarlyStopping stopping = early;
        return build("features", () -> new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, rate,
                batchSize, penalty, augmentation, stopping, seed));
    }

    private Hyperparameters optimizer() {
        List<String> takes = OPTIMIZER_KEYS.get(optimizerId);
        for (Map.Entry<String, Double> given : optimizerValues.entrySet()) {
            if (!takes.contains(given.getKey())) {
                throw new LineError(line(given.getKey()), given.getKey() + " does not apply to optimizer " + optimizerId
                        + " (it takes " + (takes.isEmpty() ? "no hyperparameters" : String.join(", ", takes)) + ")");
            }
        }
        Hyperparameters start = optimizerId.equals(base.optimizer().id()) ? base.optimizer()
                : Hyperparameters.defaults(optimizerId);
        if (start instanceof Momentum.Settings m) return new Momentum.Settings(value("momentum", m.beta()));
        if (start instanceof Nesterov.Settings n) return new Nesterov.Settings(value("momentum", n.beta()));
        if (start instanceof AdaGrad.Settings a) return new AdaGrad.Settings(value("epsilon", a.epsilon()));
        if (start instanceof RmsProp.Settings r) return new RmsProp.Settings(value("rho", r.rho()), value("epsilon", r.epsilon()));
        if (start instanceof RmsPropNesterov.Settings r) {
            return new RmsPropNesterov.Settings(value("momentum", r.beta()), value("rho", r.rho()), value("epsilon", r.epsilon()));
        }
        if (start instanceof Adadelta.Settings a) return new Adadelta.Settings(value("rho", a.rho()), value("epsilon", a.epsilon()));
        if (start instanceof Adam.Settings a) {
            return new Adam.Settings(value("beta1", a.beta1()), value("beta2", a.beta2()), value("epsilon", a.epsilon()));
        }
        if (start instanceof DeltaBarDelta.Settings d) {
            return new DeltaBarDelta.Settings(value("kappa", d.kappa()), value("phi", d.phi()), value("theta", d.theta()));
        }
        return start;
    }

    private double value(String key, double fallback) {
        Double v = optimizerValues.get(key);
        return v == null ? fallback : v;
    }

    private int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    /** Runs a constructor; its complaint is reported at the line of {@code key}. */
    private <T> T build(String key, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (LineError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new LineError(line(key), e.getMessage());
        }
    }

    private static String describe(Generator.Task task) {
        return switch (task) {
            case BINARY -> "binary (two-class)";
            case MULTICLASS -> "multi-class";
            case REGRESSION -> "regression";
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Values.

    static double number(String key, String v, double min, double max, String rule) {
        double x;
        try {
            x = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + rule + ", got '" + v + "'");
        }
        if (!(x >= min && x <= max) || Double.isNaN(x)) throw new IllegalArgumentException(key + " must be " + rule + ", got '" + v + "'");
        return x;
    }

    static double positive(String key, String v) {
        double x = number(key, v, Double.MIN_VALUE, Double.MAX_VALUE, "a number > 0");
        return x;
    }

    static long whole(String key, String v, long min, long max) {
        return whole(key, v, min, max, min == Long.MIN_VALUE ? "a whole number" : "a whole number " + min + " … " + max);
    }

    static long whole(String key, String v, long min, long max, String rule) {
        long x;
        try {
            x = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + rule + ", got '" + v + "'");
        }
        if (x < min || x > max) throw new IllegalArgumentException(key + " must be " + rule + ", got '" + v + "'");
        return x;
    }

    /** A share written as a fraction (0.5) or a percentage (50 %). */
    private static double share(String key, String v, double min, double max, String rule) {
        String s = v.strip();
        boolean percent = s.endsWith("%");
        if (percent) s = s.substring(0, s.length() - 1).strip();
        double x;
        try {
            x = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + rule + " (as 50 % or 0.5), got '" + v + "'");
        }
        if (percent) x /= 100;
        if (!(x >= min - 1e-12 && x <= max + 1e-12)) {
            throw new IllegalArgumentException(key + " must be " + rule + " (as 50 % or 0.5), got '" + v + "'");
        }
        return x;
    }

    static boolean yesNo(String key, String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> true;
            case "no", "false", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be yes or no, got '" + v + "'");
        };
    }

    private static double[] pair(String key, String v) {
        String[] parts = v.split(",");
        if (parts.length != 2) throw new IllegalArgumentException(key + " must be two numbers x, y, got '" + v + "'");
        return new double[] {number(key, parts[0], -1e6, 1e6, "two numbers x, y"), number(key, parts[1], -1e6, 1e6, "two numbers x, y")};
    }

    private static List<Feature> features(String v) {
        List<Feature> list = new ArrayList<>();
        for (String part : v.split(",")) {
            if (part.isBlank()) throw new IllegalArgumentException("features must be a list like 'x1, x2, x1*x2', got '" + v + "'");
            Feature f = Feature.byId(part.strip());
            if (list.contains(f)) throw new IllegalArgumentException("feature " + f.id() + " is listed twice");
            list.add(f);
        }
        return list;
    }

    /** {@code none}, or layers like {@code 4 tanh, 2 relu dropout 0.2 batch-norm}. */
    static List<HiddenLayer> hidden(String v) {
        if (v.isBlank() || v.strip().equalsIgnoreCase("none")) return List.of();
        List<HiddenLayer> layers = new ArrayList<>();
        String[] items = v.split(",");
        if (items.length > TrainingConfig.MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("at most " + TrainingConfig.MAX_HIDDEN_LAYERS + " hidden layers, got " + items.length);
        }
        for (int l = 0; l < items.length; l++) {
            String[] words = items[l].strip().split("\\s+");
            String where = "hidden layer " + (l + 1) + " ('" + items[l].strip() + "')";
            int size;
            try {
                size = Integer.parseInt(words[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + " must start with its number of neurons, e.g. '4 tanh'");
            }
            if (size < 1 || size > TrainingConfig.MAX_NEURONS) {
                throw new IllegalArgumentException(where + ": a hidden layer has 1 … " + TrainingConfig.MAX_NEURONS + " neurons");
            }
            Activation phi = Activation.tanh();
            double dropout = 0;
            boolean batchNorm = false;
            for (int i = 1; i < words.length; i++) {
                String w = words[i].toLowerCase(Locale.ROOT);
                if (w.equals("dropout")) {
                    if (i + 1 >= words.length) throw new IllegalArgumentException(where + ": dropout needs a rate, e.g. 'dropout 0.2'");
                    dropout = number("the dropout rate of " + where, words[++i], 0, Math.nextDown(1.0),
                            "a number from 0 up to (not including) 1");
                } else if (w.equals("batch-norm") || w.equals("batchnorm")) {
                    batchNorm = true;
                } else if (i == 1) {
                    try {
                        phi = Activation.byName(w);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ": " + e.getMessage());
                    }
                    if (!phi.elementwise()) throw new IllegalArgumentException(where + ": softmax is for the output layer only");
                } else {
                    throw new IllegalArgumentException(where + ": unexpected '" + words[i]
                            + "' (a layer is: neurons, activation, then optionally 'dropout 0.2' and 'batch-norm')");
                }
            }
            layers.add(new HiddenLayer(size, phi, dropout, batchNorm));
        }
        return layers;
    }

    /** {@code momentum lr 0.05 momentum 0.9}: the method, then names and values. */
    private static LabPreset.Row row(String v) {
        String[] words = v.strip().split("\\s+");
        String method = words[0].toLowerCase(Locale.ROOT);
        if (!LabPreset.METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown optimizer '" + words[0] + "'; known: " + String.join(", ", LabPreset.METHODS));
        }
        if (words.length % 2 == 0) {
            throw new IllegalArgumentException("lab-optimizer is the method, then pairs of name and value "
                    + "(e.g. 'momentum lr 0.05 momentum 0.9'), got '" + v + "'");
        }
        LabPreset.Row row = LabPreset.Row.of(method);
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i += 2) {
            String name = words[i].toLowerCase(Locale.ROOT);
            if (name.equals("lr") || name.equals("learning-rate")) {
                row = row.withLearningRate(positive(method + "'s learning rate", words[i + 1]));
            } else {
                parameters.put(name, number(method + "'s " + name, words[i + 1], -Double.MAX_VALUE, Double.MAX_VALUE, "a number"));
            }
        }
        return new LabPreset.Row(method, row.learningRate(), parameters);
    }
}
