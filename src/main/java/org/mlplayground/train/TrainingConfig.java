package org.mlplayground.train;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Feature;
import org.mlplayground.data.FeatureMap;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Schedule;
import org.mlplayground.optim.Sgd;

/**
 * Every choice of a playground run as one immutable value: the data recipe, the input features, the hidden
 * layers, the problem type (which fixes the output activation and the loss), the initialiser, the optimizer
 * with its learning rate, the batch size, the weight penalty, the remedies and the seed. Equal configs give
 * equal runs, number for number.
 *
 * <p>Two kinds of change: {@link #resetsWeights(TrainingConfig) some} (data, features, architecture,
 * initialiser, seed, problem) make new weights, as the student expects when the network itself changes;
 * the rest ({@link #settings()}: optimizer, learning rate, batch size, penalty, dropout, augmentation, early
 * stopping) apply live, between two mini-batches.
 *
 * @param data        the generator, number of points, noise, training share and seed of the data
 * @param features    the network's inputs, computed from (x₁, x₂); at least one, no repeats
 * @param standardize whether the inputs are standardised with the training set's mean and deviation
 * @param hidden      hidden layers 1 … L−1, 0 to {@value #MAX_HIDDEN_LAYERS} of them
 * @param problem     regression, binary or multi-class, with its output activation and loss
 * @param init        how the weights are drawn
 * @param optimizer   the optimizer's hyperparameters
 * @param learningRate γ
 * @param batchSize   B
 * @param penalty     L1, L2 or none, with its λ
 * @param augmentation what happens to each training batch
 * @param earlyStopping when to stop on the validation loss, or {@code null}
 * @param seed        seeds the weights and the shuffling (the data has its own seed in the recipe)
 */
