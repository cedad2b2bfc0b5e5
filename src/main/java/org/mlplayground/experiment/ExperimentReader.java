package org.mlplayground.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Feature;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.experiment.JsonTree.Arr;
import org.mlplayground.experiment.JsonTree.Bool;
import org.mlplayground.experiment.JsonTree.Node;
import org.mlplayground.experiment.JsonTree.Null;
import org.mlplayground.experiment.JsonTree.Num;
import org.mlplayground.experiment.JsonTree.Obj;
import org.mlplayground.experiment.JsonTree.Problem;
import org.mlplayground.experiment.JsonTree.Str;
import org.mlplayground.experiment.JsonTree.Where;
import org.mlplayground.optim.AdaGrad;
import org.mlplayground.optim.Adadelta;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.DeltaBarDelta;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Nesterov;
import org.mlplayground.optim.Optimizer;
import org.mlplayground.optim.RmsProp;
import org.mlplayground.optim.RmsPropNesterov;
import org.mlplayground.optim.Sgd;
import org.mlplayground.train.Augmentation;
import org.mlplayground.train.Checkpoint;
import org.mlplayground.train.DownsampledHistory;
import org.mlplayground.train.EarlyStopping;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.TrainingConfig;

/**
 * Reads what {@link ExperimentWriter} writes, strictly: every field is checked (type, range, known ids, sizes
 * that fit the network), unknown fields are refused, and the first problem is reported with where it is, e.g.
 * {@code line 12, column 21: 'config.learningRate' must be a number > 0, got -1}. A file that passes gives an
 * experiment whose trainer can be built and continued ({@link Experiment#trainer()} has been tried).
 *
 * <p>Layout (version {@value Experiment#FORMAT_VERSION}): {@code format}, {@code version}, {@code config} (the
 * {@link TrainingConfig}: {@code data} recipe, {@code features}, {@code standardize}, {@code hidden} layers,
 * {@code problem}, {@code initializer}, {@code optimizer} with its hyperparameters, {@code learningRate},
 * {@code batchSize}, {@code penalty}, {@code augmentation}, {@code earlyStopping}, {@code seed}), {@code data}
 * ({@code "source": "recipe"}, or {@code "points"} with the sets), and, once training has begun,
 * {@code state} (the {@link Checkpoint}) and {@code history} (the metrics). Numbers that may be undefined
 * (a test loss without a test set) may be the strings "NaN", "Infinity", "-Infinity".
 */
public final class ExperimentReader {
    private ExperimentReader() {
    }

    /**
     * @param source names the file in messages, e.g. "experiment.json"
     * @throws ExperimentFileException "{@code source}: line L, column C: what is wrong"
     */
    public static Experiment read(InputStream in, String source) throws ExperimentFileException, IOException {
        try {
            return experiment(JsonTree.parse(in));
        } catch (Problem p) {
            throw new ExperimentFileException(source + ": " + (p.where == null ? "" : p.where + ": ") + p.getMessage(), p);
        }
    }

    private static Experiment experiment(Node root) throws Problem {
        Obj top = object(root, "the experiment");
        Node format = top.fields().get("format");
        if (!(format instanceof Str s) || !s.value().equals(ExperimentWriter.FORMAT)) {
            throw new Problem(format == null ? top.where() : format.where(),
                    "not an MLP Playground experiment ('format' must be \"" + ExperimentWriter.FORMAT + "\")");
        }
        Node versionNode = require(top, "version", "");
        int version = integer(versionNode, "version", 1, Integer.MAX_VALUE);
        if (version > Experiment.FORMAT_VERSION) {
            throw new Problem(versionNode.where(), "format version " + version + " is newer than this app understands ("
                    + Experiment.FORMAT_VERSION + "); update the app");
        }
        allow(top, "", "format", "version", "config", "data", "state", "history");
        TrainingConfig config = config(object(require(top, "config", ""), "config"));
        Obj dataObj = object(require(top, "data", ""), "data");
        ExperimentData data = data(dataObj);
        Experiment fresh = new Experiment(config, data, null);
        DataRecipe.Parts parts = made(dataObj.where(), fresh::parts);
        if (config.problem().task() != fresh.task()) {
            throw new Problem(require(object(top.fields().get("config"), "config"), "problem", "config").where(),
                    "'config.problem' is " + config.problem().id() + ", which needs " + describe(config.problem().task())
                            + ", but the data has " + describe(fresh.task()));
        }
        Node stateNode = top.fields().get("state");
        Node historyNode = top.fields().get("history");
        if (stateNode == null || stateNode instanceof Null) {
            if (historyNode != null && !(historyNode instanceof Null)) {
                throw new Problem(historyNode.where(), "a 'history' needs the 'state' it belongs to");
            }
            check(top.where(), fresh::trainer);
            return fresh;
        }
        if (historyNode == null) throw new Problem(top.where(), "the experiment has a 'state' but no 'history'");
        int outputs = fresh.outputs(parts);
        Network shape = made(top.fields().get("config").where(), () -> Network.create(config.spec(outputs), config.init(), 0));
        Checkpoint state = state(object(stateNode, "state"), shape, parts.train().size(), config.earlyStopping(),
                history(object(historyNode, "history")));
        Experiment e = new Experiment(config, data, state);
        check(stateNode.where(), e::trainer);
        return e;
    }

