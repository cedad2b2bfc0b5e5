package org.mlplayground.health;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Feature;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.optim.Sgd;
import org.mlplayground.train.Augmentation;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingConfig.HiddenLayer;

/**
 * Runs that show healthy and unhealthy gradients (COURSE.md §4), to compare in pairs ({@link Comparison}).
 *
 * <p>All share everything but the hidden layers' activation, the initialiser and batch norm: TensorFlow
 * Playground's circle (500 points, no noise, half for training, data seed 1), inputs x₁ and x₂ standardised
 * (so that the initialisers' variance rules, made for unit-variance inputs, hold from layer 1 on), 6 hidden
 * layers of 8 neurons, a sigmoid output with cross-entropy (δ_L = o − y reaches the hidden layers undamped, so
 * whatever vanishes is the hidden layers' doing), plain gradient descent at γ = 0.03, batch 10, no
 * regularisation, seed 1: two presets of a pair get the same weights' generator, the same batches in the
 * same order.
 *
 * <p>The "standard" tanh initialisation is {@link Initializer#UNIFORM} U(−0.5, 0.5), close to the heuristic
 * U[−1/√n, 1/√n] that Glorot &amp; Bengio compare against (±0.35 for n = 8): its variance 1/12 times 8 inputs
 * shrinks the signal's variance by 2/3 per layer, where Xavier keeps it. The exploding preset draws from
 * {@link Initializer#LARGE_GAUSSIAN} N(0, 1) with identity activations: the variance grows 8-fold per layer,
 * forward and backward.
 */
public enum HealthPreset {
    SIGMOID_SMALL_GAUSSIAN("Sigmoid · N(0, 0.01²)", Activation.sigmoid(), Initializer.SMALL_GAUSSIAN, false),
    RELU_HE("ReLU · He", Activation.relu(), Initializer.HE_NORMAL, false),
    TANH_STANDARD("tanh · U(−0.5, 0.5)", Activation.tanh(), Initializer.UNIFORM, false),
    TANH_XAVIER("tanh · Xavier", Activation.tanh(), Initializer.XAVIER_UNIFORM, false),
    SIGMOID_SMALL_GAUSSIAN_BATCH_NORM("Sigmoid · N(0, 0.01²) + batch norm", Activation.sigmoid(),
            Initializer.SMALL_GAUSSIAN, true),
    LINEAR_LARGE("Linear · N(0, 1)", Activation.identity(), Initializer.LARGE_GAUSSIAN, false),
    LINEAR_XAVIER("Linear · Xavier", Activation.identity(), Initializer.XAVIER_UNIFORM, false);

    /** Hidden layers × neurons of every preset. */
    public static final int HIDDEN_LAYERS = 6, NEURONS = 8;

    /** A side-by-side comparison: two presets that differ in one thing. */
    public enum Comparison {
        SIGMOID_VS_RELU("Vanishing: sigmoid + small init vs ReLU + He", SIGMOID_SMALL_GAUSSIAN, RELU_HE),
        TANH_INIT("tanh: standard vs Xavier init", TANH_STANDARD, TANH_XAVIER),
        BATCH_NORM("Sigmoid without and with batch norm", SIGMOID_SMALL_GAUSSIAN, SIGMOID_SMALL_GAUSSIAN_BATCH_NORM),
        EXPLODING("Exploding: linear with N(0, 1) vs Xavier", LINEAR_LARGE, LINEAR_XAVIER);

        private final String title;
        private final HealthPreset top, bottom;

        Comparison(String title, HealthPreset top, HealthPreset bottom) {
            this.title = title;
            this.top = top;
            this.bottom = bottom;
        }

        public String title() {
            return title;
        }

        /** The unhealthy run, shown on top. */
        public HealthPreset top() {
            return top;
        }

        /** The remedy, shown below. */
        public HealthPreset bottom() {
            return bottom;
        }
    }

    private final String title;
    private final TrainingConfig config;

    HealthPreset(String title, Activation phi, Initializer init, boolean batchNorm) {
        this.title = title;
        List<HiddenLayer> hidden = new ArrayList<>();
        for (int l = 0; l < HIDDEN_LAYERS; l++) hidden.add(new HiddenLayer(NEURONS, phi, 0, batchNorm));
        this.config = new TrainingConfig(DataRecipe.of(Generator.CIRCLE, 1), List.of(Feature.X1, Feature.X2), true, hidden,
                TrainingConfig.Problem.BINARY_SIGMOID, init, Sgd.Settings.DEFAULTS, 0.03, 10, new Penalty.None(),
                Augmentation.NONE, null, 1);
    }

    public String title() {
        return title;
    }

    public TrainingConfig config() {
        return config;
    }

    /** A fresh run of this preset: {@link #trainer(TrainingConfig)} of its config. */
    public Trainer trainer() {
        return trainer(config);
    }

    /**
     * A run of {@code config} on its generated data, built as the playground builds one: the data recipe's
     * split, the feature map (then standardised with the training set's statistics when asked), and weight
     * and shuffling seeds drawn in that order from a generator seeded with the config's seed. The same config
     * loaded into the playground trains the same weights.
     */
    public static Trainer trainer(TrainingConfig config) {
        DataRecipe.Parts parts = config.data().make();
        return config.trainer(parts.train(), parts.validation(), parts.test(), outputs(config, parts.train()));
    }

    private static int outputs(TrainingConfig config, Dataset train) {
        if (config.problem() != TrainingConfig.Problem.MULTICLASS) return 1;
        int k = 2;
        for (double y : train.y()) k = Math.max(k, (int) y + 1);
        return k;
    }
}
