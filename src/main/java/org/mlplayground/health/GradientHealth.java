package org.mlplayground.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Network;
import org.mlplayground.train.BackpropTrace;

/**
 * One training step's gradient health, layer by layer (COURSE.md §4), read from the pass the step left in
 * the engine: no extra forward or backward pass. Immutable.
 *
 * <p>Per layer l:
 * <ul>
 * <li>‖∂L/∂W_l‖, the Frobenius norm of the weight gradient the optimizer was given (the batch mean
 *     (1/B) δ_l h_{l−1}^T; plus the penalty's gradient and clipped, when those are on): Nielsen's "speed of
 *     learning" of the layer;</li>
 * <li>‖δ_l‖ = √((1/B) Σ_n ‖δ_{l,n}‖²), the Frobenius norm of the n_l × B matrix of per-example δ divided by
 *     √B, so that it does not grow with the batch size;</li>
 * <li>‖ΔW_l‖/‖W_l‖, the step's update over the weights before it (healthy around 10⁻³); NaN when the
 *     weights before the step are not known;</li>
 * <li>{@link Saturation} of h_l;</li>
 * <li>histograms with fixed bins: the activation's argument (a_l, or z_l = γ_l â_l + β_l with batch norm,
 *     which is what Φ_l sees) in 24 bins over [−6, 6]; h_l over Φ's range ({@link #hRange}); Φ'(a_l) over
 *     [0, max Φ'] ({@link #phiPrimeRange}), 20 bins each. Each counts n_l × B values.</li>
 * </ul>
 *
 * <p>"First" and "last" in {@link #firstToLastRatio()} are the first and the last hidden layer, 1 and L − 1,
 * as in Nielsen's figure (the output layer has its own activation and loss gradient; a network without hidden
 * layers compares layer 1 with itself). For look-ahead optimizers (Nesterov) the pass, and so everything but
 * the update ratio, belongs to the look-ahead point w + βv.
 *
 * @param step   the trainer's step count after the step measured
 * @param layers l = 1 … L
 */
public record GradientHealth(long step, List<LayerHealth> layers) {

    /** Bins for the activation's argument: 24 of width ½ over [−6, 6]. */
    public static final double A_LOW = -6, A_HIGH = 6;
    public static final int A_BINS = 24;
    /** Bins for h_l and for Φ'(a_l). */
    public static final int H_BINS = 20, PHI_PRIME_BINS = 20;

    /**
     * Layer l's health.
     *
     * @param l               1 … L
     * @param phi             Φ_l
     * @param dLdWNorm        ‖∂L/∂W_l‖ (Frobenius)
     * @param deltaNorm       ‖δ_l‖ / √B (Frobenius over units and examples)
     * @param weightNorm      ‖W_l‖ before the step (after it, when the weights before are not known)
     * @param updateToWeight  ‖ΔW_l‖ / ‖W_l‖ of the step, or NaN
     * @param saturation      saturated or dead share of h_l
     * @param a               the activation's argument (a_l, or z_l with batch norm)
     * @param h               h_l, before dropout
     * @param phiPrime        Φ'_l at the activation's argument
     */
    public record LayerHealth(int l, Activation phi, double dLdWNorm, double deltaNorm, double weightNorm,
            double updateToWeight, Saturation saturation, Histogram a, Histogram h, Histogram phiPrime) {
    }

    public GradientHealth {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("a network has at least one layer");
    }

    /**
     * The health of the step that left {@code net}'s cached pass, without the update ratio (NaN).
     *
     * @param step the trainer's step count
     */
    public static GradientHealth measure(Network net, long step) {
        return measure(net, step, null);
    }

    /**
     * The health of the step that left {@code net}'s cached pass (after {@link Network#backprop} and the
     * optimizer's update, e.g. right after {@code Trainer.step()}).
     *
     * @param weightsBefore W_l before the step, l = 1 … L, each n_l × n_{l−1} row by row as
     *                      {@code layer(l).W().data}; {@code null} when not known (update ratios NaN)
     */
    public static GradientHealth measure(Network net, long step, List<double[]> weightsBefore) {
        if (weightsBefore != null && weightsBefore.size() != net.depth()) {
            throw new IllegalArgumentException("weights of " + weightsBefore.size() + " layers for a network of " + net.depth());
        }
        List<LayerHealth> layers = new ArrayList<>(net.depth());
        for (int l = 1; l <= net.depth(); l++) {
            DenseLayer layer = net.layer(l);
            double[] now = layer.W().data;
            double[] before = weightsBefore == null ? null : weightsBefore.get(l - 1);
            layers.add(layer(l, layer.phi(), layer.batchNorm() ? layer.z() : layer.a(), layer.h(), layer.phiPrime(),
                    layer.delta(), layer.dLdW(), before == null ? now : before, before == null ? null : now,
                    layer.W().getNumElements()));
        }
        return new GradientHealth(step, layers);
    }

