package org.mlplayground.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.Inference;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;

/**
 * k networks of one shape that predict together (COURSE.md §6): the ensemble's output is the mean of its
 * members' outputs, ō = (1/k) Σ_j o_j. For a softmax output that averages the class probabilities, for a
 * sigmoid the probability of class +1, for one tanh or identity output the value; the class is then read
 * from ō by the same rules as {@link Trainer#evaluate} (arg max, ō &gt; 0.5, sign of ō).
 *
 * <p>Immutable: the members are private copies that nobody steps, so any number of threads may evaluate
 * one ensemble at once, each with its own {@link Evaluator}. {@link #member(int)} hands out copies.
 *
 * <p>Built by {@link EnsembleTrainer}: bagging (bootstrap resamples), independent seeds, or snapshots along
 * one run.
 */
public final class Ensemble {

    /** How the members came about. */
    public enum Kind {
        /** Member i trained on its own bootstrap resample of the training set. */
        BAGGING,
        /** Member i trained on the whole training set from its own initial weights and shuffling. */
        SEEDS,
        /** The members are the weights of one run at several epochs. */
        SNAPSHOTS
    }

    /**
     * The loss of an ensemble next to its members' on one data set.
     *
     * @param ensemble the loss and accuracy of ō; see {@link #evaluate(Dataset)} for how the loss is taken
     * @param members  {@link Trainer#evaluate} of each member, in the ensemble's order
     */
    public record Report(Trainer.Evaluation ensemble, List<Trainer.Evaluation> members) {
        public Report {
            Objects.requireNonNull(ensemble, "ensemble");
            members = List.copyOf(members);
        }

        /** (1/k) Σ_j L_j, the members' mean loss: every loss is convex in o, so this is never below the ensemble's. */
        public double meanMemberLoss() {
            return members.stream().mapToDouble(Trainer.Evaluation::loss).average().orElse(Double.NaN);
        }

        /** The members' mean accuracy (NaN when accuracy does not apply). */
        public double meanMemberAccuracy() {
            return members.stream().mapToDouble(Trainer.Evaluation::accuracy).average().orElse(Double.NaN);
        }
    }

    /**
     * The smallest probability whose log the cross-entropy of ō takes: −log(1e-15) ≈ 34.5 caps the loss of
     * one example, where a single network's loss, computed from its logits, has no cap.
     */
    static final double MIN_PROBABILITY = 1e-15;

    private final Kind kind;
    private final NetworkSpec spec;
    private final List<Network> members;
    private final List<String> labels;

