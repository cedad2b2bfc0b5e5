package org.mlplayground.ui;

import java.util.List;
import java.util.function.DoubleFunction;
import org.mlplayground.optim.AdaGrad;
import org.mlplayground.optim.Adadelta;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.DeltaBarDelta;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Nesterov;
import org.mlplayground.optim.RmsProp;
import org.mlplayground.optim.RmsPropNesterov;

/**
 * The hyperparameters of each optimizer as knobs a student can turn: the symbol of the course, what it
 * does, its value, and how to make the settings with another value (whose constructor checks it).
 */
final class OptimizerKnobs {

    /**
     * One hyperparameter.
     *
     * @param symbol  as in the course, e.g. "β₁"
     * @param meaning a few words for the tooltip
     * @param value   the current value
     * @param with    the same settings with this hyperparameter replaced; throws for an impossible value
     */
    record Knob(String symbol, String meaning, double value, DoubleFunction<Hyperparameters> with) {
    }

    private OptimizerKnobs() {
    }

    /** The knobs of {@code h} in the order the course writes them; none for plain SGD. */
    static List<Knob> of(Hyperparameters h) {
        if (h instanceof Momentum.Settings m) {
            return List.of(new Knob("β", "momentum: the share of the last step kept", m.beta(), Momentum.Settings::new));
        }
        if (h instanceof Nesterov.Settings n) {
            return List.of(new Knob("β", "momentum: the share of the last step kept", n.beta(), Nesterov.Settings::new));
        }
        if (h instanceof AdaGrad.Settings a) {
            return List.of(new Knob("ε", "keeps the division finite", a.epsilon(), AdaGrad.Settings::new));
        }
        if (h instanceof RmsProp.Settings r) {
            return List.of(new Knob("ρ", "decay of the average of squared gradients", r.rho(), v -> new RmsProp.Settings(v, r.epsilon())),
                    new Knob("ε", "keeps the division finite", r.epsilon(), v -> new RmsProp.Settings(r.rho(), v)));
        }
        if (h instanceof RmsPropNesterov.Settings r) {
            return List.of(new Knob("β", "momentum", r.beta(), v -> new RmsPropNesterov.Settings(v, r.rho(), r.epsilon())),
                    new Knob("ρ", "decay of the average of squared gradients", r.rho(),
                            v -> new RmsPropNesterov.Settings(r.beta(), v, r.epsilon())),
                    new Knob("ε", "keeps the division finite", r.epsilon(), v -> new RmsPropNesterov.Settings(r.beta(), r.rho(), v)));
        }
        if (h instanceof Adadelta.Settings a) {
            return List.of(new Knob("ρ", "decay of both running averages", a.rho(), v -> new Adadelta.Settings(v, a.epsilon())),
                    new Knob("ε", "keeps the ratio finite and starts the steps", a.epsilon(), v -> new Adadelta.Settings(a.rho(), v)));
        }
        if (h instanceof Adam.Settings a) {
            return List.of(new Knob("β₁", "decay of the gradient's average (momentum)", a.beta1(),
                            v -> new Adam.Settings(v, a.beta2(), a.epsilon())),
                    new Knob("β₂", "decay of the squared gradient's average", a.beta2(), v -> new Adam.Settings(a.beta1(), v, a.epsilon())),
                    new Knob("ε", "keeps the division finite", a.epsilon(), v -> new Adam.Settings(a.beta1(), a.beta2(), v)));
        }
        if (h instanceof DeltaBarDelta.Settings d) {
            return List.of(new Knob("κ", "gain added while the gradient keeps its sign", d.kappa(),
                            v -> new DeltaBarDelta.Settings(v, d.phi(), d.theta())),
                    new Knob("φ", "share of the rate lost when the sign flips", d.phi(), v -> new DeltaBarDelta.Settings(d.kappa(), v, d.theta())),
                    new Knob("θ", "share of the old average δ̄ kept", d.theta(), v -> new DeltaBarDelta.Settings(d.kappa(), d.phi(), v)));
        }
        return List.of();
    }
}