    /**
     * The health of a traced step: the trace's pass, and ΔW = after − before. Its ∂L/∂W_l is the data term
     * only (no penalty, no clipping), as {@link BackpropTrace.LayerTrace#dLdW()} holds it.
     */
    public static GradientHealth of(BackpropTrace trace) {
        List<LayerHealth> layers = new ArrayList<>(trace.layers().size());
        for (BackpropTrace.LayerTrace t : trace.layers()) {
            int l = t.l();
            DenseLayer before = trace.before().layer(l), after = trace.after().layer(l);
            layers.add(layer(l, before.phi(), t.z() != null ? t.z() : t.a(), t.h(), t.phiPrime(), t.delta(), t.dLdW(),
                    before.W().data, after.W().data, before.W().getNumElements()));
        }
        return new GradientHealth(trace.step(), layers);
    }

    /** W_l of every layer, copied: what {@link #measure(Network, long, List)} needs as the weights before a step. */
    public static List<double[]> weightsOf(Network net) {
        List<double[]> weights = new ArrayList<>(net.depth());
        for (int l = 1; l <= net.depth(); l++) {
            DMatrixRMaj W = net.layer(l).W();
            weights.add(java.util.Arrays.copyOf(W.data, W.getNumElements()));
        }
        return weights;
    }

    private static LayerHealth layer(int l, Activation phi, DMatrixRMaj argument, DMatrixRMaj h, DMatrixRMaj phiPrime,
            DMatrixRMaj delta, DMatrixRMaj dLdW, double[] before, double[] after, int weights) {
        double weightNorm = norm(before, weights);
        double ratio = Double.NaN;
        if (after != null) {
            double[] change = new double[weights];
            for (int i = 0; i < weights; i++) change[i] = after[i] - before[i];
            ratio = norm(change, weights) / weightNorm;
        }
        double deltaNorm = delta.numCols == 0 ? Double.NaN
                : norm(delta.data, delta.getNumElements()) / Math.sqrt(delta.numCols);
        double[] hr = hRange(phi), pr = phiPrimeRange(phi);
        return new LayerHealth(l, phi, norm(dLdW.data, dLdW.getNumElements()), deltaNorm, weightNorm, ratio,
                Saturation.of(phi, h), Histogram.of(argument, A_LOW, A_HIGH, A_BINS), Histogram.of(h, hr[0], hr[1], H_BINS),
                Histogram.of(phiPrime, pr[0], pr[1], PHI_PRIME_BINS));
    }

