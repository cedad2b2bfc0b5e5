package org.mlplayground.optim;

import java.util.List;
import org.mlplayground.engine.Parameter;

/** Nesterov's trick shared by the two Nesterov optimizers: evaluate ∇L at w + βv, then put w back. */
final class LookAhead {
    private LookAhead() {
    }

    /**
     * Moves every w to w + βv, evaluates the objective there and restores w bit for bit from the copy kept
     * in slot {@code saved} (also if the objective throws). The gradient arrays then hold ∇L(w + βv).
     */
    static double evaluate(List<Parameter> params, State state, int velocity, int saved, double beta, Objective objective) {
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            double[] w = p.value(), v = state.get(b, velocity);
            System.arraycopy(w, 0, state.get(b, saved), 0, p.size());
            for (int i = 0; i < p.size(); i++) w[i] += beta * v[i];
        }
        try {
            return objective.evaluate();
        } finally {
            for (int b = 0; b < params.size(); b++) {
                Parameter p = params.get(b);
                System.arraycopy(state.get(b, saved), 0, p.value(), 0, p.size());
            }
        }
    }
}