    private static String describe(Generator.Task task) {
        return switch (task) {
            case BINARY -> "two classes (±1)";
            case MULTICLASS -> "class labels 0 … K−1";
            case REGRESSION -> "real-valued targets";
        };
    }

    // ---------------------------------------------------------------------------------------------- config

    private static TrainingConfig config(Obj c) throws Problem {
        String p = "config.";
        allow(c, "config", "data", "features", "standardize", "hidden", "problem", "initializer", "optimizer",
                "learningRate", "batchSize", "penalty", "augmentation", "earlyStopping", "seed");
        DataRecipe recipe = recipe(object(require(c, "data", "config"), p + "data"));
        Arr featureList = array(require(c, "features", "config"), p + "features");
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < featureList.items().size(); i++) {
            Node f = featureList.items().get(i);
            features.add(byId(f, p + "features[" + (i + 1) + "]", Feature::byId));
        }
        if (features.isEmpty()) throw new Problem(featureList.where(), "'config.features' must name at least one feature");
        if (Set.copyOf(features).size() != features.size()) {
            throw new Problem(featureList.where(), "'config.features' lists a feature twice");
        }
        boolean standardize = bool(require(c, "standardize", "config"), p + "standardize");
        Arr hiddenList = array(require(c, "hidden", "config"), p + "hidden");
        if (hiddenList.items().size() > TrainingConfig.MAX_HIDDEN_LAYERS) {
            throw new Problem(hiddenList.where(), "'config.hidden' has " + hiddenList.items().size()
                    + " layers; at most " + TrainingConfig.MAX_HIDDEN_LAYERS);
        }
        List<TrainingConfig.HiddenLayer> hidden = new ArrayList<>();
        for (int i = 0; i < hiddenList.items().size(); i++) hidden.add(hiddenLayer(hiddenList.items().get(i), i + 1));
        TrainingConfig.Problem problem = byId(require(c, "problem", "config"), p + "problem", TrainingConfig.Problem::byId);
        Initializer init = byId(require(c, "initializer", "config"), p + "initializer", Initializer::byId);
        Hyperparameters optimizer = optimizer(object(require(c, "optimizer", "config"), p + "optimizer"));
        double rate = number(require(c, "learningRate", "config"), p + "learningRate", v -> v > 0, "a number > 0");
        int batch = integer(require(c, "batchSize", "config"), p + "batchSize", 1, Integer.MAX_VALUE);
        Penalty penalty = penalty(object(require(c, "penalty", "config"), p + "penalty"));
        Augmentation augmentation = augmentation(object(require(c, "augmentation", "config"), p + "augmentation"));
        Node stopping = require(c, "earlyStopping", "config");
        EarlyStopping rule = null;
        if (!(stopping instanceof Null)) {
            Obj s = object(stopping, p + "earlyStopping");
            allow(s, p + "earlyStopping", "patience", "minDelta");
            int patience = integer(require(s, "patience", p + "earlyStopping"), p + "earlyStopping.patience", 1, Integer.MAX_VALUE);
            double minDelta = number(require(s, "minDelta", p + "earlyStopping"), p + "earlyStopping.minDelta", v -> v >= 0, "a number ≥ 0");
            rule = new EarlyStopping(patience, minDelta);
        }
        long seed = longValue(require(c, "seed", "config"), p + "seed");
        EarlyStopping finalRule = rule;
        return made(c.where(), () -> new TrainingConfig(recipe, features, standardize, hidden, problem, init, optimizer, rate,
                batch, penalty, augmentation, finalRule, seed));
    }

    private static DataRecipe recipe(Obj r) throws Problem {
        String p = "config.data";
        allow(r, p, "generator", "points", "noise", "trainShare", "validationShare", "seed", "classes");
        Generator generator = byId(require(r, "generator", p), p + ".generator", Generator::byId);
        int points = integer(require(r, "points", p), p + ".points", 2, 100_000);
        double noise = number(require(r, "noise", p), p + ".noise", v -> v >= 0 && v <= 1, "a number from 0 to 1");
        double train = number(require(r, "trainShare", p), p + ".trainShare", v -> v >= 0.1 && v <= 0.9, "a number from 0.1 to 0.9");
        double validation = number(require(r, "validationShare", p), p + ".validationShare", v -> v >= 0 && v <= 0.5,
                "a number from 0 to 0.5");
        long seed = longValue(require(r, "seed", p), p + ".seed");
        int classes = integer(require(r, "classes", p), p + ".classes", 0, 8);
        return made(r.where(), () -> new DataRecipe(generator, points, noise, train, validation, seed, classes));
    }

    private static TrainingConfig.HiddenLayer hiddenLayer(Node node, int l) throws Problem {
        String p = "config.hidden[" + l + "]";
        Obj h = object(node, p);
        allow(h, p, "neurons", "activation", "slope", "alpha", "dropout", "batchNorm");
        int size = integer(require(h, "neurons", p), p + ".neurons", 1, TrainingConfig.MAX_NEURONS);
        Node phiNode = require(h, "activation", p);
        Activation phi = byId(phiNode, p + ".activation", Activation::byName);
        if (!phi.elementwise()) throw new Problem(phiNode.where(), "'" + p + ".activation': softmax is for the output layer only");
        if (phi instanceof Activation.LeakyRelu && h.fields().containsKey("slope")) {
            double slope = number(h.fields().get("slope"), p + ".slope", Double::isFinite, "a number");
            phi = made(h.fields().get("slope").where(), () -> Activation.leakyRelu(slope));
        }
        if (phi instanceof Activation.Elu && h.fields().containsKey("alpha")) {
            double alpha = number(h.fields().get("alpha"), p + ".alpha", Double::isFinite, "a number");
            phi = made(h.fields().get("alpha").where(), () -> new Activation.Elu(alpha));
        }
        double dropout = number(require(h, "dropout", p), p + ".dropout", v -> v >= 0 && v < 1, "a number ≥ 0 and below 1");
        boolean batchNorm = bool(require(h, "batchNorm", p), p + ".batchNorm");
        return new TrainingConfig.HiddenLayer(size, phi, dropout, batchNorm);
    }

    private static Hyperparameters optimizer(Obj o) throws Problem {
        String p = "config.optimizer";
        Node idNode = require(o, "id", p);
        String id = string(idNode, p + ".id");
        if (!Hyperparameters.IDS.contains(id)) {
            throw new Problem(idNode.where(), "'" + p + ".id' is '" + id + "', not an optimizer this app knows ("
                    + String.join(", ", Hyperparameters.IDS) + ")");
        }
        List<String> names = switch (id) {
            case "sgd" -> List.of();
            case "momentum", "nesterov" -> List.of("beta");
            case "adagrad" -> List.of("epsilon");
            case "rmsprop", "adadelta" -> List.of("rho", "epsilon");
            case "rmsprop-nesterov" -> List.of("beta", "rho", "epsilon");
            case "adam" -> List.of("beta1", "beta2", "epsilon");
            default -> List.of("kappa", "phi", "theta");
        };
        List<String> allowed = new ArrayList<>(names);
        allowed.add("id");
        allow(o, p, allowed.toArray(String[]::new));
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(require(o, names.get(i), p), p + "." + names.get(i), Double::isFinite, "a number");
        }
        return made(o.where(), () -> switch (id) {
            case "sgd" -> Sgd.Settings.DEFAULTS;
            case "momentum" -> new Momentum.Settings(v[0]);
            case "nesterov" -> new Nesterov.Settings(v[0]);
            case "adagrad" -> new AdaGrad.Settings(v[0]);
            case "rmsprop" -> new RmsProp.Settings(v[0], v[1]);
            case "adadelta" -> new Adadelta.Settings(v[0], v[1]);
            case "rmsprop-nesterov" -> new RmsPropNesterov.Settings(v[0], v[1], v[2]);
            case "adam" -> new Adam.Settings(v[0], v[1], v[2]);
            default -> new DeltaBarDelta.Settings(v[0], v[1], v[2]);
        });
    }

    private static Penalty penalty(Obj o) throws Problem {
        String p = "config.penalty";
        Node kindNode = require(o, "kind", p);
        String kind = string(kindNode, p + ".kind");
        if (kind.equals("none")) {
            allow(o, p, "kind");
            return new Penalty.None();
        }
        if (!kind.equals("l1") && !kind.equals("l2")) {
            throw new Problem(kindNode.where(), "'" + p + ".kind' must be none, l1 or l2, got '" + kind + "'");
        }
        allow(o, p, "kind", "lambda");
        double lambda = number(require(o, "lambda", p), p + ".lambda", v -> v >= 0, "a number ≥ 0");
        return made(o.where(), () -> kind.equals("l1") ? new Penalty.L1(lambda) : new Penalty.L2(lambda));
    }

    private static Augmentation augmentation(Obj o) throws Problem {
        String p = "config.augmentation";
        allow(o, p, "inputNoise", "jitter", "rotationDegrees", "mirrorX", "mirrorY", "mixupAlpha", "labelSmoothing");
        DoublePredicate nonNegative = v -> v >= 0;
        double noise = number(require(o, "inputNoise", p), p + ".inputNoise", nonNegative, "a number ≥ 0");
        double jitter = number(require(o, "jitter", p), p + ".jitter", nonNegative, "a number ≥ 0");
        double rotation = number(require(o, "rotationDegrees", p), p + ".rotationDegrees", v -> v >= 0 && v <= 180,
                "a number from 0 to 180");
        boolean mirrorX = bool(require(o, "mirrorX", p), p + ".mirrorX");
        boolean mirrorY = bool(require(o, "mirrorY", p), p + ".mirrorY");
        double mixup = number(require(o, "mixupAlpha", p), p + ".mixupAlpha", nonNegative, "a number ≥ 0");
        double smoothing = number(require(o, "labelSmoothing", p), p + ".labelSmoothing", v -> v >= 0 && v < 1,
                "a number ≥ 0 and below 1");
        return new Augmentation(noise, jitter, rotation, mirrorX, mirrorY, mixup, smoothing);
    }

    // ------------------------------------------------------------------------------------------------ data

    private static ExperimentData data(Obj d) throws Problem {
        Node sourceNode = require(d, "source", "data");
        String source = string(sourceNode, "data.source");
        if (source.equals("recipe")) {
            allow(d, "data", "source");
            return new ExperimentData.FromRecipe();
        }
        if (!source.equals("points")) {
            throw new Problem(sourceNode.where(), "'data.source' must be \"recipe\" or \"points\", got '" + source + "'");
        }
        allow(d, "data", "source", "name", "task", "classNames", "inputNames", "plane", "train", "validation", "test");
        String name = string(require(d, "name", "data"), "data.name");
        Node taskNode = require(d, "task", "data");
        String taskId = string(taskNode, "data.task");
        Generator.Task task = switch (taskId) {
            case "binary" -> Generator.Task.BINARY;
            case "multiclass" -> Generator.Task.MULTICLASS;
            case "regression" -> Generator.Task.REGRESSION;
            default -> throw new Problem(taskNode.where(), "'data.task' must be binary, multiclass or regression, got '" + taskId + "'");
        };
        List<String> classNames = strings(require(d, "classNames", "data"), "data.classNames");
        List<String> inputNames = strings(require(d, "inputNames", "data"), "data.inputNames");
        Obj planeObj = object(require(d, "plane", "data"), "data.plane");
        allow(planeObj, "data.plane", "xMin", "xMax", "yMin", "yMax");
        double[] b = new double[4];
        String[] keys = {"xMin", "xMax", "yMin", "yMax"};
        for (int i = 0; i < 4; i++) b[i] = number(require(planeObj, keys[i], "data.plane"), "data.plane." + keys[i], Double::isFinite, "a number");
        ExperimentData.Bounds plane = made(planeObj.where(), () -> new ExperimentData.Bounds(b[0], b[1], b[2], b[3]));
        Dataset train = dataset(require(d, "train", "data"), "data.train", false);
        Dataset validation = dataset(require(d, "validation", "data"), "data.validation", true);
        Dataset test = dataset(require(d, "test", "data"), "data.test", true);
        for (Dataset set : new Dataset[] {train, validation, test}) {
            if (set == null) continue;
            for (int i = 0; i < set.size(); i++) {
                double y = set.y()[i];
                boolean ok = switch (task) {
                    case BINARY -> y == 1 || y == -1;
                    // Two Gaussian blobs keep the binary sets' −1/+1.
                    case MULTICLASS -> (y >= 0 || y == -1) && y == Math.rint(y) && y < 100;
                    case REGRESSION -> true;
                };
                if (!ok) {
                    throw new Problem(require(d, set == train ? "train" : set == test ? "test" : "validation", "data").where(),
                            "label " + (i + 1) + " of '" + set.name() + "' is " + y + ", but " + taskId + " data needs "
                                    + describe(task));
                }
            }
        }
        return new ExperimentData.Points(name, task, classNames, inputNames, train, validation, test, plane);
    }

    private static Dataset dataset(Node node, String p, boolean optional) throws Problem {
        if (optional && node instanceof Null) return null;
        Obj o = object(node, p);
        allow(o, p, "name", "classNames", "x", "y");
        String name = string(require(o, "name", p), p + ".name");
        List<String> classNames = strings(require(o, "classNames", p), p + ".classNames");
        Arr xs = array(require(o, "x", p), p + ".x");
        double[] y = finiteNumbers(require(o, "y", p), p + ".y");
        if (xs.items().size() != y.length) {
            throw new Problem(o.where(), "'" + p + "' has " + xs.items().size() + " points in 'x' but " + y.length + " labels in 'y'");
        }
        if (y.length == 0) throw new Problem(o.where(), "'" + p + "' has no points");
        double[][] x = new double[y.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = finiteNumbers(xs.items().get(i), p + ".x[" + (i + 1) + "]");
            if (x[i].length != 2) {
                throw new Problem(xs.items().get(i).where(), "point " + (i + 1) + " of '" + p + "' has " + x[i].length
                        + " coordinates; the playground's points have 2");
            }
        }
        return made(o.where(), () -> new Dataset(name, x, y, classNames));
    }

    // ----------------------------------------------------------------------------------------------- state

    private static Checkpoint state(Obj s, Network shape, int trainSize, EarlyStopping rule,
            DownsampledHistory.Saved<EpochMetrics> history)
            throws Problem {
        String p = "state";
        allow(s, p, "epoch", "step", "position", "order", "shuffleRandom", "remedyRandom", "weights",
                "batchNormStatistics", "optimizer", "lastBatchLoss", "earlyStopping");
        int epoch = integer(require(s, "epoch", p), "state.epoch", 0, Integer.MAX_VALUE);
        long step = longValue(require(s, "step", p), "state.step");
        if (step < 0) throw new Problem(s.fields().get("step").where(), "'state.step' must be 0 or more, got " + step);
        Node orderNode = require(s, "order", p);
        Arr orderList = array(orderNode, "state.order");
        if (orderList.items().size() != trainSize) {
            throw new Problem(orderNode.where(), "'state.order' has " + orderList.items().size()
                    + " entries, but there are " + trainSize + " training points");
        }
        int[] order = new int[trainSize];
        boolean[] seen = new boolean[trainSize];
        for (int i = 0; i < trainSize; i++) {
            Node item = orderList.items().get(i);
            order[i] = integer(item, "state.order[" + (i + 1) + "]", 0, trainSize - 1);
            if (seen[order[i]]) throw new Problem(item.where(), "'state.order' lists point " + order[i] + " twice");
            seen[order[i]] = true;
        }
        int position = integer(require(s, "position", p), "state.position", 0, trainSize - 1);
        Checkpoint.RandomState shuffle = random(object(require(s, "shuffleRandom", p), "state.shuffleRandom"), "state.shuffleRandom");
        Checkpoint.RandomState remedies = random(object(require(s, "remedyRandom", p), "state.remedyRandom"), "state.remedyRandom");
        List<Parameter> params = shape.parameters();
        List<double[]> weights = blocks(object(require(s, "weights", p), "state.weights"), params);
        List<double[]> statistics = statistics(require(s, "batchNormStatistics", p), "state.batchNormStatistics", shape);
        Optimizer.Memory memory = memory(object(require(s, "optimizer", p), "state.optimizer"), params);
        double lastBatchLoss = anyNumber(require(s, "lastBatchLoss", p), "state.lastBatchLoss");
        Node bestNode = require(s, "earlyStopping", p);
        Checkpoint.BestEpoch best = null;
        if (!(bestNode instanceof Null)) {
            String q = "state.earlyStopping";
            Obj b = object(bestNode, q);
            allow(b, q, "bestEpoch", "bestValidationLoss", "bestWeights", "bestStatistics", "stop");
            int bestEpoch = integer(require(b, "bestEpoch", q), q + ".bestEpoch", -1, Integer.MAX_VALUE);
            double bestLoss = anyNumber(require(b, "bestValidationLoss", q), q + ".bestValidationLoss");
            Node bw = require(b, "bestWeights", q);
            List<double[]> bestWeights = List.of();
            List<double[]> bestStatistics = List.of();
            if (!array(bw, q + ".bestWeights").items().isEmpty()) {
                bestWeights = list(bw, q + ".bestWeights", params.stream().map(Parameter::size).toList(),
                        params.stream().map(ExperimentReader::describe).toList());
                bestStatistics = statistics(require(b, "bestStatistics", q), q + ".bestStatistics", shape);
            }
            Node stopNode = require(b, "stop", q);
            EarlyStopping.Stop stop = null;
            if (!(stopNode instanceof Null)) {
                Obj st = object(stopNode, q + ".stop");
                allow(st, q + ".stop", "epoch", "bestEpoch", "bestValidationLoss");
                int at = integer(require(st, "epoch", q + ".stop"), q + ".stop.epoch", 0, Integer.MAX_VALUE);
                int kept = integer(require(st, "bestEpoch", q + ".stop"), q + ".stop.bestEpoch", 0, Integer.MAX_VALUE);
                double loss = anyNumber(require(st, "bestValidationLoss", q + ".stop"), q + ".stop.bestValidationLoss");
                if (rule == null) {
                    throw new Problem(stopNode.where(), "'" + q + ".stop' says early stopping ended the run, but "
                            + "'config.earlyStopping' is null");
                }
                stop = new EarlyStopping.Stop(at, kept, loss, rule);
            }
            best = new Checkpoint.BestEpoch(bestEpoch, bestLoss, bestWeights, bestStatistics, stop);
        }
        Checkpoint.BestEpoch finalBest = best;
        return made(s.where(), () -> new Checkpoint(step, epoch, position, order, shuffle, remedies, weights, statistics,
                memory, lastBatchLoss, history, finalBest));
    }

    private static Checkpoint.RandomState random(Obj r, String p) throws Problem {
        allow(r, p, "seed", "gamma");
        long seed = longValue(require(r, "seed", p), p + ".seed");
        Node gammaNode = require(r, "gamma", p);
        long gamma = longValue(gammaNode, p + ".gamma");
        if ((gamma & 1) == 0) throw new Problem(gammaNode.where(), "'" + p + ".gamma' must be an odd number, got " + gamma);
        return new Checkpoint.RandomState(seed, gamma);
    }

    /** "layer 2's W" for parameter W2. */
    private static String describe(Parameter p) {
        String what = p.name().substring(0, p.name().length() - String.valueOf(p.layer()).length());
        return "layer " + p.layer() + "'s " + what;
    }

    private static List<double[]> blocks(Obj o, List<Parameter> params) throws Problem {
        List<String> names = params.stream().map(Parameter::name).toList();
        for (Map.Entry<String, Node> f : o.fields().entrySet()) {
            if (!names.contains(f.getKey())) {
                throw new Problem(o.keys().get(f.getKey()), "the network has no parameter '" + f.getKey() + "' (it has "
                        + String.join(", ", names) + ")");
            }
        }
        List<double[]> values = new ArrayList<>();
        for (Parameter p : params) {
            Node node = o.fields().get(p.name());
            if (node == null) throw new Problem(o.where(), "'state.weights' has no '" + p.name() + "' (" + describe(p) + ")");
            double[] w = finiteNumbers(node, "state.weights." + p.name());
            if (w.length != p.size()) {
                throw new Problem(node.where(), describe(p) + " has " + w.length + " numbers, the network needs " + p.size());
            }
            values.add(w);
        }
        return values;
    }

    private static List<double[]> statistics(Node node, String p, Network shape) throws Problem {
        List<double[]> expected = shape.runningStatistics();
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= shape.depth(); l++) {
            if (shape.layer(l).batchNorm()) {
                names.add("layer " + l + "'s running mean");
                names.add("layer " + l + "'s running variance");
            }
        }
        return list(node, p, expected.stream().map(a -> a.length).toList(), names);
    }

    /** A list of number lists, as many and as long as {@code sizes} says. */
    private static List<double[]> list(Node node, String p, List<Integer> sizes, List<String> names) throws Problem {
        Arr a = array(node, p);
        if (a.items().size() != sizes.size()) {
            throw new Problem(a.where(), "'" + p + "' has " + a.items().size() + " lists, the network needs " + sizes.size());
        }
        List<double[]> values = new ArrayList<>();
        for (int b = 0; b < sizes.size(); b++) {
            double[] v = finiteNumbers(a.items().get(b), p + "[" + (b + 1) + "]");
            if (v.length != sizes.get(b)) {
                throw new Problem(a.items().get(b).where(), names.get(b) + " in '" + p + "' has " + v.length
                        + " numbers, the network needs " + sizes.get(b));
            }
            values.add(v);
        }
        return values;
    }

    private static Optimizer.Memory memory(Obj o, List<Parameter> params) throws Problem {
        String p = "state.optimizer";
        allow(o, p, "count", "blocks");
        long count = longValue(require(o, "count", p), p + ".count");
        if (count < 0) throw new Problem(o.fields().get("count").where(), "'" + p + ".count' must be 0 or more, got " + count);
        Arr blocks = array(require(o, "blocks", p), p + ".blocks");
        if (!blocks.items().isEmpty() && blocks.items().size() != params.size()) {
            throw new Problem(blocks.where(), "'" + p + ".blocks' has " + blocks.items().size()
                    + " blocks; the network has " + params.size() + " parameter blocks (or none before the first step)");
        }
        double[][][] arrays = new double[blocks.items().size()][][];
        for (int b = 0; b < arrays.length; b++) {
            Arr slots = array(blocks.items().get(b), p + ".blocks[" + (b + 1) + "]");
            arrays[b] = new double[slots.items().size()][];
            for (int s = 0; s < arrays[b].length; s++) {
                Node slot = slots.items().get(s);
                arrays[b][s] = finiteNumbers(slot, p + ".blocks[" + (b + 1) + "][" + (s + 1) + "]");
                if (arrays[b][s].length != params.get(b).size()) {
                    throw new Problem(slot.where(), "the optimizer's memory for " + describe(params.get(b)) + " has "
                            + arrays[b][s].length + " numbers, the network needs " + params.get(b).size());
                }
            }
        }
        return new Optimizer.Memory(count, arrays);
    }

    private static DownsampledHistory.Saved<EpochMetrics> history(Obj h) throws Problem {
        String p = "history";
        allow(h, p, "added", "stride", "first", "buckets", "latest", "pendingCount", "pendingSum");
        long added = longValue(require(h, "added", p), "history.added");
        long stride = longValue(require(h, "stride", p), "history.stride");
        EpochMetrics first = metrics(require(h, "first", p), "history.first");
        Arr bucketList = array(require(h, "buckets", p), "history.buckets");
        List<EpochMetrics> buckets = new ArrayList<>();
        for (int i = 0; i < bucketList.items().size(); i++) {
            EpochMetrics m = metrics(bucketList.items().get(i), "history.buckets[" + (i + 1) + "]");
            if (m == null) throw new Problem(bucketList.items().get(i).where(), "'history.buckets[" + (i + 1) + "]' must be an object");
            buckets.add(m);
        }
        EpochMetrics latest = metrics(require(h, "latest", p), "history.latest");
        long pending = longValue(require(h, "pendingCount", p), "history.pendingCount");
        EpochMetrics pendingSum = metrics(require(h, "pendingSum", p), "history.pendingSum");
        DownsampledHistory.Saved<EpochMetrics> saved = new DownsampledHistory.Saved<>(first, buckets, latest, stride, added,
                pending, pendingSum);
        // The history checks that its counts fit together.
        made(h.where(), () -> {
            new org.mlplayground.train.MetricHistory().restore(saved);
            return saved;
        });
        return saved;
    }

    private static EpochMetrics metrics(Node node, String p) throws Problem {
        if (node instanceof Null) return null;
        Obj m = object(node, p);
        allow(m, p, "epoch", "step", "trainLoss", "trainAccuracy", "testLoss", "testAccuracy", "penalty", "validationLoss",
                "validationAccuracy");
        int epoch = integer(require(m, "epoch", p), p + ".epoch", 0, Integer.MAX_VALUE);
        long step = longValue(require(m, "step", p), p + ".step");
        String[] names = {"trainLoss", "trainAccuracy", "testLoss", "testAccuracy", "penalty", "validationLoss", "validationAccuracy"};
        double[] v = new double[names.length];
        for (int i = 0; i < names.length; i++) v[i] = anyNumber(require(m, names[i], p), p + "." + names[i]);
        return new EpochMetrics(epoch, step, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    // ------------------------------------------------------------------------------------------ primitives

    private static Obj object(Node node, String name) throws Problem {
        if (node instanceof Obj o) return o;
        throw new Problem(node.where(), "'" + name + "' must be an object { … }, got " + got(node));
    }

    private static Arr array(Node node, String name) throws Problem {
        if (node instanceof Arr a) return a;
        throw new Problem(node.where(), "'" + name + "' must be a list [ … ], got " + got(node));
    }

    private static Node require(Obj o, String field, String owner) throws Problem {
        Node n = o.fields().get(field);
        if (n == null) {
            throw new Problem(o.where(), (owner.isEmpty() ? "the experiment" : "'" + owner + "'") + " has no '" + field + "'");
        }
        return n;
    }

    /** Refuses a field that is not one of {@code known}: a typo must not pass silently. */
    private static void allow(Obj o, String owner, String... known) throws Problem {
        List<String> names = Arrays.asList(known);
        for (String key : o.fields().keySet()) {
            if (!names.contains(key)) {
                throw new Problem(o.keys().get(key), "unknown field '" + key + "' in "
                        + (owner.isEmpty() ? "the experiment" : "'" + owner + "'") + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static String got(Node node) {
        if (node instanceof Num n) return n.text();
        if (node instanceof Str s) return "\"" + s.value() + "\"";
        if (node instanceof Bool b) return String.valueOf(b.value());
        return node.kind();
    }

    /** A finite number that passes {@code ok}; {@code rule} says in words what it must be. */
    private static double number(Node node, String name, DoublePredicate ok, String rule) throws Problem {
        if (!(node instanceof Num n) || !Double.isFinite(n.value()) || !ok.test(n.value())) {
            throw new Problem(node.where(), "'" + name + "' must be " + rule + ", got " + got(node));
        }
        return n.value();
    }

    /** A number, or "NaN", "Infinity", "-Infinity" (what the writer puts for undefined values). */
    private static double anyNumber(Node node, String name) throws Problem {
        if (node instanceof Num n) return n.value();
        if (node instanceof Str s) {
            switch (s.value()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new Problem(node.where(), "'" + name + "' must be a number (or \"NaN\"), got " + got(node));
    }

    private static double[] finiteNumbers(Node node, String name) throws Problem {
        Arr a = array(node, name);
        double[] v = new double[a.items().size()];
        for (int i = 0; i < v.length; i++) {
            Node item = a.items().get(i);
            if (!(item instanceof Num n) || !Double.isFinite(n.value())) {
                throw new Problem(item.where(), "number " + (i + 1) + " of '" + name + "' must be a finite number, got " + got(item));
            }
            v[i] = n.value();
        }
        return v;
    }

    private static int integer(Node node, String name, int min, int max) throws Problem {
        String range = max == Integer.MAX_VALUE ? "a whole number ≥ " + min : "a whole number from " + min + " to " + max;
        if (!(node instanceof Num n) || !n.integral() || n.longValue() < min || n.longValue() > max) {
            throw new Problem(node.where(), "'" + name + "' must be " + range + ", got " + got(node));
        }
        return (int) n.longValue();
    }

    private static long longValue(Node node, String name) throws Problem {
        if (!(node instanceof Num n) || !n.integral()) {
            throw new Problem(node.where(), "'" + name + "' must be a whole number, got " + got(node));
        }
        return n.longValue();
    }

    private static boolean bool(Node node, String name) throws Problem {
        if (node instanceof Bool b) return b.value();
        throw new Problem(node.where(), "'" + name + "' must be true or false, got " + got(node));
    }

    private static String string(Node node, String name) throws Problem {
        if (node instanceof Str s) return s.value();
        throw new Problem(node.where(), "'" + name + "' must be text in quotes, got " + got(node));
    }

    private static List<String> strings(Node node, String name) throws Problem {
        Arr a = array(node, name);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < a.items().size(); i++) values.add(string(a.items().get(i), name + "[" + (i + 1) + "]"));
        return values;
    }

    private interface Lookup<T> {
        T byId(String id);
    }

    /** An enum-like value by its id; the domain's own message lists the known ids. */
    private static <T> T byId(Node node, String name, Lookup<T> lookup) throws Problem {
        String id = string(node, name);
        try {
            return lookup.byId(id);
        } catch (IllegalArgumentException e) {
            throw new Problem(node.where(), "'" + name + "': " + e.getMessage());
        }
    }

    /** Builds a value whose constructor checks it, reporting its message at {@code where}. */
    private static <T> T made(Where where, Supplier<T> make) throws Problem {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new Problem(where, e.getMessage());
        }
    }

    private static void check(Where where, Supplier<?> make) throws Problem {
        made(where, make);
    }

}
