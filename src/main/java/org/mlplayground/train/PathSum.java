package org.mlplayground.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.DenseLayer;
import org.mlplayground.engine.Network;

/**
 * The lecture's "sum over all paths" (COURSE.md §3) for one weight w_{l,ij} and one example: by the chain rule
 * ∂ℓ/∂w_{l,ij} is a sum over every path from w_{l,ij} through neurons of layers l+1 … L to the loss, each path
 * contributing the product of its factors
 * <pre>h_{j,l−1} · Φ'_l(a_{i,l}) · w_{l+1,k i} · Φ'_{l+1}(a_{k,l+1}) · … · w_{L,m ·} · Φ'_L(a_{m,L}) · ∂ℓ/∂o_m</pre>
 * There are n_{l+1} ⋯ n_L of them, exponential in the depth; backprop's δ_l = Φ'_l(a_l) ⊙ (W_{l+1}^T δ_{l+1})
 * is the same sum with the common tails added up once (dynamic programming), giving ∂ℓ/∂w_{l,ij} = δ_{i,l} h_{j,l−1}.
 *
 * <p><b>Softmax output.</b> Softmax couples its outputs, Φ'_L is a full Jacobian, so a path reaching a_{k,L}
 * goes on to the loss through every output o_m: its last two factors are ∂o_m/∂a_{k,L} = o_m(δ_{mk} − o_k) and
 * ∂ℓ/∂o_m = −y_m/o_m, and there are n_L times as many paths. (Summed over m they give o_k − y_k, the fused δ.)
 *
 * <p>Indices are 1-based as in the course: w_{l,ij} is {@code W().get(i − 1, j − 1)} of layer l, from neuron j
 * of layer l−1 to neuron i of layer l. The pass is a training pass of a copy of the network with the one
 * example, without dropout; networks with batch norm are refused (it couples the examples of a batch, and a
 * batch of one normalises everything to 0).
 *
 * @param l        layer of the weight, 1 … L
 * @param i        neuron of layer l the weight leads to, 1 … n_l
 * @param j        neuron of layer l−1 it comes from, 1 … n_{l−1}
 * @param paths    every path, in lexicographic order of the neurons it passes
 * @param sum      Σ of the paths' products
 * @param backprop ∂ℓ/∂w_{l,ij} = δ_{i,l} h_{j,l−1} by backprop on the same example
 */
public record PathSum(int l, int i, int j, List<Path> paths, double sum, double backprop) {
    /** More paths than this are refused: the list would teach nothing, which is backprop's point. */
    public static final int MAX_PATHS = 10_000;

    public PathSum {
        paths = List.copyOf(paths);
    }

    /** One factor of a path's product, e.g. symbol {@code "w_{2,12}"} with its value. */
    public record Factor(String symbol, double value) {
    }

    /**
     * One path.
     *
     * @param neurons k_l = i, k_{l+1}, …, k_L (1-based) that the path passes, then for a softmax output the m of
     *                the output o_m it reaches the loss through
     * @param factors h_{j,l−1}, Φ'_l(a_{i,l}), w_{l+1,k_{l+1} i}, Φ'_{l+1}(…), …, ∂ℓ/∂o (in the order of the path)
     * @param product their product
     */
    public record Path(List<Integer> neurons, List<Factor> factors, double product) {
        public Path {
            neurons = List.copyOf(neurons);
            factors = List.copyOf(factors);
        }
    }

    /** How many paths lead from a weight of layer l to the loss: n_{l+1} ⋯ n_L, times n_L for a softmax output. */
    public static long pathCount(Network net, int l) {
        long count = 1;
        for (int p = l + 1; p <= net.depth(); p++) count = Math.min(count * net.layer(p).size(), Long.MAX_VALUE / 1024);
        if (!net.outputLayer().phi().elementwise()) count *= net.outputLayer().size();
        return count;
    }

