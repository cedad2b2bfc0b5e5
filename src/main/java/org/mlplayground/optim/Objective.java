package org.mlplayground.optim;

/**
 * The loss as an optimizer sees it: {@link #evaluate()} recomputes ∂L/∂w into every
 * {@link org.mlplayground.engine.Parameter#gradient() Parameter.gradient} at the parameters' current values
 * and returns L there. For a network that is one backward pass on the current mini-batch; for a 2-D loss
 * surface it is the analytic gradient at the point.
 */
@FunctionalInterface
public interface Objective {

    /** L(w) at the current w, with ∇L(w) written into the gradient arrays. */
    double evaluate();
}