public record TrainingConfig(DataRecipe data, List<Feature> features, boolean standardize, List<HiddenLayer> hidden,
        Problem problem, Initializer init, Hyperparameters optimizer, double learningRate, int batchSize,
        Penalty penalty, Augmentation augmentation, EarlyStopping earlyStopping, long seed) {

    public static final int MAX_HIDDEN_LAYERS = 8;
    public static final int MAX_NEURONS = 16;
    /** TensorFlow Playground's learning rates, the list the top bar offers. */
    public static final List<Double> LEARNING_RATES = List.of(0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3,
            1.0, 3.0, 10.0);
    public static final List<Integer> BATCH_SIZES = List.of(1, 2, 5, 10, 20, 30, 50, 100);

    /**
     * One hidden layer.
     *
     * @param size      neurons, 1 … {@value TrainingConfig#MAX_NEURONS}
     * @param phi       Φ_l
     * @param dropout   p, at least 0 and below 1
     * @param batchNorm whether â = (a − μ)/σ, z = γâ + β sits between a_l and Φ_l
     */
    public record HiddenLayer(int size, Activation phi, double dropout, boolean batchNorm) {
        public HiddenLayer {
            Objects.requireNonNull(phi, "activation");
            if (size < 1 || size > MAX_NEURONS) {
                throw new IllegalArgumentException("a hidden layer has 1 … " + MAX_NEURONS + " neurons, got " + size);
            }
            if (!phi.elementwise()) throw new IllegalArgumentException("softmax is for the output layer only");
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout rate must be at least 0 and below 1, got " + dropout);
            }
        }

        public HiddenLayer(int size, Activation phi) {
            this(size, phi, 0, false);
        }

        public HiddenLayer withSize(int size) {
            return new HiddenLayer(size, phi, dropout, batchNorm);
        }

        public HiddenLayer withPhi(Activation phi) {
            return new HiddenLayer(size, phi, dropout, batchNorm);
        }

        public HiddenLayer withDropout(double dropout) {
            return new HiddenLayer(size, phi, dropout, batchNorm);
        }

        public HiddenLayer withBatchNorm(boolean batchNorm) {
            return new HiddenLayer(size, phi, dropout, batchNorm);
        }
    }

    /** What the output means, and so the output activation and the loss. */
    public enum Problem {
        /** A value: identity output, MSE (TensorFlow Playground's regression). */
        REGRESSION("regression", "Regression · MSE", Generator.Task.REGRESSION),
        /** ±1 labels: tanh output, MSE (TensorFlow Playground's classification). */
        BINARY_TANH("binary-tanh", "Binary · tanh + MSE", Generator.Task.BINARY),
        /** ±1 labels read as 0/1: sigmoid output, cross-entropy. */
        BINARY_SIGMOID("binary-sigmoid", "Binary · sigmoid + CE", Generator.Task.BINARY),
        /** Classes 0 … K−1: softmax output, cross-entropy. */
        MULTICLASS("softmax", "Multi-class · softmax + CE", Generator.Task.MULTICLASS);

        private final String id;
        private final String title;
        private final Generator.Task task;

        Problem(String id, String title, Generator.Task task) {
            this.id = id;
            this.title = title;
            this.task = task;
        }

        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        /** The kind of labels this problem needs. */
        public Generator.Task task() {
            return task;
        }

        public Activation output() {
            return switch (this) {
                case REGRESSION -> Activation.identity();
                case BINARY_TANH -> Activation.tanh();
                case BINARY_SIGMOID -> Activation.sigmoid();
                case MULTICLASS -> Activation.softmax();
            };
        }

        public Loss loss() {
            return switch (this) {
                case REGRESSION, BINARY_TANH -> Loss.MSE;
                case BINARY_SIGMOID -> Loss.SIGMOID_CROSS_ENTROPY;
                case MULTICLASS -> Loss.SOFTMAX_CROSS_ENTROPY;
            };
        }

        /** The problem a data set of this task starts with. */
        public static Problem defaultFor(Generator.Task task) {
            return switch (task) {
                case REGRESSION -> REGRESSION;
                case BINARY -> BINARY_TANH;
                case MULTICLASS -> MULTICLASS;
            };
        }

        public static Problem byId(String id) {
            for (Problem p : values()) if (p.id.equals(id.toLowerCase(Locale.ROOT))) return p;
            throw new IllegalArgumentException("unknown problem type '" + id + "'; known: regression, binary-tanh, "
                    + "binary-sigmoid, softmax");
        }
    }

    public TrainingConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(init, "initialiser");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(augmentation, "augmentation");
        features = List.copyOf(features);
        hidden = List.copyOf(hidden);
        if (features.isEmpty()) throw new IllegalArgumentException("pick at least one input feature");
        if (EnumSet.copyOf(features).size() != features.size()) {
            throw new IllegalArgumentException("a feature is listed twice: " + features);
        }
        // The network takes its inputs in the features' own order, so [x₂, x₁] and [x₁, x₂] are one config.
        features = List.copyOf(EnumSet.copyOf(features));
        if (hidden.size() > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_HIDDEN_LAYERS + " hidden layers, got " + hidden.size());
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }

    /**
     * TensorFlow Playground's opening screen: the circle (500 points, no noise, half for training), inputs
     * x₁ and x₂, hidden layers [4, 2] of tanh, tanh output with MSE, Xavier weights, SGD at γ = 0.03,
     * batch 10, no regularisation.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(DataRecipe.of(Generator.CIRCLE, 1), List.of(Feature.X1, Feature.X2), false,
                List.of(new HiddenLayer(4, Activation.tanh()), new HiddenLayer(2, Activation.tanh())),
                Problem.BINARY_TANH, Initializer.XAVIER_UNIFORM, Sgd.Settings.DEFAULTS, 0.03, 10, new Penalty.None(),
                Augmentation.NONE, null, 1);
    }

    /** The network: the features' count of inputs, the hidden layers, and {@code outputs} output units. */
    public NetworkSpec spec(int outputs) {
        NetworkSpec.Builder b = NetworkSpec.input(features.size());
        for (HiddenLayer layer : hidden) {
            b.dense(layer.size(), layer.phi());
            if (layer.batchNorm()) b.batchNorm();
        }
        return b.dense(problem == Problem.MULTICLASS ? outputs : 1, problem.output()).loss(problem.loss());
    }

    public FeatureMap featureMap() {
        return FeatureMap.of(EnumSet.copyOf(features));
    }

    /**
     * The run this config makes on these points: inputs through the feature map (then standardised with the
     * training points' mean and deviation, if asked), weights drawn with the seed's first number, shuffling
     * with its second. The same config and points always give the same run.
     *
     * @param outputs output units: K for softmax, else 1
     */
    public Trainer trainer(org.mlplayground.data.Dataset train, org.mlplayground.data.Dataset validation,
            org.mlplayground.data.Dataset test, int outputs) {
        org.mlplayground.data.InputMap map = featureMap();
        if (standardize) map = map.andThen(org.mlplayground.data.Standardizer.fit(map.applyTo(train)));
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
        long weightSeed = seeds.nextLong(), shuffleSeed = seeds.nextLong();
        org.mlplayground.engine.Network network = org.mlplayground.engine.Network.create(spec(outputs), init, weightSeed);
        return new Trainer(network, new TrainingData(train, validation, test, map), settings(), shuffleSeed);
    }

    /** What the trainer runs with; all of it may change live. */
    public TrainingSettings settings() {
        List<Double> rates = new ArrayList<>();
        for (HiddenLayer layer : hidden) rates.add(layer.dropout());
        return new TrainingSettings(optimizer, new Schedule.Constant(learningRate), batchSize, new Clipping.None(), null,
                new Regularization(penalty, rates), augmentation, earlyStopping);
    }

    /**
     * Whether going from this config to {@code next} needs new weights: a different network shape or
     * activation, other data or features, another initialiser or seed. Dropout rates, the penalty and the
     * optimizer's settings do not.
     */
    public boolean resetsWeights(TrainingConfig next) {
        return !data.equals(next.data) || !features.equals(next.features) || standardize != next.standardize
                || problem != next.problem || init != next.init || seed != next.seed
                || !architecture().equals(next.architecture());
    }

    /** Why {@code next} needs new weights, in words for the status line; empty if it does not. */
    public String resetReason(TrainingConfig next) {
        if (!data.equals(next.data)) return "the data changed";
        if (!features.equals(next.features) || standardize != next.standardize) return "the input features changed";
        if (!architecture().equals(next.architecture())) return "the network's layers changed";
        if (problem != next.problem) return "the problem type changed";
        if (init != next.init) return "the initialiser changed";
        if (seed != next.seed) return "the seed changed";
        return "";
    }

    /** Sizes, activations and batch-norm flags: what fixes the weights' shape and meaning. */
    private List<Object> architecture() {
        List<Object> shape = new ArrayList<>();
        for (HiddenLayer layer : hidden) shape.add(List.of(layer.size(), layer.phi(), layer.batchNorm()));
        return shape;
    }

    public TrainingConfig withData(DataRecipe data) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withFeatures(List<Feature> features) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withStandardize(boolean standardize) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withHidden(List<HiddenLayer> hidden) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    /** The same with hidden layer l (1-based) replaced. */
    public TrainingConfig withHiddenLayer(int l, HiddenLayer layer) {
        List<HiddenLayer> layers = new ArrayList<>(hidden);
        layers.set(l - 1, layer);
        return withHidden(layers);
    }

    public TrainingConfig withProblem(Problem problem) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withInit(Initializer init) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withOptimizer(Hyperparameters optimizer) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withLearningRate(double learningRate) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withBatchSize(int batchSize) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withPenalty(Penalty penalty) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withAugmentation(Augmentation augmentation) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    /** @param earlyStopping the rule, or {@code null} to train on */
    public TrainingConfig withEarlyStopping(EarlyStopping earlyStopping) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }

    public TrainingConfig withSeed(long seed) {
        return new TrainingConfig(data, features, standardize, hidden, problem, init, optimizer, learningRate, batchSize,
                penalty, augmentation, earlyStopping, seed);
    }
}