    /**
     * The paths of w_{l,ij} for one example, on a copy of {@code net} ({@code net} is not touched).
     *
     * @param x the network input h_0, n_0 values
     * @param y the target as the loss sees it (one-hot for softmax), n_L values
     * @throws IllegalArgumentException for a weight the network lacks, inputs or targets of the wrong length, a
     *                                  network with batch norm, or more than {@link #MAX_PATHS} paths
     */
    public static PathSum of(Network net, double[] x, double[] y, int l, int i, int j) {
        int depth = net.depth();
        if (l < 1 || l > depth) throw new IllegalArgumentException("layer " + l + " of a network with layers 1 … " + depth);
        DenseLayer layer = net.layer(l);
        if (i < 1 || i > layer.size() || j < 1 || j > layer.inputSize()) {
            throw new IllegalArgumentException(weightSymbol(l, i, j) + " does not exist: layer " + l + " has weights w_{"
                    + l + ",ij} with i = 1 … " + layer.size() + " and j = 1 … " + layer.inputSize());
        }
        if (x.length != net.spec().inputSize() || y.length != net.spec().outputSize()) {
            throw new IllegalArgumentException("the network takes " + net.spec().inputSize() + " inputs and "
                    + net.spec().outputSize() + " targets, got " + x.length + " and " + y.length);
        }
        for (int p = 1; p <= depth; p++) {
            if (net.layer(p).batchNorm()) {
                throw new IllegalArgumentException("layer " + p + " has batch normalisation, which couples the examples of a "
                        + "batch; the sum over paths is shown for one example through a network without it");
            }
        }
        long count = pathCount(net, l);
        if (count > MAX_PATHS) {
            throw new IllegalArgumentException(weightSymbol(l, i, j) + " reaches the loss along " + count
                    + " paths, more than the " + MAX_PATHS + " worth listing: their number grows exponentially with depth, "
                    + "which is why backprop sums them layer by layer; try a small network such as 2-2-2-2");
        }

        Network copy = net.copy();
        for (int p = 1; p < depth; p++) copy.setDropout(p, 0);
        DMatrixRMaj X = new DMatrixRMaj(x.length, 1, true, x.clone());
        DMatrixRMaj Y = new DMatrixRMaj(y.length, 1, true, y.clone());
        copy.backprop(X, Y);
        DMatrixRMaj dLdo = new DMatrixRMaj(1, 1);
        copy.spec().loss().dLdoForDisplay(copy.outputLayer().h(), Y, dLdo);

        List<Path> paths = new ArrayList<>((int) count);
        List<Integer> neurons = new ArrayList<>();
        List<Factor> factors = new ArrayList<>();
        neurons.add(i);
        double hIn = copy.layer(l).hPrev().get(j - 1, 0);
        factors.add(new Factor("h_{" + j + "," + (l - 1) + "}", hIn));
        new Walk(copy, dLdo, paths).from(l, i, neurons, factors, hIn);

        double sum = 0;
        for (Path path : paths) sum += path.product();
        double backprop = copy.layer(l).dLdW().get(i - 1, j - 1);
        return new PathSum(l, i, j, paths, sum, backprop);
    }

    /** Depth-first over the neurons of the layers above, multiplying the factors along the way. */
    private record Walk(Network net, DMatrixRMaj dLdo, List<Path> paths) {

        /** The path has reached neuron k of layer p (before its Φ'); {@code product} is the product so far. */
        void from(int p, int k, List<Integer> neurons, List<Factor> factors, double product) {
            DenseLayer layer = net.layer(p);
            double a = layer.a().get(k - 1, 0), h = layer.h().get(k - 1, 0);
            boolean output = p == net.depth();
            if (output && !layer.phi().elementwise()) {
                throughSoftmax(k, neurons, factors, product);
                return;
            }
            factors.add(new Factor("\\Phi'_{" + p + "}(a_{" + k + "," + p + "})", layer.phi().phiPrime(a, h)));
            double withPhi = product * last(factors);
            if (output) {
                factors.add(new Factor("\\partial L/\\partial o_{" + k + "}", dLdo.get(k - 1, 0)));
                paths.add(new Path(neurons, factors, withPhi * last(factors)));
                factors.remove(factors.size() - 1);
            } else {
                DenseLayer above = net.layer(p + 1);
                for (int next = 1; next <= above.size(); next++) {
                    factors.add(new Factor(weightSymbol(p + 1, next, k), above.W().get(next - 1, k - 1)));
                    neurons.add(next);
                    from(p + 1, next, neurons, factors, withPhi * last(factors));
                    neurons.remove(neurons.size() - 1);
                    factors.remove(factors.size() - 1);
                }
            }
            factors.remove(factors.size() - 1);
        }

        /** The softmax Jacobian: from a_{k,L} to every o_m, then ∂ℓ/∂o_m. */
        private void throughSoftmax(int k, List<Integer> neurons, List<Factor> factors, double product) {
            int depth = net.depth();
            DMatrixRMaj o = net.outputLayer().h();
            double ok = o.get(k - 1, 0);
            for (int m = 1; m <= o.numRows; m++) {
                double om = o.get(m - 1, 0);
                double jacobian = om * ((m == k ? 1 : 0) - ok);
                factors.add(new Factor("\\partial o_{" + m + "}/\\partial a_{" + k + "," + depth + "}", jacobian));
                factors.add(new Factor("\\partial L/\\partial o_{" + m + "}", dLdo.get(m - 1, 0)));
                neurons.add(m);
                paths.add(new Path(neurons, factors, product * jacobian * dLdo.get(m - 1, 0)));
                neurons.remove(neurons.size() - 1);
                factors.remove(factors.size() - 1);
                factors.remove(factors.size() - 1);
            }
        }

        private static double last(List<Factor> factors) {
            return factors.get(factors.size() - 1).value();
        }
    }

    /** w_{l,ij}, with a thin space between i and j once either has two digits. */
    static String weightSymbol(int l, int i, int j) {
        return "w_{" + l + "," + i + (i < 10 && j < 10 ? "" : "\\,") + j + "}";
    }
}
