package org.mlplayground.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;

/**
 * The gradient check (COURSE.md §3): every ∂C/∂θ of one batch estimated without backprop, by the
 * fourth-order central difference
 * <pre>∂C/∂θ ≈ (8 (C(θ + h) − C(θ − h)) − (C(θ + 2h) − C(θ − 2h))) / 12h,   h = 10⁻⁴</pre>
 * of the cost C = L + penalty, L the batch's data term of a training pass: the same dropout masks, and batch
 * norm with the statistics of the batch itself, so C is the function of θ whose gradient backprop computes.
 *
 * <p>Why this stencil and h: its truncation error is O(h⁴) and its rounding noise about 1.5 ε |C| / h ≈
 * 3·10⁻¹² |C|, so smooth losses agree with backprop to about 10⁻⁹ relative; a plain central difference needs
 * a smaller h, where rounding dominates. Batch norm bends C sharply for a neuron that barely varies over the
 * batch, which is why h is not 10⁻³. Kinks (ReLU at 0, MAE at o = y, L1 at w = 0) closer than 2h to θ give
 * a different one-sided answer: the check is meant for smooth activations.
 */
public final class GradientCheck {
    /** h of the stencil. */
    public static final double STEP = 1e-4;
    /**
     * Gradients smaller than this are compared absolutely: {@link #relativeError} divides by at least this,
     * because the rounding noise of the differences (~10⁻¹²) would dominate a truly relative error of a
     * gradient that is 0 (the bias in front of batch norm, whose μ_B subtracts it again).
     */
    public static final double FLOOR = 1e-4;

    private GradientCheck() {
    }

    /**
     * The estimate for every parameter block of {@code net} ({@link Network#parameters()} order), of
     * C(θ) = L(x, y; θ) + penalty(θ) with {@code n} the training-set size in the penalty's formula. The network
     * is used as it is: a training pass with its current dropout masks (draw them or set them with
     * {@link Network#setDropoutMask} first). Each parameter is put back bit for bit; the cached pass is
     * overwritten, so call this on a copy when the pass must stay readable.
     */
    public static List<double[]> estimate(Network net, DMatrixRMaj x, DMatrixRMaj y, Penalty penalty, int n) {
        List<Parameter> params = net.parameters();
        List<double[]> estimates = new ArrayList<>(params.size());
        for (Parameter p : params) {
            double[] value = p.value(), d = new double[p.size()];
            for (int i = 0; i < d.length; i++) {
                double saved = value[i];
                double plus1 = costAt(net, x, y, penalty, n, value, i, saved + STEP);
                double minus1 = costAt(net, x, y, penalty, n, value, i, saved - STEP);
                double plus2 = costAt(net, x, y, penalty, n, value, i, saved + 2 * STEP);
                double minus2 = costAt(net, x, y, penalty, n, value, i, saved - 2 * STEP);
                value[i] = saved;
                d[i] = (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * STEP);
            }
            estimates.add(d);
        }
        return estimates;
    }

    private static double costAt(Network net, DMatrixRMaj x, DMatrixRMaj y, Penalty penalty, int n, double[] value, int i,
            double theta) {
        value[i] = theta;
        return net.loss(x, y) + penalty.value(net.parameters(), n);
    }

    /**
     * |g − g̃| / max(|g|, |g̃|, {@link #FLOOR}): the relative error of backprop's g against the estimate g̃,
     * absolute (scaled by 1/FLOOR) where both are below the floor. NaN if either is NaN.
     */
    public static double relativeError(double backprop, double estimate) {
        double scale = Math.max(Math.max(Math.abs(backprop), Math.abs(estimate)), FLOOR);
        return Math.abs(backprop - estimate) / scale;
    }
}
