package org.mlplayground.train;

import java.util.Objects;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.PolyakAverage;
import org.mlplayground.optim.Schedule;
import org.mlplayground.optim.Sgd;

/**
 * Everything a student may change while a run goes on, as one immutable value: the optimizer and its
 * hyperparameters, the learning-rate schedule (whose γ_0 is "the learning rate"), the mini-batch size,
 * gradient clipping, Polyak averaging, and the generalisation remedies: regularisation (penalty, dropout),
 * augmentation of the batches and early stopping. A {@link Trainer} picks up the latest posted settings at the
 * start of its next step, so a change never lands in the middle of one.
 *
 * @param optimizer the optimizer's settings; another id switches optimizer (fresh state, same weights),
 *                  the same id retunes it (state kept)
 * @param schedule  γ_k for step k = {@link Trainer#stepCount()}
 * @param batchSize B ≥ 1
 * @param clipping  applied to every gradient the optimizer sees
 * @param averaging the Polyak average to keep beside the raw weights, or {@code null} for none
 * @param regularization weight penalty and dropout rates
 * @param augmentation   what happens to each training batch before the network sees it
 * @param earlyStopping  when to stop on the validation loss, or {@code null} to train on
 */
public record TrainingSettings(Hyperparameters optimizer, Schedule schedule, int batchSize, Clipping clipping,
        PolyakAverage.Mode averaging, Regularization regularization, Augmentation augmentation,
        EarlyStopping earlyStopping) {

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(clipping, "clipping");
        Objects.requireNonNull(regularization, "regularization");
        Objects.requireNonNull(augmentation, "augmentation");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }

    /** Settings without regularisation, augmentation or early stopping. */
    public TrainingSettings(Hyperparameters optimizer, Schedule schedule, int batchSize, Clipping clipping,
            PolyakAverage.Mode averaging) {
        this(optimizer, schedule, batchSize, clipping, averaging, Regularization.NONE, Augmentation.NONE, null);
    }

    /** Plain mini-batch gradient descent at a constant rate γ, no clipping, no averaging. */
    public static TrainingSettings gradientDescent(double learningRate, int batchSize) {
        return new TrainingSettings(Sgd.Settings.DEFAULTS, new Schedule.Constant(checkRate(learningRate)), batchSize,
                new Clipping.None(), null);
    }

    /** The optimizer with these settings at its {@link Hyperparameters#defaultLearningRate() own default rate}. */
    public static TrainingSettings of(Hyperparameters optimizer, int batchSize) {
        return new TrainingSettings(optimizer, new Schedule.Constant(optimizer.defaultLearningRate()), batchSize,
                new Clipping.None(), null);
    }

    /** γ_0 of the schedule. */
    public double learningRate() {
        return schedule.initialRate();
    }

    public TrainingSettings withOptimizer(Hyperparameters optimizer) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    /** The same schedule from another γ_0 (the learning-rate slider). */
    public TrainingSettings withLearningRate(double learningRate) {
        return new TrainingSettings(optimizer, schedule.withInitialRate(checkRate(learningRate)), batchSize, clipping,
                averaging, regularization, augmentation, earlyStopping);
    }

    public TrainingSettings withSchedule(Schedule schedule) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    public TrainingSettings withBatchSize(int batchSize) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    public TrainingSettings withClipping(Clipping clipping) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    /** @param averaging the Polyak average to keep, or {@code null} to stop averaging */
    public TrainingSettings withAveraging(PolyakAverage.Mode averaging) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    public TrainingSettings withRegularization(Regularization regularization) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    public TrainingSettings withAugmentation(Augmentation augmentation) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    /** @param earlyStopping the rule, or {@code null} to train on */
    public TrainingSettings withEarlyStopping(EarlyStopping earlyStopping) {
        return new TrainingSettings(optimizer, schedule, batchSize, clipping, averaging, regularization, augmentation,
                earlyStopping);
    }

    /** The slider's learning rate must move the weights: γ_0 &gt; 0 (a schedule may still decay towards 0). */
    private static double checkRate(double learningRate) {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        return learningRate;
    }
}
