package org.mlplayground.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Clipping;
import org.mlplayground.optim.Objective;

/**
 * Copies one step out of the engine for a {@link BackpropTrace}: {@link #begin} before the optimizer's update,
 * {@link #recordPass} right after the backward pass and {@link #recordGradients} once the objective has added
 * the penalty and clipped (both inside the optimizer's step, so at the point the gradient is evaluated at:
 * w + βv for the Nesterov variants), {@link #trace} after the step. Only copies:
 * nothing here writes to the live network or draws a random number, so the step itself is the normal one.
 */
final class StepRecorder {
    private final Network network;
    private final DMatrixRMaj targets;

    private Network before;
    private int[] examples;
    private String optimizer;
    private double learningRate;
    private long step;

    private boolean recorded;
    /** A copy of the network at the evaluation point, with the step's dropout masks, for the gradient check. */
    private Network evaluatedAt;
    private DMatrixRMaj x, y, dLdo;
    private List<BackpropTrace.LayerTrace> layers;
    private double loss;
    private List<double[]> gradients;

    /** @param targets the matrix Y the objective passes to backprop (read when recording) */
    StepRecorder(Network network, DMatrixRMaj targets) {
        this.network = network;
        this.targets = targets;
    }

    /** Notes the state before the update; returns the objective to hand the optimizer instead of {@code objective}. */
    Objective begin(Objective objective, int[] examples, String optimizer, double learningRate, long step) {
        this.before = network.copy();
        this.examples = examples;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.step = step;
        return () -> {
            double cost = objective.evaluate();
            recordGradients();
            return cost;
        };
    }

    /**
     * Copies what the backward pass just left in the network: call it right after {@code backprop}, before a
     * penalty or clipping changes the gradient arrays (which are the layers' ∂L/∂W_l, ∂L/∂b_l).
     */
    void recordPass() {
        int depth = network.depth();
        x = network.input().copy();
        y = targets.copy();
        DenseLayer out = network.outputLayer();
        dLdo = new DMatrixRMaj(1, 1);
        network.spec().loss().dLdoForDisplay(out.h(), y, dLdo);
        loss = network.lastLoss();
        evaluatedAt = network.copy();
        layers = new ArrayList<>(depth);
        for (int l = 1; l <= depth; l++) {
            DenseLayer layer = network.layer(l);
            DMatrixRMaj mask = layer.dropoutMask().getNumElements() == 0 ? null : layer.dropoutMask().copy();
            if (mask != null) evaluatedAt.setDropoutMask(l, mask);
            // The fused losses never form ∂ℓ/∂o in the engine; the output's ∂L/∂h is ∂ℓ/∂o by definition.
            DMatrixRMaj dLdh = l == depth ? dLdo.copy() : layer.dLdh().copy();
            layers.add(new BackpropTrace.LayerTrace(l, layer.W().copy(), layer.b().copy(), layer.hPrev().copy(),
                    layer.a().copy(), layer.batchNorm() ? layer.aHat().copy() : null,
                    layer.batchNorm() ? layer.z().copy() : null, layer.h().copy(), mask, layer.phiPrime().copy(), dLdh,
                    layer.delta().copy(), layer.dLdW().copy(), layer.dLdb().copy()));
        }
    }

    /** Copies the gradients as the optimizer gets them: after the penalty's share and clipping. */
    void recordGradients() {
        if (layers == null) throw new IllegalStateException("the objective never ran a backward pass");
        recorded = true;
        gradients = new ArrayList<>();
        for (Parameter p : network.parameters()) gradients.add(Arrays.copyOf(p.gradient(), p.size()));
    }

    /**
     * The trace, with {@code after} as the network after the step and the gradient check of the cost with this
     * penalty (n = training-set size), passed through the same clipping as the gradients.
     */
    BackpropTrace trace(Network after, Penalty penalty, int n, Clipping clipping) {
        return traceWithoutCheck(after).withFiniteDifferences(estimates(penalty, n, clipping));
    }

    /** The trace with no gradient check yet (an empty {@code finiteDifferences}). */
    BackpropTrace traceWithoutCheck(Network after) {
        if (!recorded) throw new IllegalStateException("the optimizer never evaluated the objective");
        return new BackpropTrace(before, after, x, y, examples, layers, loss, dLdo, gradients, List.of(), optimizer,
                learningRate, step);
    }

    /**
     * The gradient check's estimates, passed through the same clipping as the gradients. It reads only copies
     * made during the step (the network at the evaluation point, X, Y), so any thread may run it afterwards.
     */
    List<double[]> estimates(Penalty penalty, int n, Clipping clipping) {
        List<double[]> estimates = GradientCheck.estimate(evaluatedAt, x, y, penalty, n);
        List<Parameter> params = evaluatedAt.parameters();
        List<Parameter> asGradients = new ArrayList<>(params.size());
        for (int b = 0; b < params.size(); b++) {
            Parameter p = params.get(b);
            asGradients.add(new Parameter(p.name(), p.layer(), p.weight(), p.value(), estimates.get(b), p.size()));
        }
        clipping.apply(asGradients);
        return estimates;
    }
}