    /**
     * √(Σ v_i²) over the first n values, scaled by the largest |v_i| first so that exploding values of 10²⁰⁰
     * still give a finite norm.
     */
    static double norm(double[] v, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.abs(v[i]);
            if (!(x <= max)) max = x;   // NaN wins
        }
        if (max == 0 || !Double.isFinite(max)) return max;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = v[i] / max;
            sum += x * x;
        }
        return max * Math.sqrt(sum);
    }

    /**
     * The range of h's histogram: Φ's range, cut at ±6 where it is unbounded: sigmoid and softmax [0, 1]; tanh,
     * hard tanh and sign [−1, 1]; ReLU and softplus [0, 6]; ELU [−α, 6]; identity and leaky ReLU [−6, 6].
     */
    public static double[] hRange(Activation phi) {
        if (phi instanceof Activation.Sigmoid || phi instanceof Activation.Softmax) return new double[] {0, 1};
        if (phi instanceof Activation.Tanh || phi instanceof Activation.HardTanh || phi instanceof Activation.Sign) {
            return new double[] {-1, 1};
        }
        if (phi instanceof Activation.Relu || phi instanceof Activation.Softplus) return new double[] {0, 6};
        if (phi instanceof Activation.Elu elu) return new double[] {-elu.alpha(), 6};
        return new double[] {A_LOW, A_HIGH};
    }

    /** [0, max Φ']: 0.25 for sigmoid (and softmax's diagonal), max(1, α) for ELU, 1 for every other activation. */
    public static double[] phiPrimeRange(Activation phi) {
        if (phi instanceof Activation.Sigmoid || phi instanceof Activation.Softmax) return new double[] {0, 0.25};
        if (phi instanceof Activation.Elu elu) return new double[] {0, Math.max(1, elu.alpha())};
        return new double[] {0, 1};
    }

    /** L. */
    public int depth() {
        return layers.size();
    }

    /** Layer l = 1 … L. */
    public LayerHealth layer(int l) {
        return layers.get(l - 1);
    }

    /** The first hidden layer, 1. */
    public int first() {
        return 1;
    }

    /** The last hidden layer, L − 1 (1 for a network without hidden layers). */
    public int last() {
        return Math.max(1, layers.size() - 1);
    }

    /** ‖∂L/∂W_first‖ / ‖∂L/∂W_last‖: below 1 the first layer learns slower (vanishing), above 1 faster (exploding). */
    public double firstToLastRatio() {
        return layer(first()).dLdWNorm() / layer(last()).dLdWNorm();
    }

    /** ‖δ_first‖ / ‖δ_last‖. */
    public double firstToLastDeltaRatio() {
        return layer(first()).deltaNorm() / layer(last()).deltaNorm();
    }

    /** {@link #firstToLastRatio()} in words, e.g. "layer 1 learns 96× slower than layer 5". */
    public String firstToLastSentence() {
        return speedSentence(first(), last(), layer(first()).dLdWNorm(), layer(last()).dLdWNorm());
    }

    /**
     * {@link #firstToLastDeltaRatio()} in words, e.g. "δ at layer 1 is 133× larger than at layer 6": the
     * exploding case shows here, since in a linear network the growing δ_l and the shrinking h_{l−1} of
     * ∂L/∂W_l = δ_l h_{l−1}^T can balance.
     */
    public String firstToLastDeltaSentence() {
        double first = layer(first()).deltaNorm(), last = layer(last()).deltaNorm();
        if (!Double.isFinite(first) || !Double.isFinite(last)) return "δ is not a finite number: it exploded";
        if (first() == last()) return "layer " + first() + " is the only hidden layer";
        if (first == 0 || last == 0) {
            return first == last ? "δ is 0 at layer " + first() + " and at layer " + last()
                    : "δ is 0 at layer " + (first == 0 ? first() : last());
        }
        double ratio = first / last, factor = Math.max(ratio, 1 / ratio);
        if (factor < 1.05) return "δ at layer " + first() + " is about as large as at layer " + last();
        return "δ at layer " + first() + " is " + times(factor) + (ratio < 1 ? " smaller" : " larger") + " than at layer "
                + last();
    }

    /**
     * How fast layer {@code first} learns next to layer {@code last}, from their gradient norms: "layer 1 learns
     * 96× slower than layer 5", "… 40× faster …", "… about as fast as …" (within 5 %), or what is wrong when a
     * norm is 0 or not a number.
     */
    public static String speedSentence(int first, int last, double firstNorm, double lastNorm) {
        if (!Double.isFinite(firstNorm) || !Double.isFinite(lastNorm)) {
            return "the gradients of layer " + first + " and layer " + last + " are not finite numbers: they exploded";
        }
        if (first == last) return "layer " + first + " is the only hidden layer";
        if (firstNorm == 0 && lastNorm == 0) return "neither layer " + first + " nor layer " + last + " gets any gradient";
        if (firstNorm == 0) return "layer " + first + " gets no gradient at all; layer " + last + " does";
        if (lastNorm == 0) return "layer " + last + " gets no gradient at all; layer " + first + " does";
        double ratio = firstNorm / lastNorm;
        double factor = Math.max(ratio, 1 / ratio);
        if (factor < 1.05) return "layer " + first + " learns about as fast as layer " + last;
        return "layer " + first + " learns " + times(factor) + (ratio < 1 ? " slower" : " faster") + " than layer " + last;
    }

    /** 2.5×, 96×, 4300×, 3.4·10¹¹×. */
    public static String times(double factor) {
        if (factor < 9.95) return String.format(Locale.ROOT, "%.1f×", factor);
        if (factor < 9999.5) return Math.round(factor) + "×";
        int exponent = (int) Math.floor(Math.log10(factor));
        double mantissa = factor / Math.pow(10, exponent);
        if (mantissa >= 9.95) {
            mantissa /= 10;
            exponent++;
        }
        return String.format(Locale.ROOT, "%.1f·10%s×", mantissa, superscript(exponent));
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) s.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        return s.toString();
    }
}
