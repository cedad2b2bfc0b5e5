package org.mlplayground.ui.lab;

import java.util.EnumSet;
import java.util.Set;

/**
 * The methods a row of the lab can race: the first-order optimizers that train the network (by their
 * {@link org.mlplayground.optim.Hyperparameters#IDS id}) and the second-order methods of the surface package.
 */
enum Method {
    SGD("sgd", "SGD", Knob.RATE, Knob.SCHEDULE, Knob.CLIPPING),
    MOMENTUM("momentum", "Momentum", Knob.RATE, Knob.BETA, Knob.SCHEDULE, Knob.CLIPPING),
    NESTEROV("nesterov", "Nesterov", Knob.RATE, Knob.BETA, Knob.SCHEDULE, Knob.CLIPPING),
    ADAGRAD("adagrad", "AdaGrad", Knob.RATE, Knob.EPSILON, Knob.SCHEDULE, Knob.CLIPPING),
    RMSPROP("rmsprop", "RMSProp", Knob.RATE, Knob.RHO, Knob.EPSILON, Knob.SCHEDULE, Knob.CLIPPING),
    RMSPROP_NESTEROV("rmsprop-nesterov", "RMSProp + Nesterov", Knob.RATE, Knob.BETA, Knob.RHO, Knob.EPSILON, Knob.SCHEDULE,
            Knob.CLIPPING),
    ADADELTA("adadelta", "Adadelta", Knob.RATE, Knob.RHO, Knob.EPSILON, Knob.SCHEDULE, Knob.CLIPPING),
    ADAM("adam", "Adam", Knob.RATE, Knob.BETA1, Knob.BETA2, Knob.EPSILON, Knob.SCHEDULE, Knob.CLIPPING),
    NEWTON(null, "Newton"),
    DAMPED_NEWTON(null, "damped Newton", Knob.LAMBDA),
    CONJUGATE_GRADIENT(null, "conjugate gradient"),
    BFGS(null, "BFGS"),
    LBFGS(null, "L-BFGS", Knob.MEMORY);

    /** The settings a row shows a control for. */
    enum Knob { RATE, BETA, RHO, BETA1, BETA2, EPSILON, SCHEDULE, CLIPPING, LAMBDA, MEMORY }

    /** The optimizer id for a first-order method, null for a second-order one. */
    final String optimizerId;
    final String label;
    private final Set<Knob> knobs;

    Method(String optimizerId, String label, Knob... knobs) {
        this.optimizerId = optimizerId;
        this.label = label;
        this.knobs = knobs.length == 0 ? EnumSet.noneOf(Knob.class) : EnumSet.of(knobs[0], knobs);
    }

    boolean firstOrder() {
        return optimizerId != null;
    }

    boolean has(Knob knob) {
        return knobs.contains(knob);
    }

    /** Methods whose velocity v = w_k − w_{k−1} is drawn as an arrow (w ← w + v). */
    boolean hasVelocity() {
        return has(Knob.BETA);
    }

    /** Methods with a per-parameter step size, drawn as a box of half-sides |Δx|, |Δy|. */
    boolean adaptive() {
        return this == ADAGRAD || this == RMSPROP || this == RMSPROP_NESTEROV || this == ADADELTA || this == ADAM;
    }

    @Override
    public String toString() {
        return label;
    }
}
