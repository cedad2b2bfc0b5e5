package org.mlplayground.ui.lab;

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
import org.mlplayground.optim.Sgd;

/**
 * Everything one row of the lab is set to, as an immutable value: a row's controls replace it as a whole,
 * and the trajectories are recomputed from it. Values a method does not use are kept, so switching the
 * method back and forth restores them.
 *
 * @param rate          γ₀, the learning rate of the first step
 * @param beta          β of Momentum, Nesterov and RMSProp + Nesterov
 * @param rho           ρ of RMSProp and Adadelta
 * @param scheduleParam α of the exponential and inverse schedules, the interval of the step schedule (halving
 *                      every that many steps) or the period of the cosine schedule
 * @param clipThreshold t of clipping by value ([−t, t]) or c of clipping by norm
 * @param lambda        λ of damped Newton, w ← w − (H + λI)⁻¹∇L
 * @param memory        m, the pairs L-BFGS remembers
 */
record RowSettings(Method method, boolean enabled, double rate, double beta, double rho, double beta1, double beta2,
        double epsilon, ScheduleKind schedule, double scheduleParam, ClipKind clip, double clipThreshold, double lambda,
        int memory) {

    /** Learning-rate schedules a row offers. */
    enum ScheduleKind {
        CONSTANT("constant", "γ_k = γ₀", Double.NaN),
        EXPONENTIAL("exponential", "γ_k = γ₀ e^(−αk)", 0.005),
        INVERSE("inverse", "γ_k = γ₀ / (1 + αk)", 0.01),
        STEP("halve every", "γ_k = γ₀ · ½^⌊k/n⌋", 100),
        COSINE("cosine restarts", "γ_k = γ₀/2 · (1 + cos(π (k mod T)/T))", 200);

        final String label, formula;
        final double defaultParam;

        ScheduleKind(String label, String formula, double defaultParam) {
            this.label = label;
            this.formula = formula;
            this.defaultParam = defaultParam;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Gradient clipping a row offers. */
    enum ClipKind {
        NONE("no clipping"), VALUE("clip value ±t"), NORM("clip norm ≤ c"), UNIT("unit norm");

        final String label;

        ClipKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A row of {@code method} with its standard settings and the given rate. */
    static RowSettings of(Method method, double rate) {
        return new RowSettings(method, true, rate, 0.9, 0.9, 0.9, 0.999, 1e-8, ScheduleKind.CONSTANT, Double.NaN,
                ClipKind.NONE, 1, 0.1, 5);
    }

    RowSettings withMethod(Method m) {
        return new RowSettings(m, enabled, rate, beta, rho, beta1, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withEnabled(boolean e) {
        return new RowSettings(method, e, rate, beta, rho, beta1, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withRate(double g) {
        return new RowSettings(method, enabled, g, beta, rho, beta1, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withBeta(double b) {
        return new RowSettings(method, enabled, rate, b, rho, beta1, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withRho(double r) {
        return new RowSettings(method, enabled, rate, beta, r, beta1, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withBeta1(double b) {
        return new RowSettings(method, enabled, rate, beta, rho, b, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withBeta2(double b) {
        return new RowSettings(method, enabled, rate, beta, rho, beta1, b, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withEpsilon(double e) {
        return new RowSettings(method, enabled, rate, beta, rho, beta1, beta2, e, schedule, scheduleParam, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withSchedule(ScheduleKind kind, double param) {
        return new RowSettings(method, enabled, rate, beta, rho, beta1, beta2, epsilon, kind, param, clip,
                clipThreshold, lambda, memory);
    }

    RowSettings withClip(ClipKind kind, double threshold) {
        return new RowSettings(method, enabled, rate, beta, rho, beta1, beta2, epsilon, schedule, scheduleParam, kind,
                threshold, lambda, memory);
    }

    RowSettings withLambda(double l) {
        return new RowSettings(method, enabled, rate, beta, rho, beta1, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, l, memory);
    }

    RowSettings withMemory(int m) {
        return new RowSettings(method, enabled, rate, beta, rho, beta1, beta2, epsilon, schedule, scheduleParam, clip,
                clipThreshold, lambda, m);
    }

    /**
     * The optimizer's settings, built by the optim package's own records (which reject impossible values).
     *
     * @throws IllegalStateException for a second-order method
     */
    Hyperparameters hyperparameters() {
        return switch (method) {
            case SGD -> Sgd.Settings.DEFAULTS;
            case MOMENTUM -> new Momentum.Settings(beta);
            case NESTEROV -> new Nesterov.Settings(beta);
            case ADAGRAD -> new AdaGrad.Settings(epsilon);
            case RMSPROP -> new RmsProp.Settings(rho, epsilon);
            case RMSPROP_NESTEROV -> new RmsPropNesterov.Settings(beta, rho, epsilon);
            case ADADELTA -> new Adadelta.Settings(rho, epsilon);
            case ADAM -> new Adam.Settings(beta1, beta2, epsilon);
            default -> throw new IllegalStateException(method + " is not a first-order optimizer");
        };
    }

    /** γ_k as chosen. */
    Schedule rates() {
        double p = Double.isNaN(scheduleParam) ? schedule.defaultParam : scheduleParam;
        return switch (schedule) {
            case CONSTANT -> new Schedule.Constant(rate);
            case EXPONENTIAL -> new Schedule.Exponential(rate, p);
            case INVERSE -> new Schedule.Inverse(rate, p);
            case STEP -> new Schedule.StepDecay(rate, 0.5, Math.max(1, Math.round(p)));
            case COSINE -> new Schedule.CyclicCosine(rate, Math.max(1, Math.round(p)));
        };
    }

    Clipping clipping() {
        return switch (clip) {
            case NONE -> new Clipping.None();
            case VALUE -> Clipping.ByValue.symmetric(clipThreshold);
            case NORM -> new Clipping.ByNorm(clipThreshold);
            case UNIT -> new Clipping.UnitNorm();
        };
    }
}
