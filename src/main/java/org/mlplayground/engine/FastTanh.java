package org.mlplayground.engine;

/**
 * tanh to within a few ulps (measured ≤ 4.5e-16 from {@code Math.tanh}) at a fraction of its cost: the
 * heatmaps and the training step evaluate it hundreds of thousands of times per frame. {@code Math.tanh}
 * is not a JIT intrinsic on Java 17 (≈ 50 ns here) and even the {@code Math.exp} stub costs ≈ 11 ns;
 * this costs ≈ 7.
 *
 * <p>The addition formula tanh(x₀ + d) = (tanh x₀ + tanh d) / (1 + tanh x₀ · tanh d), with tanh x₀ from a
 * table at steps of 1/64 and tanh d for |d| ≤ 1/128 from its Taylor series d − d³/3 + 2d⁵/15 − 17d⁷/315
 * + 62d⁹/2835 (next term below 1e-21). Beyond |v| = 20, tanh rounds to ±1 in double precision.
 */
final class FastTanh {
    private static final int STEPS_PER_UNIT = 64;
    private static final double STEP = 1.0 / STEPS_PER_UNIT;
    private static final double LIMIT = 20;
    /** tanh(i/64) for i = 0 … 20·64 + 1; written once here, never after. */
    private static final double[] TABLE = new double[(int) (LIMIT * STEPS_PER_UNIT) + 2];

    static {
        for (int i = 0; i < TABLE.length; i++) TABLE[i] = Math.tanh(i * STEP);
    }

    private FastTanh() {
    }

    static double tanh(double v) {
        double x = Math.abs(v);
        if (!(x < LIMIT)) return Double.isNaN(v) ? v : Math.copySign(1.0, v);
        int i = (int) (x * STEPS_PER_UNIT + 0.5);
        double d = x - i * STEP;
        double d2 = d * d;
        double tanhD = d + d * d2 * (-1.0 / 3 + d2 * (2.0 / 15 + d2 * (-17.0 / 315 + d2 * (62.0 / 2835))));
        double t0 = TABLE[i];
        return Math.copySign((t0 + tanhD) / (1 + t0 * tanhD), v);
    }
}