    /**
     * @param members the networks, all of one spec; the ensemble keeps copies
     * @param labels  one per member, such as "seed 3", "bootstrap 2" or "epoch 40"
     */
    public Ensemble(Kind kind, List<Network> members, List<String> labels) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        if (labels.size() != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + labels.size() + " labels");
        }
        this.spec = members.get(0).spec();
        List<Network> copies = new ArrayList<>(members.size());
        for (Network member : members) {
            if (!member.spec().equals(spec)) {
                throw new IllegalArgumentException("the members of an ensemble share one shape: " + spec.shape() + " and "
                        + member.spec().shape() + " (or their activations or loss) differ");
            }
            copies.add(copyOf(member));
        }
        this.members = List.copyOf(copies);
        this.labels = List.copyOf(labels);
    }

    /** The one place where a member is copied: everything a forward pass reads. */
    static Network copyOf(Network net) {
        return net.copy();
    }

    public Kind kind() {
        return kind;
    }

    /** k, the number of members. */
    public int size() {
        return members.size();
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Member j's label. */
    public String label(int j) {
        return labels.get(j);
    }

    public List<String> labels() {
        return labels;
    }

    /** A copy of member j = 0 … k − 1 (to draw its own decision boundary or train it further). */
    public Network member(int j) {
        return copyOf(members.get(j));
    }

    /**
     * ō for every column of {@code x} (n_0 × N, network inputs: points mapped by the run's input map) as a
     * new matrix; any thread may call this. A view that evaluates every frame keeps an {@link #evaluator()}
     * instead and saves the allocations.
     */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        return evaluator().run(x).copy();
    }

    /** Buffers for evaluating this ensemble, to be used by one thread. */
    public Evaluator evaluator() {
        return new Evaluator();
    }

    /**
     * The ensemble's loss and accuracy on {@code data} (network inputs, as {@link Trainer#evaluate} takes
     * them) next to each member's. Accuracy follows the rules of {@link Trainer#evaluate}, applied to ō.
     * The loss is the mean loss of ō itself, not the members' mean loss: MSE ½‖ō − y‖² and MAE Σ|ō − y|
     * as usual; the cross-entropies, which a single network computes from its logits a_L, are taken from
     * the averaged probabilities directly, as the ensemble has no logits: −y log ō − (1 − y) log(1 − ō) for
     * sigmoid and −Σ y_i log ō_i for softmax, with every probability clamped to at least
     * {@value #MIN_PROBABILITY} before the log. For a one-member ensemble this agrees with
     * {@link Trainer#evaluate} up to rounding unless an example's probability falls below that bound.
     */
    public Report evaluate(Dataset data) {
        if (data.size() == 0) throw new IllegalArgumentException("cannot evaluate an ensemble on an empty data set");
        if (data.inputSize() != spec.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.inputSize() + " inputs per example but the ensemble takes "
                    + spec.inputSize());
        }
        int n = data.size();
        int[] all = Batches.identityOrder(n);
        DMatrixRMaj x = new DMatrixRMaj(1, 1), y = new DMatrixRMaj(1, 1);
        Batches.gatherInputs(data, all, 0, n, x);
        Batches.gatherTargets(data, all, 0, n, spec.loss(), spec.outputSize(), y);
        DMatrixRMaj oBar = evaluator().run(x);
        Trainer.Evaluation ensemble = new Trainer.Evaluation(loss(spec.loss(), oBar, y), accuracy(spec.loss(), oBar, data));

        List<Trainer.Evaluation> each = new ArrayList<>(members.size());
        for (Network member : members) each.add(Trainer.evaluate(member, data));
        return new Report(ensemble, each);
    }

    /** (1/N) Σ_n ℓ(ō_n, y_n) from the averaged outputs alone; see {@link #evaluate}. */
    private static double loss(Loss loss, DMatrixRMaj oBar, DMatrixRMaj y) {
        double[] o = oBar.data, t = y.data;
        double sum = 0;
        for (int i = 0, n = oBar.getNumElements(); i < n; i++) {
            double oi = o[i], yi = t[i];
            sum += switch (loss) {
                case MSE -> 0.5 * (oi - yi) * (oi - yi);
                case MAE -> Math.abs(oi - yi);
                case SIGMOID_CROSS_ENTROPY -> -yi * clampedLog(oi) - (1 - yi) * clampedLog(1 - oi);
                case SOFTMAX_CROSS_ENTROPY -> yi == 0 ? 0 : -yi * clampedLog(oi);
            };
        }
        return sum / oBar.numCols;
    }

    private static double clampedLog(double p) {
        return Math.log(Math.max(p, MIN_PROBABILITY));
    }

    /** The share of examples whose class read from ō is right, by {@link Trainer#evaluate}'s rules. */
    private static double accuracy(Loss loss, DMatrixRMaj oBar, Dataset data) {
        double[] labels = data.y();
        boolean signs = loss == Loss.MSE || loss == Loss.MAE;
        for (double label : labels) if (signs && label != 1 && label != -1) return Double.NaN; // regression targets
        int correct = 0;
        for (int c = 0; c < labels.length; c++) {
            boolean right = switch (loss) {
                case SOFTMAX_CROSS_ENTROPY -> argMax(oBar, c) == (int) labels[c];
                case SIGMOID_CROSS_ENTROPY -> (oBar.get(0, c) > 0.5) == (labels[c] > 0);
                case MSE, MAE -> (oBar.get(0, c) >= 0) == (labels[c] > 0);
            };
            if (right) correct++;
        }
        return (double) correct / labels.length;
    }

    /** The row of column c's largest entry (the first, on a tie). */
    private static int argMax(DMatrixRMaj o, int c) {
        int best = 0;
        for (int r = 1; r < o.numRows; r++) if (o.get(r, c) > o.get(best, c)) best = r;
        return best;
    }

    /**
     * ō = (1/k) Σ_j o_j with buffers of its own, reused from call to call: one instance per thread (the
     * heatmap's, say). Each member runs on the whole input in turn and its o_j is added into ō.
     */
    public final class Evaluator {
        private final Inference inference = new Inference(spec);
        /** Σ_j o_j, then ō. */
        private final DMatrixRMaj oBar = new DMatrixRMaj(1, 1);

        private Evaluator() {
        }

        /**
         * ō for every column of {@code x} (n_0 × N). The result belongs to this evaluator and is
         * overwritten by the next call.
         */
        public DMatrixRMaj run(DMatrixRMaj x) {
            if (x.numRows != spec.inputSize()) {
                throw new IllegalArgumentException("the ensemble takes " + spec.inputSize() + " inputs per example, got "
                        + x.numRows);
            }
            oBar.reshape(spec.outputSize(), x.numCols);
            CommonOps_DDRM.fill(oBar, 0);
            for (Network member : members) CommonOps_DDRM.addEquals(oBar, inference.run(member, x));
            CommonOps_DDRM.divide(oBar, members.size());
            return oBar;
        }

        /** Member j's own output o_j for {@code x}, in this evaluator's buffers until its next call. */
        public DMatrixRMaj runMember(int j, DMatrixRMaj x) {
            return inference.run(members.get(j), x);
        }
    }
}
